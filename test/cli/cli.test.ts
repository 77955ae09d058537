import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, runMlaudit, type CliResult } from '../support/cli.js';
import { RULES } from '../../rules/index.js';
import type { ScanReport } from '../../src/report/report.js';

const DEMO = 'fixtures/demo-account.json';

const mlaudit = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => runMlaudit(args, { env: baseEnv(env) });

const tmp = (): string => mkdtempSync(join(tmpdir(), 'mlaudit-cli-'));

describe('mlaudit scan --inventory (offline)', () => {
  it('prints a text report grouped by phase and dimension with FAIL, PASS and ERROR', async () => {
    const r = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    for (const heading of ['Data processing', 'Model development', 'Deployment', 'Monitoring', 'Privacy & security']) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toMatch(/\bFAIL\b/);
    expect(r.stdout).toMatch(/\bPASS\b/);
    expect(r.stdout).toMatch(/\bERROR\b/);
    expect(r.stdout).toContain('Could not read');
    // Not a terminal: no colour codes, no progress output.
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('exits 1 when a FAIL is at or above --fail-on, 0 when none is', async () => {
    const high = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'high', '--format', 'json']);
    expect(high.code).toBe(1);
    const report = JSON.parse(high.stdout) as ScanReport;
    expect(report.findings.some((f) => f.status === 'FAIL' && (f.severity === 'high' || f.severity === 'critical'))).toBe(true);

    const noneFailing = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'high', '--min-severity', 'medium', '--exclude-rules', report.findings.filter((f) => f.status === 'FAIL' && (f.severity === 'high' || f.severity === 'critical')).map((f) => f.ruleId).filter((v, i, a) => a.indexOf(v) === i).join(',')]);
    expect(noneFailing.code, noneFailing.stderr).toBe(0);
  });

  it('evaluates several accounts\' inventories as one scan, and refuses two of one account', async () => {
    const sandbox = 'fixtures/demo-sandbox-account.json';
    const both = await mlaudit(['scan', '--inventory', `${DEMO},${sandbox}`, '--fail-on', 'none', '--format', 'json']);
    expect(both.code, both.stderr).toBe(0);
    const report = JSON.parse(both.stdout) as ScanReport;
    expect(report.scan.accounts).toEqual(['111122223333', '444455556666']);
    const budget = report.findings.filter((f) => f.ruleId === 'budget-covers-sagemaker').map((f) => `${f.account} ${f.status}`);
    expect(budget.sort()).toEqual(['111122223333 FAIL', '444455556666 PASS']);

    const twice = await mlaudit(['scan', '--inventory', DEMO, '--inventory', DEMO]);
    expect(twice.code).toBe(2);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);
    expect(twice.stderr).toContain('both of account 111122223333');
    expect(twice.stdout).toBe('');
  });

  it('exits 3 with --fail-on-error when data was missing and nothing failed the threshold', async () => {
    const r = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'none', '--fail-on-error', '--format', 'json']);
    expect(r.code).toBe(3);
  });

  it('writes JSON with the documented top-level shape', async () => {
    const r = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'none', '--format', 'json']);
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'scan', 'summary', 'coverage', 'rules', 'findings', 'errors', 'suppressions']);
    expect(report.tool.name).toBe('mlaudit');
    expect(report.scan.accounts).toEqual(['111122223333']);
    expect(report.summary.total).toBe(report.findings.length);
    expect(report.summary.byStatus.FAIL + report.summary.byStatus.PASS + report.summary.byStatus.ERROR).toBe(report.findings.length);
    expect(report.rules).toHaveLength(RULES.length);
    expect(report.errors.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'title', 'status', 'severity', 'phase', 'dimensions', 'resource', 'account', 'region', 'message', 'remediation']));
    }
  });

  it('writes SARIF 2.1.0 to a file and exits 1 (the issue acceptance command)', async () => {
    const dir = tmp();
    const out = join(dir, 'out.sarif');
    const r = await mlaudit(['scan', '--inventory', DEMO, '--format', 'sarif', '--output', out, '--fail-on', 'high']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      $schema: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; locations: unknown[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif/);
    expect(sarif.runs).toHaveLength(1);
    const run0 = sarif.runs[0];
    expect(run0?.tool.driver.name).toBe('mlaudit');
    expect(run0?.tool.driver.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id).sort());
    expect(run0?.results.length).toBeGreaterThan(0);
    for (const res of run0?.results ?? []) expect(res.locations.length).toBeGreaterThan(0);
  });

  it('writes several formats in one run', async () => {
    const dir = tmp();
    const r = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'none', '--format', 'text', '--format', `json=${join(dir, 'r.json')}`, '--format', `sarif=${join(dir, 'r.sarif')}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Summary');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toHaveProperty('findings');
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8'))).toHaveProperty('runs');
  });
});

describe('usage errors: one line, exit 2, no stack, no file', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown rule id', ['--rules', 'notebook-rooot-disabled'], /unknown rule id 'notebook-rooot-disabled'/],
    ['unknown severity', ['--fail-on', 'severe'], /invalid value 'severe' for --fail-on/],
    ['unknown min severity', ['--min-severity', 'urgent'], /unknown severity 'urgent'/],
    ['unknown format', ['--format', 'xml'], /unknown format 'xml'/],
    ['output in a missing directory', ['--format', 'json', '--output', '/nonexistent-dir/x.json'], /directory '\/nonexistent-dir' does not exist/],
    ['conflicting flags', ['--region', 'us-east-1'], /cannot be combined with --region/],
    ['bad region', ['--region', 'mars-1'], /invalid region 'mars-1'/],
    ['unknown option', ['--frobnicate'], /unknown option '--frobnicate'/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const inventoryArgs = args.includes('--region') && args.includes('mars-1') ? [] : ['--inventory', DEMO];
    const r = await mlaudit(['scan', ...inventoryArgs, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['missing file', (dir: string) => join(dir, 'nope.json'), /cannot read inventory .*ENOENT/],
    ['corrupt JSON', (dir: string) => { const p = join(dir, 'bad.json'); writeFileSync(p, '{"schemaVersion": 1,'); return p; }, /is not valid JSON/],
    ['newer schemaVersion', (dir: string) => { const p = join(dir, 'new.json'); writeFileSync(p, JSON.stringify({ schemaVersion: 99, account: { id: '1' }, regions: [], collectedAt: '2026-01-01T00:00:00Z', slices: {} })); return p; }, /schemaVersion 99, newer than this mlaudit understands/],
    ['not an inventory', (dir: string) => { const p = join(dir, 'x.json'); writeFileSync(p, '[1,2]'); return p; }, /not an mlaudit inventory/],
  ])('bad inventory: %s', async (_name, make, message) => {
    const dir = tmp();
    const out = join(dir, 'report.json');
    const r = await mlaudit(['scan', '--inventory', make(dir), '--format', 'json', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('no region anywhere is a usage error, not a crash', async () => {
    const r = await mlaudit(['scan', '--quiet'], { AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no region given/);
  });
});

describe('mlaudit rules and explain', () => {
  it('lists every rule with its metadata as JSON', async () => {
    const r = await mlaudit(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; severity: string; phase: string; dimensions: string[]; iamActions: string[] }[];
    expect(rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id).sort());
    for (const rule of rules) {
      expect(rule.iamActions).toContain('sts:GetCallerIdentity');
      expect(rule.dimensions.length).toBeGreaterThan(0);
    }
  });

  it('filters by phase and severity', async () => {
    const r = await mlaudit(['rules', '--format', 'json', '--phase', 'deployment', '--severity', 'high']);
    const rules = JSON.parse(r.stdout) as { phase: string; severity: string }[];
    expect(rules.every((x) => x.phase === 'deployment' && ['critical', 'high'].includes(x.severity))).toBe(true);
    expect(rules.length).toBe(RULES.filter((x) => x.phase === 'deployment' && ['critical', 'high'].includes(x.severity)).length);
  });

  it('filters by service and rejects an unknown one', async () => {
    const r = await mlaudit(['rules', '--format', 'json', '--service', 'iam']);
    const rules = JSON.parse(r.stdout) as { id: string; services: string[] }[];
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((x) => x.services.includes('iam'))).toBe(true);
    expect(rules.map((x) => x.id)).toContain('iam-execution-role-not-admin');
    const bad = await mlaudit(['rules', '--service', 'ec2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown service 'ec2'/);
  });

  it('explains a rule with its IAM actions', async () => {
    const r = await mlaudit(['explain', 'notebook-root-disabled']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('notebook-root-disabled');
    expect(r.stdout).toContain('sagemaker:DescribeNotebookInstance');
    expect(r.stdout).toContain('How to fix');
  });

  it('rejects an unknown rule in explain', async () => {
    const r = await mlaudit(['explain', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule id 'nope'/);
  });
});

describe('config file suppressions', () => {
  it('applies a suppression with reason and expiry, shows it, and stops counting it toward --fail-on', async () => {
    const dir = tmp();
    const config = join(dir, 'mlaudit.config.yaml');
    writeFileSync(
      config,
      [
        'rules: [notebook-root-disabled]',
        'suppressions:',
        '  - rule: notebook-root-disabled',
        '    resource: "arn:aws:sagemaker:*:*:notebook-instance/*"',
        '    reason: Lab notebooks, no production data',
        '    expires: 2999-12-31',
        '  - rule: notebook-root-disabled',
        '    resource: "arn:aws:sagemaker:*:*:notebook-instance/none"',
        '    reason: Old exception',
        '    expires: 2020-01-01',
        '',
      ].join('\n'),
    );
    const text = await mlaudit(['scan', '--inventory', DEMO, '--config', config]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('[suppressed: Lab notebooks, no production data, until 2999-12-31]');
    expect(text.stdout).toMatch(/FAIL suppressed/);
    expect(text.stdout).toMatch(/expired suppression \(2020-01-01\)/);

    const json = await mlaudit(['scan', '--inventory', DEMO, '--config', config, '--format', 'json']);
    const report = JSON.parse(json.stdout) as ScanReport;
    const fails = report.findings.filter((f) => f.status === 'FAIL');
    expect(fails.length).toBeGreaterThan(0);
    expect(fails.every((f) => f.suppressed?.reason === 'Lab notebooks, no production data')).toBe(true);
    expect(report.suppressions.applied).toBe(fails.length);
    expect(report.suppressions.expired.map((s) => s.expires)).toEqual(['2020-01-01']);

    const without = await mlaudit(['scan', '--inventory', DEMO, '--rules', 'notebook-root-disabled']);
    expect(without.code).toBe(1);
  });

  it('rejects a config with an unknown key: one line, exit 2', async () => {
    const dir = tmp();
    const config = join(dir, 'c.yaml');
    writeFileSync(config, 'supressions: []\n');
    const r = await mlaudit(['scan', '--inventory', DEMO, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key 'supressions'/);
  });
});

describe('inventory round trip', () => {
  it('evaluates a saved inventory to the same findings', async () => {
    const a = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'none', '--format', 'json']);
    const dir = tmp();
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync(DEMO, 'utf8'));
    const b = await mlaudit(['scan', '--inventory', copy, '--fail-on', 'none', '--format', 'json']);
    expect((JSON.parse(b.stdout) as ScanReport).findings).toEqual((JSON.parse(a.stdout) as ScanReport).findings);
  });
});
