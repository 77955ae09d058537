import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { notScannedFindings } from '../../src/engine/not-scanned.js';
import type { Inventory } from '../../src/inventory/model.js';
import { findingKey, mergeReports, parseReport } from '../../src/report/merge.js';
import { buildReport, summarise, type ScanReport } from '../../src/report/report.js';
import { UsageError } from '../../src/util/errors.js';
import { inventory, notebook } from '../support/builders.js';

const run = promisify(execFile);

async function mlaudit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/mlaudit', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const ROOT = RULES.filter((r) => r.id === 'notebook-root-disabled');
const ROOT_AND_INTERNET = RULES.filter((r) => r.id === 'notebook-root-disabled' || r.id === 'notebook-no-direct-internet');
const A = '111111111111';
const B = '222222222222';

function accountInventory(account: string, notebooks: { name: string; rootAccess: boolean; region?: string }[], errors: Inventory['slices'] = {}): Inventory {
  const base = inventory({
    notebookInstances: notebooks.map((n) =>
      notebook({ ...n, arn: `arn:aws:sagemaker:${n.region ?? 'us-east-1'}:${account}:notebook-instance/${n.name}` }),
    ),
  });
  return { ...base, account: { id: account }, slices: { ...base.slices, ...errors } };
}

function report(inv: Inventory, rules = ROOT, times = { startedAt: '2026-03-02T10:00:00.000Z', finishedAt: '2026-03-02T10:05:00.000Z' }): ScanReport {
  return buildReport({ version: '0.1.0', inventories: [inv], rules, findings: evaluateRules(rules, inv), ...times });
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'mlaudit-merge-'));
function write(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('mergeReports', () => {
  const a = report(accountInventory(A, [{ name: 'nb-fail', rootAccess: true }, { name: 'nb-pass', rootAccess: false }]));
  const b = report(accountInventory(B, [{ name: 'nb-eu', rootAccess: false, region: 'eu-west-1' }]), ROOT_AND_INTERNET, {
    startedAt: '2026-03-02T09:00:00.000Z',
    finishedAt: '2026-03-02T11:00:00.000Z',
  });

  it('is the union of scope, coverage, rules, findings and errors, with the summary counted again', () => {
    const merged = mergeReports([a, b], '9.9.9');
    expect(merged.tool).toEqual({ name: 'mlaudit', version: '9.9.9' });
    expect(merged.scan.accounts).toEqual([A, B]);
    expect(merged.scan.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(merged.scan.startedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(merged.scan.finishedAt).toBe('2026-03-02T11:00:00.000Z');
    expect(merged.rules.map((r) => r.id)).toEqual(['notebook-no-direct-internet', 'notebook-root-disabled']);
    expect(merged.findings).toHaveLength(a.findings.length + b.findings.length);
    expect(merged.coverage).toEqual([...a.coverage, ...b.coverage]);
    expect(merged.summary).toEqual(summarise([...a.findings, ...b.findings], 2));
    expect(merged.summary.byStatus.FAIL).toBe(1);
  });

  it('keeps one of a duplicated finding (same rule, ARN, account and region): merging a report with itself changes nothing', () => {
    const merged = mergeReports([a, a], '0.1.0');
    expect(merged.findings).toEqual(a.findings);
    expect(merged.summary).toEqual(a.summary);
    expect(merged.coverage).toEqual(a.coverage);
    expect(new Set(merged.findings.map(findingKey)).size).toBe(merged.findings.length);
  });

  it('carries errors and accounts that could not be scanned', () => {
    const denied = accountInventory(A, [], {
      notebookInstances: {
        items: [],
        errors: [{ slice: 'notebookInstances', region: 'us-east-1', operation: 'ListNotebookInstances', action: 'sagemaker:ListNotebookInstances', kind: 'access-denied', code: 'AccessDeniedException', message: 'denied' }],
      },
    });
    const failure = { account: B, roleArn: `arn:aws:iam::${B}:role/Auditor`, operation: 'AssumeRole' as const, action: 'sts:AssumeRole', kind: 'access-denied' as const, code: 'AccessDenied', message: 'no' };
    const unscanned = buildReport({
      version: '0.1.0',
      inventories: [],
      rules: ROOT,
      findings: notScannedFindings(ROOT, B, 'the account was not scanned.'),
      startedAt: '2026-03-02T10:00:00.000Z',
      finishedAt: '2026-03-02T10:00:01.000Z',
      accountErrors: [failure],
    });
    const merged = mergeReports([report(denied), unscanned], '0.1.0');
    expect(merged.errors.map((e) => [e.account, e.operation])).toEqual([[A, 'ListNotebookInstances']]);
    expect(merged.accountErrors).toEqual([failure]);
    expect(merged.scan.accounts).toEqual([A, B]);
    expect(merged.summary.byStatus.ERROR).toBe(2);
  });
});

describe('parseReport', () => {
  const good = JSON.stringify(report(accountInventory(A, [{ name: 'nb', rootAccess: true }])));
  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"schemaVersion": ', /x.json is not valid JSON/],
    ['a SARIF file', JSON.stringify({ version: '2.1.0', runs: [] }), /x.json is not an mlaudit JSON report/],
    ['an inventory', JSON.stringify({ schemaVersion: 1, account: { id: A }, slices: {} }), /x.json is not an mlaudit JSON report/],
    ['another major schema version', good.replace('"schemaVersion":"1.0"', '"schemaVersion":"2.0"'), /schemaVersion 2.0; this mlaudit reads 1.x reports/],
    ['no findings list', JSON.stringify({ ...JSON.parse(good), findings: {} }), /'findings' must be a list/],
    ['a finding with an unknown status', good.replace('"status":"FAIL"', '"status":"MAYBE"'), /finding 0 is malformed \(unknown status "MAYBE"\)/],
  ];
  it.each(bad)('rejects %s with one line', (_name, text, message) => {
    expect(() => parseReport(text, 'x.json')).toThrow(UsageError);
    expect(() => parseReport(text, 'x.json')).toThrow(message);
  });

  it('accepts a report of a newer minor version', () => {
    expect(parseReport(good.replace('"schemaVersion":"1.0"', '"schemaVersion":"1.7"'), 'x.json').findings).toHaveLength(1);
  });
});

describe('mlaudit merge', () => {
  const dir = tmp();
  const a = write(dir, 'a.json', report(accountInventory(A, [{ name: 'nb-fail', rootAccess: true }])));
  const b = write(dir, 'b.json', report(accountInventory(B, [{ name: 'nb-pass', rootAccess: false }])));
  const passing = write(dir, 'pass.json', report(accountInventory(B, [{ name: 'nb-pass', rootAccess: false }])));

  it('writes one JSON report of both, with the exit code of a single scan', async () => {
    const r = await mlaudit(['merge', a, b, '--format', 'json', '--fail-on', 'high']);
    expect(r.code, r.stderr).toBe(1);
    const merged = JSON.parse(r.stdout) as ScanReport;
    expect(merged.scan.accounts).toEqual([A, B]);
    expect(merged.summary.total).toBe(2);
    expect(merged.summary.byStatus).toEqual({ FAIL: 1, ERROR: 0, PASS: 1 });
    expect(Object.keys(merged)).toEqual(['schemaVersion', 'tool', 'scan', 'summary', 'coverage', 'rules', 'findings', 'errors', 'suppressions']);

    expect((await mlaudit(['merge', a, b, '--fail-on', 'none'])).code).toBe(0);
    expect((await mlaudit(['merge', passing, b, '--fail-on', 'high'])).code).toBe(0);
  });

  it('writes any format, several at once, to files', async () => {
    const out = tmp();
    const r = await mlaudit(['merge', a, b, '--fail-on', 'none', '--format', 'text', '--format', `sarif=${join(out, 'm.sarif')}`, '--format', `markdown=${join(out, 'm.md')}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`account ${A}, ${B}`);
    expect(r.stdout).toMatch(/2 results: 1 FAIL, 0 ERROR, 1 PASS/);
    const sarif = JSON.parse(readFileSync(join(out, 'm.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'm.md'), 'utf8')).toContain('notebook-root-disabled');
  });

  it('exits 3 with --fail-on-error when an input could not read everything', async () => {
    const incomplete = write(
      dir,
      'incomplete.json',
      report(
        accountInventory(B, [], {
          notebookInstances: {
            items: [],
            errors: [{ slice: 'notebookInstances', region: 'us-east-1', operation: 'ListNotebookInstances', action: 'sagemaker:ListNotebookInstances', kind: 'access-denied', code: 'AccessDeniedException', message: 'denied' }],
          },
        }),
      ),
    );
    expect((await mlaudit(['merge', passing, incomplete, '--fail-on', 'high', '--fail-on-error'])).code).toBe(3);
    expect((await mlaudit(['merge', passing, incomplete, '--fail-on', 'high'])).code).toBe(0);
  });

  it("applies the config file's suppressions to the merged findings", async () => {
    const config = write(
      dir,
      'mlaudit.config.yaml',
      ['suppressions:', '  - rule: notebook-root-disabled', `    resource: "arn:aws:sagemaker:*:${A}:notebook-instance/*"`, '    reason: Lab account', ''].join('\n'),
    );
    const r = await mlaudit(['merge', a, b, '--config', config, '--format', 'json', '--fail-on', 'high']);
    expect(r.code, r.stderr).toBe(0);
    const merged = JSON.parse(r.stdout) as ScanReport;
    expect(merged.summary.suppressed).toBe(1);
    expect(merged.suppressions.applied).toBe(1);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /cannot read report '.*nope.json' \(ENOENT\)/],
    ['not JSON', () => write(dir, 'broken.json', '{"findings": ['), /broken.json is not valid JSON/],
    ['not a report', () => write(dir, 'other.json', { runs: [] }), /other.json is not an mlaudit JSON report/],
    ['another major schema version', () => write(dir, 'v2.json', { ...(JSON.parse(readFileSync(a, 'utf8')) as object), schemaVersion: '2.0' }), /v2.json has report schemaVersion 2.0/],
  ])('rejects %s: one line, exit 2, nothing written', async (_name, make, message) => {
    const out = join(tmp(), 'merged.json');
    const r = await mlaudit(['merge', a, make(), '--format', 'json', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('needs at least one report', async () => {
    const r = await mlaudit(['merge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'reports'/);
  });
});
