import { describe, expect, it } from 'vitest';
import { failingFindings } from '../../src/engine/exit-code.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { BASELINE_SOURCE, baselineReport, demoReport, HOSTILE_NAME, NEW_RULE } from './report-fixtures.js';

const report = baselineReport();
const baseline = report.baseline;
if (!baseline) throw new Error('baselineReport has no baseline');
const counts = baseline.counts;
const fails = report.findings.filter((f) => f.status === 'FAIL');
const newFails = fails.filter((f) => f.baseline === 'new');

/** The rows (header and rule left out) of the Markdown table after a heading. */
function rowsAfter(md: string, heading: RegExp): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const first = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  const out: string[] = [];
  for (let i = first; i < lines.length && lines[i]?.startsWith('|'); i += 1) out.push(lines[i] as string);
  return out.slice(2);
}

describe('the baseline fixture', () => {
  it('has new, unchanged, fixed and unchecked FAILs, and the only new high FAILs are of NEW_RULE', () => {
    expect(counts.new).toBe(newFails.length);
    expect(counts.new).toBeGreaterThan(0);
    expect(counts.unchanged).toBe(fails.length - newFails.length);
    expect(counts.fixed).toBe(1);
    expect(counts.unknown).toBe(2);
    expect(new Set(newFails.map((f) => f.ruleId))).toEqual(new Set([NEW_RULE]));
    expect(failingFindings(report.findings, 'high')).toEqual(newFails);
  });
});

describe('text report with a baseline', () => {
  const text = renderText(report, { color: false });

  it('marks new FAILs and only them', () => {
    const marked = text.split('\n').filter((l) => l.includes('[new]'));
    expect(marked).toHaveLength(newFails.length);
    for (const f of newFails) expect(marked.some((l) => l.includes(f.message))).toBe(true);
  });

  it('counts new, unchanged, fixed and unchecked FAILs, and lists the fixed and unchecked ones', () => {
    expect(text).toContain(`Since baseline ${BASELINE_SOURCE} (scan finished ${baseline.finishedAt})`);
    expect(text).toContain(`${counts.new} new, ${counts.unchanged} unchanged, ${counts.fixed} fixed, ${counts.unknown} not checked`);
    const fixedLine = text.split('\n').find((l) => l.startsWith('  fixed '));
    // The fixed resource's name is hostile: shown as inert text, never a control sequence.
    expect(fixedLine).toContain(HOSTILE_NAME);
    expect(text).toMatch(/ {2}unchecked iam-execution-role-not-admin .*training-job\/retired-job \(ERROR now\)/);
    expect(text).toContain('1 baseline FAILs are of rules, accounts or regions this run did not scan');
  });

  it('says nothing about baselines without one', () => {
    const plain = renderText(demoReport(), { color: false });
    expect(plain).not.toContain('[new]');
    expect(plain).not.toContain('Since baseline');
  });
});

describe('Markdown summary with a baseline', () => {
  const md = renderMarkdown(report, { failOn: 'high' });

  it('fails on new FAILs only, and says so in the verdict', () => {
    expect(md.split('\n')[0]).toBe(`## mlaudit: ${newFails.length} new FAILs at or above high`);
    expect(md).toContain(`> ${newFails.length} unsuppressed FAILs new since the baseline at or above **high**: the run fails.`);
  });

  it('lists only the new FAILs at or above the threshold and counts the persisting ones', () => {
    const listed = rowsAfter(md, /^### New FAILs at or above high \(/);
    expect(listed).toHaveLength(newFails.length);
    for (const f of newFails) expect(listed.some((row) => row.includes(f.resource.arn))).toBe(true);
    expect(md).not.toMatch(/^### FAILs at or above/m);
    expect(md).toContain(`${counts.unchanged} unsuppressed FAILs unchanged since the baseline are not listed: they do not fail the run.`);
  });

  it('has a "Since baseline" count table and a "Fixed since baseline" table, with the account-derived text escaped', () => {
    expect(rowsAfter(md, /^### Since baseline/)).toEqual([`| ${counts.new} | ${counts.unchanged} | ${counts.fixed} | ${counts.unknown} |`]);
    expect(md).toContain(`Compared with previous/mlaudit.json`);
    const fixed = rowsAfter(md, /^### Fixed since baseline \(1\)/);
    expect(fixed).toHaveLength(1);
    expect(fixed[0]).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(md).not.toContain('<script>');
    expect(md).toContain('Not checked: 2 baseline FAILs this run could not see (1 ERROR now, 1 of rules, accounts or regions not scanned)');
  });

  it('adds a New column to the FAIL-by-severity table', () => {
    const high = rowsAfter(md, /^### FAIL by severity/).find((r) => r.startsWith('| high |'));
    expect(high).toBe(`| high | ${report.summary.failBySeverity.high} | ${newFails.filter((f) => f.severity === 'high').length} | 0 | if new |`);
  });

  it('with nothing new at the threshold, the verdict passes and nothing is listed', () => {
    const quiet = { ...report, findings: report.findings.filter((f) => f.baseline !== 'new') };
    const out = renderMarkdown(quiet, { failOn: 'high' });
    expect(out.split('\n')[0]).toBe('## mlaudit: no new FAIL at or above high');
    expect(out).toContain('> No unsuppressed FAIL at or above **high** since the baseline');
    expect(out).toMatch(/^### New FAILs at or above high \(0\)\n\nNone\.$/m);
  });

  it('with --fail-on none lists every new FAIL', () => {
    const none = renderMarkdown(report, { failOn: 'none' });
    expect(none).toContain(`### New FAILs (${newFails.length})`);
    expect(rowsAfter(none, /^### New FAILs \(/)).toHaveLength(newFails.length);
  });
});

describe('HTML report with a baseline', () => {
  const html = renderHtml(report, { failOn: 'high' });

  it('gives the verdict for new FAILs and counts new, unchanged and fixed', () => {
    expect(html).toContain(`<strong>${newFails.length}</strong> unsuppressed FAIL result(s) new since the baseline at or above <strong>high</strong>: the run fails.`);
    expect(html).toContain(`<span class="n">${counts.unchanged}</span><span class="muted">unchanged</span>`);
    expect(html).toContain(`<span class="n">${counts.fixed}</span><span class="muted">fixed</span>`);
  });

  it('badges new FAILs, marks rows for the filter, and offers the "new" filter', () => {
    expect(html.match(/<span class="badge new" title="not a FAIL in the baseline">new<\/span>/g)).toHaveLength(newFails.length);
    expect(html.match(/data-baseline="new"/g)).toHaveLength(newFails.length);
    expect(html.match(/data-baseline="unchanged"/g)).toHaveLength(counts.unchanged);
    expect(html).toContain('<option value="FAIL-new">FAIL, new since the baseline</option>');
    expect(html).toContain("else if (f.status === 'FAIL-new') { if (d.baseline !== 'new') return false; }");
  });

  it('lists the fixed and unchecked baseline FAILs, escaped', () => {
    const section = html.slice(html.indexOf('<section id="baseline">'), html.indexOf('</section>', html.indexOf('<section id="baseline">')));
    expect(section).toContain('<h3>Fixed since baseline (1)</h3>');
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(section).not.toContain(HOSTILE_NAME);
    expect(section).toContain('<h3>Not checked (2)</h3>');
    expect(section).toContain('ERROR now');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('has no baseline section, badge or filter without one', () => {
    const plain = renderHtml(demoReport(), { failOn: 'high' });
    expect(plain).not.toContain('id="baseline"');
    expect(plain).not.toContain('FAIL-new">');
    expect(plain).not.toContain('data-baseline=');
  });
});
