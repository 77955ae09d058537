import { describe, expect, it } from 'vitest';
import { failingFindings } from '../../src/engine/exit-code.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ScanReport } from '../../src/report/report.js';
import { demoReport, hostileReport, largeReport, suppressedReport } from './report-fixtures.js';

const demo = demoReport();

/** The lines of the table that follows a `### heading`, header and rule included. */
function tableAfter(md: string, heading: RegExp): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const first = lines.findIndex((l, i) => i >= start && l.startsWith('|'));
  const out: string[] = [];
  for (let i = first; i < lines.length && lines[i]?.startsWith('|'); i += 1) out.push(lines[i] as string);
  return out;
}

/** Cell separators: pipes not escaped with a backslash. */
const separators = (line: string): number => line.match(/(?<!\\)\|/g)?.length ?? 0;

function everyTableIsWellFormed(md: string): void {
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (!line.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    const width = separators(line);
    for (let j = i; j < lines.length && lines[j]?.startsWith('|'); j += 1) {
      expect(separators(lines[j] as string), lines[j]).toBe(width);
    }
  }
}

const rows = (table: string[]): string[] => table.slice(2);

describe('Markdown summary', () => {
  const md = renderMarkdown(demo, { failOn: 'high' });

  it('leads with the verdict for the threshold and the scope of the scan', () => {
    const failing = failingFindings(demo.findings, 'high').length;
    expect(md.split('\n')[0]).toBe(`## mlaudit: ${failing} FAILs at or above high`);
    expect(md).toContain('> [!CAUTION]');
    expect(md).toContain(`Account ${demo.scan.accounts[0]}`);
    expect(md).toContain(`${demo.summary.rulesEvaluated} rules`);
  });

  it('counts results by status and FAILs by severity', () => {
    expect(rows(tableAfter(md, /^\| Status \| Results/))).toEqual([
      `| FAIL | ${demo.summary.byStatus.FAIL} |`,
      `| ERROR | ${demo.summary.byStatus.ERROR} (could not be evaluated) |`,
      `| PASS | ${demo.summary.byStatus.PASS} |`,
    ]);
    const severity = rows(tableAfter(md, /^### FAIL by severity/));
    expect(severity[1]).toBe(`| high | ${demo.summary.failBySeverity.high} | 0 | yes |`);
    expect(severity[2]).toBe(`| medium | ${demo.summary.failBySeverity.medium} | 0 | no |`);
  });

  it('counts by lifecycle phase and responsible-AI dimension', () => {
    const phases = rows(tableAfter(md, /^### By lifecycle phase/));
    const deployment = demo.summary.byPhase.deployment;
    expect(phases).toContain(`| Deployment | ${deployment.FAIL} | ${deployment.ERROR} | ${deployment.PASS} |`);
    const dims = rows(tableAfter(md, /^### By responsible-AI dimension/));
    const privacy = demo.summary.byDimension['privacy-security'];
    expect(dims).toContain(`| Privacy & security | ${privacy.FAIL} | ${privacy.ERROR} | ${privacy.PASS} |`);
  });

  it('lists exactly the unsuppressed FAILs at or above the threshold, most severe first', () => {
    const listed = rows(tableAfter(md, /^### FAILs at or above high/));
    const failing = failingFindings(demo.findings, 'high');
    expect(failing.length).toBeLessThanOrEqual(100);
    expect(listed).toHaveLength(failing.length);
    expect(listed.every((l) => /^\| (critical|high) \|/.test(l))).toBe(true);
    for (const f of failing) expect(md).toContain(f.resource.arn);
    const below = demo.findings.filter((f) => f.status === 'FAIL' && !failing.includes(f)).length;
    expect(md).toContain(`${below} more FAILs below the threshold`);
  });

  it('with --fail-on none lists every unsuppressed FAIL and says nothing fails the run', () => {
    const none = renderMarkdown(demo, { failOn: 'none' });
    expect(none).toContain('`--fail-on none`: findings do not fail the run.');
    expect(rows(tableAfter(none, /^### FAILs \(/))).toHaveLength(Math.min(100, demo.summary.byStatus.FAIL));
    expect(none).toContain(`### FAILs (${demo.summary.byStatus.FAIL})`);
  });

  it('says so when nothing reaches the threshold', () => {
    const quiet: ScanReport = { ...demo, findings: demo.findings.filter((f) => f.status !== 'FAIL' || f.severity === 'info') };
    const out = renderMarkdown(quiet, { failOn: 'high' });
    expect(out.split('\n')[0]).toBe('## mlaudit: no FAIL at or above high');
    expect(out).toContain('> [!TIP]');
  });

  it('lists what could not be read, with the IAM action to grant', () => {
    const errors = rows(tableAfter(md, /^### Could not read/));
    expect(errors).toHaveLength(demo.errors.length);
    expect(md).toContain('grant sagemaker:ListTrainingJobs');
  });

  it('shows suppressed FAILs with reason, expiry and source, and expired suppressions, apart from the failing list', () => {
    const report = suppressedReport();
    const out = renderMarkdown(report, { failOn: 'info' });
    const suppressed = rows(tableAfter(out, /^### Suppressed \(2\)/));
    expect(suppressed.join('\n')).toMatch(/Accepted by the risk board \\\(RISK-42\\\) \| 2999-12-31 \| config \|/);
    expect(suppressed.join('\n')).toMatch(/Owner accepts: batch only \| - \| resource tag \|/);
    expect(rows(tableAfter(out, /^### Expired suppressions \(1\)/)).join('\n')).toContain('2020-01-01');
    const failing = rows(tableAfter(out, /^### FAILs at or above info/));
    expect(failing).toHaveLength(Math.min(100, report.summary.byStatus.FAIL - 2));
    expect(out).toContain(`### FAILs at or above info (${report.summary.byStatus.FAIL - 2})`);
    expect(rows(tableAfter(out, /^### FAIL by severity/)).some((l) => / \| 1 \| (yes|no) \|$/.test(l))).toBe(true);
  });

  it('escapes account-derived text: no HTML, links, mentions or broken tables', () => {
    const out = renderMarkdown(hostileReport(), { failOn: 'high' });
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(out).not.toMatch(/\]\(https?:/);
    expect(out).not.toMatch(/@octocat/);
    expect(out).not.toContain('\u001b');
    everyTableIsWellFormed(out);
  });

  it('every table is well formed for the demo and suppressed reports', () => {
    everyTableIsWellFormed(md);
    everyTableIsWellFormed(renderMarkdown(suppressedReport(), { failOn: 'medium' }));
  });
});

describe('Markdown summary for a large account', () => {
  const big = largeReport(3000);

  it('shows the first rows and says how many more there are', () => {
    const out = renderMarkdown(big, { failOn: 'low' });
    const failing = failingFindings(big.findings, 'low').length;
    expect(rows(tableAfter(out, /^### FAILs at or above low/))).toHaveLength(100);
    expect(out).toContain(`…and ${failing - 100} more: see the JSON, SARIF or HTML report.`);
  });

  it('stays under a PR comment’s size by showing fewer rows', () => {
    const out = renderMarkdown(big, { failOn: 'low', maxRows: 1000, maxChars: 20_000 });
    expect(out.length).toBeLessThanOrEqual(20_000);
    const shown = rows(tableAfter(out, /^### FAILs at or above low/)).length;
    expect(shown).toBeGreaterThanOrEqual(5);
    expect(shown).toBeLessThan(1000);
    expect(renderMarkdown(big, { failOn: 'low' }).length).toBeLessThanOrEqual(60_000);
  });
});
