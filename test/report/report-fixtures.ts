import { RULES } from '../../rules/index.js';
import type { Suppression } from '../../src/config/config.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/engine/finding.js';
import { applySuppressions, SUPPRESS_REASON_TAG, SUPPRESS_TAG, tagIndex } from '../../src/engine/suppress.js';
import { SEVERITIES } from '../../src/engine/taxonomy.js';
import { loadInventory } from '../../src/inventory/load.js';
import type { Inventory } from '../../src/inventory/model.js';
import { compareWithBaseline } from '../../src/report/baseline.js';
import { buildReport, summarise, type ScanReport } from '../../src/report/report.js';

export const DEMO = 'fixtures/demo-account.json';
export const HOSTILE_NAME = '<script>alert(1)</script>';
const TODAY = '2026-03-02';

function report(inventory: Inventory, suppressions: readonly Suppression[] = []): ScanReport {
  const { findings, expired } = applySuppressions(
    evaluateRules(RULES, inventory),
    suppressions,
    TODAY,
    tagIndex([inventory]),
  );
  return buildReport({
    version: '0.0.0-test',
    inventories: [inventory],
    rules: RULES,
    findings,
    startedAt: '2026-03-02T10:00:00.000Z',
    finishedAt: '2026-03-02T10:00:05.000Z',
    expiredSuppressions: expired,
  });
}

/** The demo account through the real pipeline, every rule, no suppressions. */
export function demoReport(): ScanReport {
  return report(loadInventory(DEMO));
}

/**
 * The demo account with a config suppression (reason and expiry), an expired one, and an owner's tag suppression,
 * each on a resource that FAILs.
 */
export function suppressedReport(): ScanReport {
  const inventory = loadInventory(DEMO);
  const fails = demoReport().findings.filter((f) => f.status === 'FAIL');
  const inInventory = new Set(Object.values(inventory.slices).flatMap((s) => (s?.items ?? []).map((i) => i.arn)));
  const byConfig = fails[0];
  const byTag = fails.find((f) => f.resource.arn !== byConfig?.resource.arn && inInventory.has(f.resource.arn));
  if (!byConfig || !byTag) throw new Error('the demo account needs two failing resources');
  for (const slice of Object.values(inventory.slices)) {
    for (const item of slice?.items ?? []) {
      if (item.arn === byTag.resource.arn) {
        item.tags = { ...item.tags, [SUPPRESS_TAG]: byTag.ruleId, [SUPPRESS_REASON_TAG]: 'Owner accepts: batch only' };
      }
    }
  }
  return report(inventory, [
    { rule: byConfig.ruleId, resource: byConfig.resource.arn, reason: 'Accepted by the risk board (RISK-42)', expires: '2999-12-31' },
    { rule: byConfig.ruleId, resource: 'arn:aws:sagemaker:*:*:nothing/*', reason: 'An old exception', expires: '2020-01-01' },
  ]);
}

/**
 * The demo account where one failing notebook has a hostile name: markup, a Markdown link, table pipes, a mention,
 * and terminal escapes. It flows through the rules into messages, ARNs and evidence like any real name.
 */
export function hostileReport(): ScanReport {
  const inventory = loadInventory(DEMO);
  const notebooks = inventory.slices.notebookInstances?.items ?? [];
  const target = notebooks.find((nb) => nb.name === 'ds-sandbox') ?? notebooks[0];
  if (!target) throw new Error('the demo account has no notebook');
  const name = `${HOSTILE_NAME}|[x](https://evil.example)@octocat\u001b[31m`;
  target.arn = target.arn.replace(/[^/]+$/, name);
  target.name = name;
  target.tags = { ...target.tags, owner: '"><img src=x onerror=alert(2)>' };
  return report(inventory);
}

/**
 * A report with `count` FAILs, spread over the severities, built from the demo's FAILs with distinct ARNs: for the
 * size limits of SARIF and the row limits of Markdown.
 */
export function largeReport(count: number): ScanReport {
  const base = demoReport();
  const fails = base.findings.filter((f) => f.status === 'FAIL');
  const findings: Finding[] = [];
  for (let i = 0; i < count; i += 1) {
    const f = fails[i % fails.length] as Finding;
    const severity = SEVERITIES[i % SEVERITIES.length] ?? 'medium';
    const name = `${f.resource.name}-${i}`;
    findings.push({ ...f, severity, resource: { ...f.resource, name, arn: `${f.resource.arn}-${i}` }, message: `${f.message} (copy ${i})` });
  }
  return { ...base, findings, summary: summarise(findings, base.rules.length) };
}

export const BASELINE_SOURCE = 'previous/mlaudit.json';
/** The rule whose FAILs the baseline of `baselineReport` lacks: they are new. */
export const NEW_RULE = 'notebook-root-disabled';

/**
 * The demo account compared with a baseline of it from an earlier run, in which: the FAILs of NEW_RULE were not yet
 * there (new now); a resource with a hostile name FAILed and is gone now (fixed); a training job FAILed in the
 * region whose training-job listing is denied now (not checked: ERROR); and a FAIL of an account this run does not
 * scan (not checked: not scanned). Every other FAIL is unchanged.
 */
export function baselineReport(): ScanReport {
  const current = demoReport();
  const fails = current.findings.filter((f) => f.status === 'FAIL');
  const pass = current.findings.find((f) => f.status === 'PASS' && f.resource.arn.includes(':notebook-instance/'));
  const deniedListing = current.findings.find((f) => f.status === 'ERROR' && f.resource.arn.endsWith(':trainingJobs/*'));
  const template = fails.find((f) => f.ruleId !== NEW_RULE);
  if (!pass || !deniedListing || !template) throw new Error('the demo account needs a notebook PASS, a denied training-job listing and a FAIL');
  const gone = `${pass.resource.arn.replace(/[^/]+$/, '')}${HOSTILE_NAME}`;
  const previous: Finding[] = [
    ...fails.filter((f) => f.ruleId !== NEW_RULE),
    { ...pass, status: 'FAIL', resource: { ...pass.resource, arn: gone, name: HOSTILE_NAME } },
    {
      ...template,
      ruleId: deniedListing.ruleId,
      region: deniedListing.region,
      resource: { arn: deniedListing.resource.arn.replace('trainingJobs/*', 'training-job/retired-job'), type: 'AWS::SageMaker::TrainingJob', name: 'retired-job' },
    },
    { ...template, account: '999988887777', resource: { ...template.resource, arn: template.resource.arn.replace('111122223333', '999988887777') } },
  ];
  const baseline: ScanReport = {
    ...current,
    scan: { ...current.scan, startedAt: '2026-02-23T10:00:00.000Z', finishedAt: '2026-02-23T10:00:05.000Z' },
    findings: previous,
    summary: summarise(previous, current.rules.length),
  };
  return compareWithBaseline(current, baseline, BASELINE_SOURCE);
}
