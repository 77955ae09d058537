import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { severityRank, type Severity } from '../../src/engine/taxonomy.js';
import type { ScanReport } from '../../src/report/report.js';
import { fingerprint, GITHUB_LIMITS, renderSarif } from '../../src/report/sarif.js';
import { multitoolAvailability, MULTITOOL_HINT, runMultitool, suiteEnabled, type MultitoolReport } from './external-tools.js';
import { baselineReport, demoReport, HOSTILE_NAME, hostileReport, largeReport, suppressedReport } from './report-fixtures.js';
import { describeErrors, SARIF_SCHEMA_PATH, sarifValidator } from './schema-validators.js';

/** The parts of SARIF these tests read; the schema checks the rest. */
interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: SarifRule[] } };
    automationDetails: { id: string };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[];
    results: SarifResult[];
    properties?: Record<string, unknown>;
  }[];
}
interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  properties: { tags: string[]; 'security-severity': unknown };
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text?: string };
  locations?: {
    physicalLocation?: { artifactLocation?: { uri?: string } };
    logicalLocations?: { fullyQualifiedName?: string }[];
  }[];
  partialFingerprints?: Record<string, string>;
  suppressions?: { kind: string; status?: string; justification?: string }[];
  baselineState?: string;
}

const parse = (text: string): Sarif => JSON.parse(text) as Sarif;
const run = (sarif: Sarif): Sarif['runs'][number] => sarif.runs[0] as Sarif['runs'][number];
const fails = (report: ScanReport) => report.findings.filter((f) => f.status === 'FAIL');

const demo = demoReport();
const suppressed = suppressedReport();
const hostile = hostileReport();
const baselined = baselineReport();

/**
 * What GitHub code scanning requires beyond the schema; each violation makes it reject the whole upload (or, for
 * fingerprints and categories, mix up alerts). Returns the problems found, so a failure names all of them.
 */
function githubProblems(sarif: Sarif): string[] {
  const problems: string[] = [];
  if (sarif.version !== '2.1.0') problems.push(`version ${sarif.version}`);
  if (sarif.runs.length < 1 || sarif.runs.length > 20) problems.push(`${sarif.runs.length} runs (GitHub: 1 to 20)`);
  for (const [r, runEntry] of sarif.runs.entries()) {
    const rules = runEntry.tool.driver.rules;
    if (!runEntry.automationDetails?.id) problems.push(`run ${r}: no automationDetails.id`);
    if (runEntry.results.length > GITHUB_LIMITS.resultsPerRun) problems.push(`run ${r}: ${runEntry.results.length} results`);
    for (const rule of rules) {
      const severity = rule.properties['security-severity'];
      if (typeof severity !== 'string' || !/^\d+(\.\d+)?$/.test(severity) || Number(severity) <= 0 || Number(severity) > 10) {
        problems.push(`rule ${rule.id}: security-severity ${JSON.stringify(severity)} is not a string score in (0, 10]`);
      }
      const tags = rule.properties.tags;
      if (new Set(tags).size !== tags.length || tags.length > GITHUB_LIMITS.tagsPerRule) problems.push(`rule ${rule.id}: tags ${tags.join(',')}`);
      if (!rule.shortDescription?.text || !rule.fullDescription?.text || !rule.help?.text || !rule.help.markdown) {
        problems.push(`rule ${rule.id}: missing a description or help`);
      }
      if (rule.helpUri !== undefined && !/^https:\/\//.test(rule.helpUri)) problems.push(`rule ${rule.id}: helpUri ${rule.helpUri}`);
    }
    for (const [i, res] of runEntry.results.entries()) {
      const where = `result ${i} (${res.ruleId})`;
      if (!res.message.text) problems.push(`${where}: no message text`);
      if (res.ruleIndex !== undefined && rules[res.ruleIndex]?.id !== res.ruleId) problems.push(`${where}: ruleIndex points elsewhere`);
      if (!rules.some((rule) => rule.id === res.ruleId)) problems.push(`${where}: rule not in tool.driver.rules`);
      if (!res.locations?.length) problems.push(`${where}: no locations`);
      for (const loc of res.locations ?? []) {
        const uri = loc.physicalLocation?.artifactLocation?.uri;
        if (uri === undefined) problems.push(`${where}: a location without physicalLocation.artifactLocation.uri`);
        else if (uri === '') problems.push(`${where}: empty uri`);
        else if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) problems.push(`${where}: uri with a scheme: ${uri}`);
        else if (uri.startsWith('/')) problems.push(`${where}: absolute path ${uri}`);
        else if (uri.split('/').some((seg) => seg === '.' || seg === '..' || seg === '')) problems.push(`${where}: odd path ${uri}`);
      }
      if (!res.partialFingerprints || Object.keys(res.partialFingerprints).length === 0) problems.push(`${where}: no partialFingerprints`);
    }
  }
  return problems;
}

describe('SARIF for GitHub code scanning', () => {
  const { text, warnings } = renderSarif(demo);
  const sarif = parse(text);

  it('has one rule entry per evaluated rule, with descriptions, help, tags and a string security-severity', () => {
    const rules = run(sarif).tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(demo.rules.map((r) => r.id));
    for (const [i, rule] of rules.entries()) {
      const meta = demo.rules[i];
      if (!meta) throw new Error('rule count');
      expect(rule.shortDescription?.text).toBe(meta.title);
      expect(rule.fullDescription?.text).toBe(meta.rationale);
      expect(rule.help?.text).toContain(meta.remediation.summary);
      expect(rule.help?.markdown).toContain(meta.remediation.summary);
      expect(rule.properties.tags).toEqual(expect.arrayContaining([meta.phase, ...meta.dimensions]));
      expect(typeof rule.properties['security-severity']).toBe('string');
      const expected: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
      expect(rule.properties['security-severity']).toBe(expected[meta.severity]);
    }
  });

  it('has one result per FAIL naming its resource, located by a scheme-free path and the ARN', () => {
    const results = run(sarif).results;
    const expected = fails(demo);
    expect(results).toHaveLength(expected.length);
    for (const [i, res] of results.entries()) {
      const f = expected[i];
      if (!f) throw new Error('result count');
      expect(res.ruleId).toBe(f.ruleId);
      expect(res.message.text).toContain(f.resource.arn);
      expect(res.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe(f.resource.arn);
      const uri = res.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      expect(uri.startsWith(`aws/${f.account}/${f.region}/`)).toBe(true);
      expect(uri).not.toContain('arn:');
    }
    expect(githubProblems(sarif)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('levels follow severity: critical and high are errors, medium warnings, low and info notes', () => {
    const level = new Map(run(sarif).results.map((r) => [r.ruleId, r.level]));
    for (const f of fails(demo)) {
      expect(level.get(f.ruleId)).toBe(severityRank(f.severity) <= severityRank('high') ? 'error' : f.severity === 'medium' ? 'warning' : 'note');
    }
  });

  it('fingerprints are rule id + ARN: stable across runs and times, unique per result', () => {
    const later = parse(renderSarif({ ...demo, scan: { ...demo.scan, startedAt: '2030-01-01T00:00:00.000Z', finishedAt: '2030-01-01T00:01:00.000Z' } }).text);
    const prints = (s: Sarif) => run(s).results.map((r) => r.partialFingerprints);
    expect(prints(later)).toEqual(prints(sarif));
    const ids = run(sarif).results.map((r) => r.partialFingerprints?.['mlauditResource/v1']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(fails(demo).map(fingerprint));
    const lineHashes = run(sarif).results.map((r) => r.partialFingerprints?.primaryLocationLineHash);
    expect(new Set(lineHashes).size).toBe(lineHashes.length);
  });

  it('automationDetails.id is per account and region set, so uploads for other accounts keep their own alerts', () => {
    const id = run(sarif).automationDetails.id;
    expect(id).toBe(`mlaudit/${demo.scan.accounts.join('+')}/${demo.scan.regions.join('+')}/`);
    const other = parse(renderSarif({ ...demo, scan: { ...demo.scan, accounts: ['999988887777'] } }).text);
    expect(run(other).automationDetails.id).not.toBe(id);
  });

  it('lists what could not be collected as tool notifications', () => {
    const notes = run(sarif).invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes).toHaveLength(demo.errors.length);
    expect(notes.map((n) => n.message.text).join('\n')).toContain('AccessDeniedException');
  });

  it('marks suppressed FAILs with SARIF suppressions (config: external, owner tag: inSource) and the reason', () => {
    const results = run(parse(renderSarif(suppressed).text)).results;
    const withSuppression = results.filter((r) => r.suppressions?.length);
    expect(withSuppression).toHaveLength(suppressed.summary.suppressed);
    expect(withSuppression.map((r) => r.suppressions?.[0])).toEqual(
      expect.arrayContaining([
        { kind: 'external', status: 'accepted', justification: 'Accepted by the risk board (RISK-42)', properties: { expires: '2999-12-31' } },
        { kind: 'inSource', status: 'accepted', justification: 'Owner accepts: batch only' },
      ]),
    );
    // SARIF: suppressions on every result or on none; an empty array means checked and not suppressed.
    expect(results.filter((r) => r.suppressions === undefined)).toEqual([]);
    expect(results.filter((r) => r.suppressions?.length === 0)).toHaveLength(fails(suppressed).length - suppressed.summary.suppressed);
  });

  it('keeps hostile resource names out of URIs and fingerprints but in messages as data', () => {
    const s = parse(renderSarif(hostile).text);
    expect(githubProblems(s)).toEqual([]);
    const res = run(s).results.find((r) => r.message.text?.includes(HOSTILE_NAME));
    expect(res).toBeDefined();
    const uri = res?.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    expect(uri).not.toMatch(/[<>|[\]\u0000-\u001f]/);
  });
});

describe('SARIF with a baseline', () => {
  const s = parse(renderSarif(baselined).text);

  it('gives every result its baselineState, new or unchanged, as the spec wants (on all results or none)', () => {
    const results = run(s).results;
    expect(results).toHaveLength(fails(baselined).length);
    expect(results.map((r) => r.baselineState)).toEqual(fails(baselined).map((f) => f.baseline));
    expect(new Set(results.map((r) => r.baselineState))).toEqual(new Set(['new', 'unchanged']));
    expect(githubProblems(s)).toEqual([]);
  });

  it('has no "absent" results for fixed FAILs (GitHub would open alerts for them): they are counted in the run properties', () => {
    expect(run(s).results.some((r) => r.baselineState === 'absent')).toBe(false);
    const fixedArn = baselined.baseline?.fixed[0]?.resource.arn ?? '';
    expect(fixedArn).toContain(HOSTILE_NAME);
    expect(run(s).results.some((r) => r.message.text?.includes(fixedArn))).toBe(false);
    expect(run(s).properties).toEqual({ baseline: { source: baselined.baseline?.source, ...baselined.baseline?.counts } });
  });

  it('has no baselineState without a baseline', () => {
    expect(run(parse(renderSarif(demo).text)).results.some((r) => 'baselineState' in r)).toBe(false);
  });
});

describe('SARIF against the SARIF 2.1.0 JSON schema', () => {
  const validate = sarifValidator();
  it.skipIf(!validate)(`validates (schema from ${SARIF_SCHEMA_PATH})`, () => {
    if (!validate) return;
    for (const [name, report] of Object.entries({ demo, suppressed, hostile, baselined, truncated: largeReport(60) })) {
      const text = name === 'truncated' ? renderSarif(report, { maxResults: 25 }).text : renderSarif(report).text;
      expect(validate(JSON.parse(text)), `${name}:\n${describeErrors(validate.errors)}`).toBe(true);
    }
  });

  it.skipIf(!validate)('the schema itself catches a malformed log (the validator is live)', () => {
    if (!validate) return;
    const broken = JSON.parse(renderSarif(demo).text) as { runs: { results: { level: string }[] }[] };
    const first = broken.runs[0]?.results[0];
    if (first) first.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });
});

describe('SARIF truncated to GitHub limits', () => {
  it('keeps the most severe results when there are more than the per-run limit, and says so', () => {
    const big = largeReport(100);
    const { text, warnings } = renderSarif(big, { maxResults: 30 });
    const s = parse(text);
    const kept = run(s).results;
    expect(kept).toHaveLength(30);
    const keptRanks = kept.map((r) => severityRank(big.findings.find((f) => fingerprint(f) === r.partialFingerprints?.['mlauditResource/v1'])?.severity ?? 'info'));
    const worstKept = Math.max(...keptRanks);
    const keptIds = new Set(kept.map((r) => r.partialFingerprints?.['mlauditResource/v1']));
    const dropped = big.findings.filter((f) => !keptIds.has(fingerprint(f)));
    expect(dropped).toHaveLength(70);
    // Nothing left out is more severe than anything kept.
    expect(Math.min(...dropped.map((f) => severityRank(f.severity)))).toBeGreaterThanOrEqual(worstKept);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/at most 30 results per run.*Kept the 30 most severe of 100 FAIL results.*left out 70/);
    expect(run(s).properties).toEqual({ truncated: true, failResults: 100, resultsIncluded: 30 });
    expect(run(s).invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toMatch(/Only the 30 most severe of 100/);
    expect(githubProblems(s)).toEqual([]);
  });

  it('shrinks the log under the gzipped size limit', () => {
    const big = largeReport(400);
    // Room for the rule metadata and some results, not all 400.
    const limit = gzipSync(renderSarif({ ...big, findings: [] }).text).length + 6_000;
    const { text, warnings } = renderSarif(big, { maxGzippedBytes: limit });
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    const kept = run(parse(text)).results.length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(400);
    expect(warnings[0]).toMatch(/gzipped/);
    expect(gunzipSync(gzipSync(text)).toString()).toBe(text);
  });

  it('applies GitHub’s real limit of 25,000 results per run by default', () => {
    const big = largeReport(GITHUB_LIMITS.resultsPerRun + 5);
    const { text, warnings } = renderSarif(big);
    expect(run(parse(text)).results).toHaveLength(GITHUB_LIMITS.resultsPerRun);
    expect(gzipSync(text).length).toBeLessThan(GITHUB_LIMITS.gzippedBytes);
    expect(warnings[0]).toMatch(/left out 5\b/);
  }, 60_000);
});

const multitool = suiteEnabled('SARIF Multitool', multitoolAvailability(), MULTITOOL_HINT);

describe.skipIf(!multitool)('SARIF Multitool (validate --rule-kind "Gh;Sarif")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlaudit-sarif-'));
  const logs: Record<string, () => string> = {
    'the demo account': () => renderSarif(demo).text,
    'with suppressions': () => renderSarif(suppressed).text,
    'with hostile names': () => renderSarif(hostile).text,
    'with a baseline': () => renderSarif(baselined).text,
    truncated: () => renderSarif(largeReport(60), { maxResults: 25 }).text,
    // A log GitHub rejects: shows that the tool runs its GitHub rules and that its output is read.
    'a result without locations': () => {
      const broken = JSON.parse(renderSarif(demo).text) as { runs: { results: { locations?: unknown }[] }[] };
      delete broken.runs[0]?.results[0]?.locations;
      return JSON.stringify(broken, null, 2);
    },
  };
  const files = Object.fromEntries(
    Object.entries(logs).map(([name, make]) => {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.sarif`);
      writeFileSync(path, make());
      return [name, path];
    }),
  );
  let reports: Map<string, MultitoolReport> = new Map();
  beforeAll(() => {
    reports = runMultitool(Object.values(files));
  }, 300_000);
  const reportFor = (name: string): MultitoolReport => {
    const r = reports.get(files[name] ?? '');
    if (!r) throw new Error(`no Multitool report for ${name}`);
    return r;
  };

  it.each(['the demo account', 'with suppressions', 'with hostile names', 'with a baseline', 'truncated'])('reports zero errors for %s', (name) => {
    const report = reportFor(name);
    expect(report.errors, report.output).toEqual([]);
    // The one warning we accept: mlaudit has no public information URI to give yet.
    expect(report.warnings.filter((w) => !/SARIF2005/.test(w)), report.output).toEqual([]);
  });

  it('reports GitHub errors for a log GitHub would reject (the tool and the output parsing are live)', () => {
    const report = reportFor('a result without locations');
    expect(report.errors.some((e) => /error GH\d+:/.test(e)), report.output).toBe(true);
  });
});
