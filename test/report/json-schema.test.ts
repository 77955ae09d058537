import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { REPORT_SCHEMA_VERSION, type ScanReport } from '../../src/report/report.js';
import { baselineReport, demoReport, hostileReport, suppressedReport } from './report-fixtures.js';
import { describeErrors, REPORT_SCHEMA_PATH, reportValidators } from './schema-validators.js';

const { open, closed } = reportValidators();
const asJson = (report: ScanReport): unknown => JSON.parse(renderJson(report));

describe('JSON report schema (schemas/report.schema.json)', () => {
  it.each([
    ['the demo account', demoReport],
    ['a report with applied, tag and expired suppressions', suppressedReport],
    ['a report with hostile resource names', hostileReport],
    ['a report compared with a baseline (new, unchanged, fixed and unchecked FAILs)', baselineReport],
  ])('validates %s, and the report has no field the schema does not document', (_name, make) => {
    const json = asJson(make());
    expect(open(json), describeErrors(open.errors)).toBe(true);
    expect(closed(json), describeErrors(closed.errors)).toBe(true);
  });

  it('the suppressed report exercises the suppression fields', () => {
    const report = suppressedReport();
    expect(report.findings.filter((f) => f.suppressed).map((f) => f.suppressed?.source).sort()).toEqual(['config', 'tag']);
    expect(report.suppressions.expired).toHaveLength(1);
  });

  it('the baseline report exercises every baseline field', () => {
    const report = baselineReport();
    expect(new Set(report.findings.map((f) => f.baseline))).toEqual(new Set([undefined, 'new', 'unchanged']));
    expect(report.baseline?.fixed.length).toBeGreaterThan(0);
    expect(report.baseline?.unknown.map((u) => u.reason).sort()).toEqual(['error', 'not-scanned']);
  });

  it('accepts a field added later in the same major version, as the compatibility promise allows', () => {
    const json = asJson(demoReport()) as Record<string, unknown>;
    const later = { ...json, schemaVersion: '1.7', trend: { weeks: 3, fixed: 1 } };
    expect(open(later), describeErrors(open.errors)).toBe(true);
  });

  it.each([
    ['a missing summary', (r: Record<string, unknown>) => ({ ...r, summary: undefined })],
    ['another major version', (r: Record<string, unknown>) => ({ ...r, schemaVersion: '2.0' })],
    [
      'an unknown status',
      (r: Record<string, unknown>) => ({ ...r, findings: [{ ...(r.findings as object[])[0], status: 'WARN' }] }),
    ],
    [
      'a suppressed PASS',
      (r: Record<string, unknown>) => ({
        ...r,
        findings: [{ ...(r.findings as object[])[0], status: 'PASS', suppressed: { source: 'config', reason: 'x' } }],
      }),
    ],
    [
      'a baseline state on a PASS',
      (r: Record<string, unknown>) => ({ ...r, findings: [{ ...(r.findings as object[])[0], status: 'PASS', baseline: 'new' }] }),
    ],
    [
      'an unknown baseline state',
      (r: Record<string, unknown>) => ({ ...r, findings: [{ ...(r.findings as object[])[0], status: 'FAIL', baseline: 'absent' }] }),
    ],
    [
      'a baseline without counts',
      (r: Record<string, unknown>) => ({ ...r, baseline: { source: 'b.json', finishedAt: '2026-03-02T10:00:05.000Z', fixed: [], unknown: [] } }),
    ],
    [
      'an expiry that is not a date',
      (r: Record<string, unknown>) => ({
        ...r,
        suppressions: { applied: 0, expired: [{ rule: 'notebook-root-disabled', resource: '*', reason: 'x', expires: 'soon' }] },
      }),
    ],
  ])('rejects %s', (_name, mutate) => {
    const json = JSON.parse(JSON.stringify(mutate(asJson(demoReport()) as Record<string, unknown>))) as unknown;
    expect(open(json)).toBe(false);
  });

  it('describes the schemaVersion the code writes', () => {
    const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as { properties: { schemaVersion: { pattern: string } } };
    expect(REPORT_SCHEMA_VERSION).toMatch(new RegExp(schema.properties.schemaVersion.pattern));
  });
});
