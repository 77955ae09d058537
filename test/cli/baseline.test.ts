import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMlaudit, type CliResult } from '../support/cli.js';
import type { ScanReport } from '../../src/report/report.js';

const DEMO = 'fixtures/demo-account.json';
const SANDBOX = 'fixtures/demo-sandbox-account.json';
const ESTATE = `${DEMO},${SANDBOX}`;
/** The high-severity rules the partial baseline leaves out: their FAILs are new in a full scan. */
const LATER_RULES = ['notebook-root-disabled', 'notebook-no-direct-internet'];

const mlaudit = (args: string[], cwd?: string): Promise<CliResult> => runMlaudit(args, cwd ? { cwd } : {});

const dir = mkdtempSync(join(tmpdir(), 'mlaudit-baseline-'));
const path = (name: string): string => join(dir, name);
const json = (r: CliResult): ScanReport => JSON.parse(r.stdout) as ScanReport;
const fails = (report: ScanReport) => report.findings.filter((f) => f.status === 'FAIL');

describe('mlaudit scan --baseline over the demo estate', () => {
  let full: ScanReport;

  beforeAll(async () => {
    // A baseline of every rule, and one from before the two notebook rules were enabled.
    const both = await mlaudit(['scan', '--inventory', ESTATE, '--fail-on', 'none', '--format', `json=${path('full.json')}`]);
    const partial = await mlaudit(['scan', '--inventory', ESTATE, '--fail-on', 'none', '--exclude-rules', LATER_RULES.join(','), '--format', `json=${path('partial.json')}`]);
    expect(both.code, both.stderr).toBe(0);
    expect(partial.code, partial.stderr).toBe(0);
    full = JSON.parse(readFileSync(path('full.json'), 'utf8')) as ScanReport;
  }, 60_000);

  it('exits 0 when every FAIL at or above --fail-on is in the baseline (and 1 without it)', async () => {
    expect((await mlaudit(['scan', '--inventory', ESTATE, '--fail-on', 'high'])).code).toBe(1);
    const r = await mlaudit(['scan', '--inventory', ESTATE, '--fail-on', 'high', '--baseline', path('full.json'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r);
    expect(report.baseline?.source).toBe(path('full.json'));
    expect(report.baseline?.counts).toEqual({ new: 0, unchanged: fails(full).length, fixed: 0, unknown: 0 });
    expect(fails(report).every((f) => f.baseline === 'unchanged')).toBe(true);
  });

  it('exits 1 when a FAIL at or above --fail-on is new, and marks exactly the new ones', async () => {
    const r = await mlaudit(['scan', '--inventory', ESTATE, '--fail-on', 'high', '--baseline', path('partial.json'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = json(r);
    const expectedNew = fails(full).filter((f) => LATER_RULES.includes(f.ruleId));
    expect(expectedNew.length).toBeGreaterThan(0);
    expect(expectedNew.some((f) => f.severity === 'high')).toBe(true);
    expect(report.baseline?.counts).toEqual({ new: expectedNew.length, unchanged: fails(full).length - expectedNew.length, fixed: 0, unknown: 0 });
    expect(fails(report).filter((f) => f.baseline === 'new').map((f) => f.ruleId).sort()).toEqual(expectedNew.map((f) => f.ruleId).sort());
    // The same new FAILs, but under a threshold they do not reach: the run passes.
    const critical = await mlaudit(['scan', '--inventory', ESTATE, '--fail-on', 'critical', '--baseline', path('partial.json')]);
    expect(critical.code, critical.stderr).toBe(0);
  });

  it('lists a FAIL fixed since the baseline when the inventory changes, in JSON and in the text report', async () => {
    const inventory = JSON.parse(readFileSync(DEMO, 'utf8')) as { slices: { notebookInstances: { items: { name: string; rootAccess: boolean }[] } } };
    const sandbox = inventory.slices.notebookInstances.items.find((nb) => nb.name === 'ds-sandbox');
    if (!sandbox?.rootAccess) throw new Error('the demo account needs ds-sandbox with root access');
    sandbox.rootAccess = false;
    writeFileSync(path('repaired.json'), JSON.stringify(inventory));
    const args = ['scan', '--inventory', `${path('repaired.json')},${SANDBOX}`, '--fail-on', 'high', '--baseline', path('full.json')];

    const r = await mlaudit([...args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r);
    expect(report.baseline?.counts).toEqual({ new: 0, unchanged: fails(full).length - 1, fixed: 1, unknown: 0 });
    expect(report.baseline?.fixed.map((b) => [b.ruleId, b.resource.name, b.account, b.region])).toEqual([
      ['notebook-root-disabled', 'ds-sandbox', '111122223333', 'us-east-1'],
    ]);

    const text = await mlaudit([...args, '--format', 'text']);
    expect(text.stdout).toContain(`0 new, ${fails(full).length - 1} unchanged, 1 fixed`);
    expect(text.stdout).toMatch(/ {2}fixed notebook-root-disabled {2}111122223333\/us-east-1 {2}arn:aws:sagemaker:us-east-1:111122223333:notebook-instance\/ds-sandbox/);
  });

  it('takes the baseline from the config file, and --no-baseline turns it off', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mlaudit-baseline-config-'));
    writeFileSync(join(cwd, 'previous.json'), readFileSync(path('full.json')));
    writeFileSync(join(cwd, 'mlaudit.config.yaml'), 'failOn: high\nbaseline: previous.json\n');
    const estate = [DEMO, SANDBOX].map((f) => join(process.cwd(), f)).join(',');
    const withConfig = await mlaudit(['scan', '--inventory', estate, '--format', 'json'], cwd);
    expect(withConfig.code, withConfig.stderr).toBe(0);
    expect(json(withConfig).baseline?.source).toBe('previous.json');
    const off = await mlaudit(['scan', '--inventory', estate, '--format', 'json', '--no-baseline'], cwd);
    expect(off.code, off.stderr).toBe(1);
    expect(json(off).baseline).toBeUndefined();
    // The command line wins over the config file.
    const partial = await mlaudit(['scan', '--inventory', estate, '--baseline', path('partial.json')], cwd);
    expect(partial.code, partial.stderr).toBe(1);
  });

  it('merge --baseline: shards merged and compared as one scan would be', async () => {
    const shards = await Promise.all(
      [DEMO, SANDBOX].map((inv, i) => mlaudit(['scan', '--inventory', inv, '--fail-on', 'none', '--format', `json=${path(`shard-${i}.json`)}`])),
    );
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    const inputs = [path('shard-0.json'), path('shard-1.json')];
    const same = await mlaudit(['merge', ...inputs, '--fail-on', 'high', '--baseline', path('full.json'), '--format', 'json']);
    expect(same.code, same.stderr).toBe(0);
    expect(json(same).baseline?.counts).toEqual({ new: 0, unchanged: fails(full).length, fixed: 0, unknown: 0 });
    const newer = await mlaudit(['merge', ...inputs, '--fail-on', 'high', '--baseline', path('partial.json')]);
    expect(newer.code, newer.stderr).toBe(1);
    expect(newer.stdout).toMatch(/Since baseline .*partial\.json/);
  });
});

describe('a bad --baseline: one line, exit 2, nothing written', () => {
  const good = (): Record<string, unknown> => JSON.parse(readFileSync(path('full.json'), 'utf8')) as Record<string, unknown>;
  beforeAll(async () => {
    if (!existsSync(path('full.json'))) await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'none', '--format', `json=${path('full.json')}`]);
  }, 60_000);

  it.each([
    ['a missing file', () => path('nope.json'), /cannot read baseline '.*nope\.json' \(ENOENT\)/],
    ['not JSON', () => (writeFileSync(path('broken.json'), '{"findings": ['), path('broken.json')), /baseline .*broken\.json is not valid JSON/],
    ['a SARIF file', () => (writeFileSync(path('log.sarif'), JSON.stringify({ version: '2.1.0', runs: [] })), path('log.sarif')), /baseline .*log\.sarif is not an mlaudit JSON report/],
    ['another major schema version', () => (writeFileSync(path('v2.json'), JSON.stringify({ ...good(), schemaVersion: '2.0' })), path('v2.json')), /has report schemaVersion 2\.0; this mlaudit reads 1\.x reports/],
    ['an empty file name', () => '', /--baseline needs a file name/],
  ])('%s', async (_name, make, message) => {
    const out = path(`out-${Math.random().toString(36).slice(2)}.json`);
    for (const command of [['scan', '--inventory', DEMO], ['merge', path('full.json')]]) {
      const r = await mlaudit([...command, '--baseline', make(), '--format', `json=${out}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    }
  });
});
