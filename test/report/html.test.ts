import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { demoReport, HOSTILE_NAME, hostileReport, suppressedReport } from './report-fixtures.js';

const demo = demoReport();
const html = renderHtml(demo, { failOn: 'high' });

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');
const between = (text: string, open: string, close: string): string[] =>
  text.split(open).slice(1).map((part) => part.slice(0, part.indexOf(close)));

describe('HTML report: one self-contained file', () => {
  it('loads nothing at view time: no external scripts, styles, images, fonts or frames', () => {
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|<object\b|<embed\b|\bsrc=|url\(|@import/i);
    expect(html).not.toContain('http://');
    // The only links are in-page anchors and the rules' reference documentation, followed only when clicked.
    const hrefs = html.match(/href="[^"]*"/g) ?? [];
    expect(hrefs.every((h) => /^href="(#rule-[a-z0-9-]+|https:\/\/[^"]+)"$/.test(h))).toBe(true);
  });

  it('allows only its own inline script and style by hash (Content-Security-Policy)', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    const [script] = between(html, '<script>', '</script>');
    const [style] = between(html, '<style>', '</style>');
    expect(csp).toContain(`script-src 'sha256-${sha256(script ?? '')}'`);
    expect(csp).toContain(`style-src 'sha256-${sha256(style ?? '')}'`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('has a row per result with the data the filters read, and the phase × dimension matrix', () => {
    expect(html.match(/<tr class="finding" /g)).toHaveLength(demo.findings.length);
    expect(html.match(/data-cell-phase=/g)?.length).toBeGreaterThan(0);
    expect(between(html, '<table class="matrix">', '</table>')[0]?.match(/<tr><th scope="row">/g)).toHaveLength(6);
    for (const f of demo.findings.slice(0, 20)) {
      expect(html).toContain(`data-status="${f.status}" data-suppressed="no" data-severity="${f.severity}" data-phase="${f.phase}" data-dimensions="${f.dimensions.join(' ')}"`);
    }
  });

  it('gives each FAIL its evidence, rationale and remediation', () => {
    const fail = demo.findings.find((f) => f.status === 'FAIL' && f.evidence && Object.keys(f.evidence).length);
    const rule = demo.rules.find((r) => r.id === fail?.ruleId);
    if (!fail || !rule) throw new Error('the demo needs a FAIL with evidence');
    const row = html.split('<tr class="finding" ').find((r) => r.includes(`<strong>${fail.ruleId}</strong>`) && r.includes('data-status="FAIL"')) ?? '';
    expect(row).toContain('<h3>Evidence</h3>');
    expect(row).toContain(`<th scope="row">${Object.keys(fail.evidence ?? {})[0]}</th>`);
    expect(row).toContain('<h3>Why it matters</h3>');
    expect(row).toContain('<h3>Remediation</h3>');
    expect(html).toContain(`id="rule-${rule.id}"`);
  });

  it('shows suppressed FAILs and expired suppressions', () => {
    const report = suppressedReport();
    const out = renderHtml(report, { failOn: 'high' });
    expect(out.match(/data-suppressed="yes"/g)).toHaveLength(report.summary.suppressed);
    expect(out).toContain('Accepted by the risk board (RISK-42)');
    expect(out).toContain('until 2999-12-31');
    expect(out).toContain('Expired, no longer applied (1)');
  });

  it('escapes account-derived text everywhere, attributes included', () => {
    const out = renderHtml(hostileReport(), { failOn: 'high' });
    expect(out).not.toContain(HOSTILE_NAME);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).not.toContain('\u001b');
    expect(out).not.toMatch(/<img/);
  });
});
