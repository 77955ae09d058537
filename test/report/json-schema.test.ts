import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { REPORT_SCHEMA_VERSION, type ScanReport } from '../../src/report/report.js';
import { demoReport, hostileReport, suppressedReport } from './report-fixtures.js';
import { describeErrors, REPORT_SCHEMA_PATH, reportValidators } from './schema-validators.js';

const { open, closed } = reportValidators();
const asJson = (report: ScanReport): unknown => JSON.parse(renderJson(report));

describe('JSON report schema (schemas/report.schema.json)', () => {
  it.each([
    ['the demo account', demoReport],
    ['a report with applied, tag and expired suppressions', suppressedReport],
    ['a report with hostile resource names', hostileReport],
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

  it('accepts a field added later in the same major version, as the compatibility promise allows', () => {
    const json = asJson(demoReport()) as Record<string, unknown>;
    const later = { ...json, schemaVersion: '1.7', baseline: { new: 3, fixed: 1 } };
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
