import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMlaudit, type CliResult } from '../support/cli.js';
import type { ScanReport } from '../../src/report/report.js';
import { GITHUB_LIMITS } from '../../src/report/sarif.js';

const DEMO = 'fixtures/demo-account.json';

const mlaudit = (args: string[]): Promise<CliResult> => runMlaudit(args);

const tmp = (): string => mkdtempSync(join(tmpdir(), 'mlaudit-formats-'));

describe('mlaudit scan --format markdown and html', () => {
  it('prints a Markdown summary for the --fail-on threshold, and still exits by it', async () => {
    const r = await mlaudit(['scan', '--inventory', DEMO, '--format', 'markdown', '--fail-on', 'high']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^## mlaudit: \d+ FAILs? at or above high\n/);
    expect(r.stdout).toContain('### FAILs at or above high');
  });

  it('writes an HTML file next to other formats', async () => {
    const dir = tmp();
    const r = await mlaudit(['scan', '--inventory', DEMO, '--fail-on', 'none', '--format', `html=${join(dir, 'r.html')}`, '--format', `markdown=${join(dir, 'r.md')}`, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as ScanReport;
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<tr class="finding" /g)).toHaveLength(report.findings.length);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('`--fail-on none`');
  });

  it('names every format in the usage error for an unknown one', async () => {
    const r = await mlaudit(['scan', '--inventory', DEMO, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("mlaudit: unknown format 'pdf' in --format; use text, json, sarif, markdown, html");
  });
});

describe('mlaudit scan --format sarif past GitHub’s limits', () => {
  it('truncates to the most severe 25,000 results and warns on stderr, while JSON keeps them all', async () => {
    // The demo account with thousands of copies of its worst notebook: well over 25,000 FAILs.
    const dir = tmp();
    const inventory = JSON.parse(readFileSync(DEMO, 'utf8')) as {
      slices: { notebookInstances: { items: { name: string; arn: string }[] } };
    };
    const items = inventory.slices.notebookInstances.items;
    const worst = items.find((nb) => nb.name === 'ds-sandbox');
    if (!worst) throw new Error('the demo account has no ds-sandbox notebook');
    for (let i = 0; i < 6000; i += 1) {
      items.push({ ...worst, name: `nb-copy-${i}`, arn: worst.arn.replace('ds-sandbox', `nb-copy-${i}`) });
    }
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(inventory));

    const r = await mlaudit(['scan', '--inventory', big, '--fail-on', 'none', '--format', `sarif=${join(dir, 'r.sarif')}`, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const fails = (JSON.parse(r.stdout) as ScanReport).findings.filter((f) => f.status === 'FAIL').length;
    expect(fails).toBeGreaterThan(GITHUB_LIMITS.resultsPerRun);
    const sarif = JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(GITHUB_LIMITS.resultsPerRun);
    expect(r.stderr).toContain(
      `mlaudit: warning: SARIF truncated: GitHub accepts at most ${GITHUB_LIMITS.resultsPerRun} results per run. Kept the ${GITHUB_LIMITS.resultsPerRun} most severe of ${fails} FAIL results`,
    );
  }, 120_000);
});
