import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { exitCodeFor } from '../../src/engine/exit-code.js';
import type { Finding } from '../../src/engine/finding.js';
import { applySuppressions } from '../../src/engine/suppress.js';
import type { CollectionError } from '../../src/inventory/model.js';
import { compareWithBaseline } from '../../src/report/baseline.js';
import { mergeReports } from '../../src/report/merge.js';
import { buildReport, type ScanReport } from '../../src/report/report.js';
import { ACCOUNT, describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';

const ROOT = RULES.filter((r) => r.id === 'notebook-root-disabled');
const INTERNET = RULES.filter((r) => r.id === 'notebook-no-direct-internet');
const HIGH = { failOn: 'high', failOnError: false } as const;

interface Notebook {
  name: string;
  rootAccess: boolean;
  region?: string;
}

function scan(notebooks: Notebook[], errors: CollectionError[] = [], rules = ROOT): ScanReport {
  const inv = inventory({ notebookInstances: notebooks.map((n) => notebook(n)), errors });
  return buildReport({
    version: '0.1.0',
    inventories: [inv],
    rules,
    findings: evaluateRules(rules, inv),
    startedAt: '2026-03-02T10:00:00.000Z',
    finishedAt: '2026-03-02T10:05:00.000Z',
  });
}

const compare = (now: ScanReport, before: ScanReport): ScanReport => compareWithBaseline(now, before, 'previous.json');
const marks = (report: ScanReport): Record<string, string> =>
  Object.fromEntries(report.findings.map((f) => [f.resource.name, `${f.status}${f.baseline ? ` ${f.baseline}` : ''}`]));
const names = (items: readonly { resource: { name: string } }[]): string[] => items.map((b) => b.resource.name);
const withFindings = (report: ScanReport, edit: (f: Finding) => Finding): ScanReport => ({ ...report, findings: report.findings.map(edit) });

describe('compareWithBaseline', () => {
  it('marks each FAIL new or unchanged, leaves PASS and ERROR unmarked, and lists the FAILs that are gone as fixed', () => {
    const before = scan([
      { name: 'kept', rootAccess: true },
      { name: 'deleted', rootAccess: true },
    ]);
    const now = compare(
      scan([
        { name: 'kept', rootAccess: true },
        { name: 'added', rootAccess: true },
        { name: 'clean', rootAccess: false },
      ]),
      before,
    );
    expect(marks(now)).toEqual({ kept: 'FAIL unchanged', added: 'FAIL new', clean: 'PASS' });
    expect(now.baseline?.counts).toEqual({ new: 1, unchanged: 1, fixed: 1, unknown: 0 });
    expect(now.baseline?.fixed).toEqual([
      {
        ruleId: 'notebook-root-disabled',
        resource: { arn: sagemakerArn('notebook-instance', 'deleted'), type: 'AWS::SageMaker::NotebookInstance', name: 'deleted' },
        account: ACCOUNT,
        region: 'us-east-1',
        severity: 'high',
      },
    ]);
    expect(now.baseline?.source).toBe('previous.json');
    expect(now.baseline?.finishedAt).toBe(before.scan.finishedAt);
  });

  it('a FAIL that PASSes now is fixed; a PASS or ERROR in the baseline makes a FAIL now new', () => {
    const before = scan([
      { name: 'repaired', rootAccess: true },
      { name: 'regressed', rootAccess: false },
    ]);
    const now = compare(
      scan([
        { name: 'repaired', rootAccess: false },
        { name: 'regressed', rootAccess: true },
      ]),
      before,
    );
    expect(marks(now)).toEqual({ repaired: 'PASS', regressed: 'FAIL new' });
    expect(names(now.baseline?.fixed ?? [])).toEqual(['repaired']);
  });

  it('the account is part of the identity: the same rule and ARN in another account is another finding', () => {
    const elsewhere = withFindings(scan([{ name: 'nb', rootAccess: true }]), (f) => ({ ...f, account: '444455556666' }));
    const now = compare(scan([{ name: 'nb', rootAccess: true }]), elsewhere);
    expect(marks(now)).toEqual({ nb: 'FAIL new' });
    // The other account is not in this scan: its FAIL is not known to be fixed.
    expect(now.baseline?.fixed).toEqual([]);
    expect(now.baseline?.unknown.map((u) => [u.account, u.reason])).toEqual([['444455556666', 'not-scanned']]);
  });

  it('the region is part of the identity: the same rule and ARN in another region is another finding', () => {
    const current = scan([
      { name: 'nb', rootAccess: true },
      { name: 'west', rootAccess: false, region: OTHER_REGION },
    ]);
    const movedRegion = withFindings(current, (f) => (f.resource.name === 'nb' ? { ...f, region: OTHER_REGION } : f));
    const now = compare(current, movedRegion);
    expect(marks(now)).toEqual({ nb: 'FAIL new', west: 'PASS' });
    // us-west-2 was scanned and holds no such FAIL now: fixed.
    expect(now.baseline?.fixed.map((b) => [b.resource.name, b.region])).toEqual([['nb', OTHER_REGION]]);
  });

  it('a baseline FAIL that is ERROR now is neither fixed nor new: not checked', () => {
    const before = scan([{ name: 'nb', rootAccess: true }]);
    const now = compare(scan([], [describeError('notebookInstances', sagemakerArn('notebook-instance', 'nb'))]), before);
    expect(marks(now)).toEqual({ nb: 'ERROR' });
    expect(now.baseline?.counts).toEqual({ new: 0, unchanged: 0, fixed: 0, unknown: 1 });
    expect(now.baseline?.unknown.map((u) => [u.resource.name, u.reason])).toEqual([['nb', 'error']]);
  });

  it('a baseline FAIL missing from a listing that failed is not fixed, but one in a region that listed fine is', () => {
    const before = scan([
      { name: 'east', rootAccess: true },
      { name: 'west', rootAccess: true, region: OTHER_REGION },
    ]);
    const now = compare(scan([], [listError('notebookInstances')]), before);
    expect(now.scan.regions).toEqual(['us-east-1']);
    expect(now.baseline?.unknown.map((u) => [u.resource.name, u.reason])).toEqual([
      ['east', 'error'],
      // us-west-2 is not in this scan at all.
      ['west', 'not-scanned'],
    ]);
    expect(now.baseline?.fixed).toEqual([]);

    const westScanned = compare(scan([{ name: 'other', rootAccess: false, region: OTHER_REGION }], [listError('notebookInstances')]), before);
    expect(names(westScanned.baseline?.fixed ?? [])).toEqual(['west']);
    expect(names(westScanned.baseline?.unknown ?? [])).toEqual(['east']);
  });

  it('a baseline FAIL of a rule this run did not evaluate is not fixed', () => {
    const before = scan([{ name: 'nb', rootAccess: true }]);
    const now = compare(scan([{ name: 'nb', rootAccess: true }], [], INTERNET), before);
    expect(now.baseline?.fixed).toEqual([]);
    expect(now.baseline?.unknown.map((u) => [u.ruleId, u.reason])).toEqual([['notebook-root-disabled', 'not-scanned']]);
  });

  it('suppressed FAILs keep their suppression and get their baseline state too', () => {
    const before = scan([{ name: 'old', rootAccess: true }]);
    const current = scan([
      { name: 'old', rootAccess: true },
      { name: 'accepted', rootAccess: true },
    ]);
    const suppression = { rule: 'notebook-root-disabled', resource: '*/accepted', reason: 'Lab only' };
    const suppressed = { ...current, findings: applySuppressions(current.findings, [suppression], '2026-03-02').findings };
    const now = compare(suppressed, before);
    const accepted = now.findings.find((f) => f.resource.name === 'accepted');
    expect(accepted?.suppressed?.reason).toBe('Lab only');
    expect(accepted?.baseline).toBe('new');
    expect(now.baseline?.counts.new).toBe(1);
    // The only new FAIL is an accepted risk, the other one was there before: nothing fails the run.
    expect(exitCodeFor(now.findings, 0, HIGH)).toBe(0);
    expect(exitCodeFor(current.findings, 0, HIGH)).toBe(1);
  });

  it('lists a fixed FAIL of a hand-made baseline whose resource has only an ARN with an empty type and name', () => {
    const before = scan([{ name: 'gone', rootAccess: true }]);
    const bare = withFindings(before, (f) => ({ ...f, resource: { arn: f.resource.arn } as Finding['resource'] }));
    expect(compare(scan([]), bare).baseline?.fixed.map((b) => b.resource)).toEqual([
      { arn: sagemakerArn('notebook-instance', 'gone'), type: '', name: '' },
    ]);
  });

  it('a baseline finding twice (a merged baseline) is matched once', () => {
    const before = scan([{ name: 'gone', rootAccess: true }]);
    const twice = { ...before, findings: [...before.findings, ...before.findings] };
    expect(compare(scan([]), twice).baseline?.counts.fixed).toBe(1);
  });
});

describe('exit code with a baseline', () => {
  const before = scan([{ name: 'old', rootAccess: true }]);

  it('exits 0 when every FAIL at or above --fail-on was in the baseline, 1 when one is new', () => {
    const same = compare(scan([{ name: 'old', rootAccess: true }]), before);
    expect(exitCodeFor(same.findings, 0, HIGH)).toBe(0);
    const worse = compare(
      scan([
        { name: 'old', rootAccess: true },
        { name: 'new', rootAccess: true },
      ]),
      before,
    );
    expect(exitCodeFor(worse.findings, 0, HIGH)).toBe(1);
    expect(exitCodeFor(worse.findings, 0, { failOn: 'critical', failOnError: false })).toBe(0);
  });

  it('without a baseline every FAIL counts, as before', () => {
    expect(exitCodeFor(scan([{ name: 'old', rootAccess: true }]).findings, 0, HIGH)).toBe(1);
  });

  it('--fail-on-error still exits 3 when a baseline FAIL could not be checked', () => {
    const now = compare(scan([], [listError('notebookInstances')]), before);
    expect(now.baseline?.counts.unknown).toBe(1);
    expect(exitCodeFor(now.findings, now.errors.length, { failOn: 'high', failOnError: true })).toBe(3);
  });
});

describe('merge and baselines', () => {
  it("drops the inputs' baseline marks: a merged report is compared only with its own baseline", () => {
    const before = scan([{ name: 'old', rootAccess: true }]);
    const compared = compare(scan([{ name: 'old', rootAccess: true }]), before);
    expect(compared.findings[0]?.baseline).toBe('unchanged');
    const merged = mergeReports([compared], '0.1.0');
    expect(merged.findings.map((f) => f.baseline)).toEqual([undefined]);
    expect(merged.baseline).toBeUndefined();
    expect(exitCodeFor(merged.findings, 0, HIGH)).toBe(1);
  });
});
