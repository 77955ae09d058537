import { describe, expect, it } from 'vitest';
import { SummaryCounter, summarise } from '../../src/report/report.js';
import { suppressedReport } from './report-fixtures.js';

describe('SummaryCounter', () => {
  it('counted in batches, gives the summary of all the findings at once', () => {
    const { findings, rules } = suppressedReport();
    expect(findings.some((f) => f.suppressed)).toBe(true);
    const counter = new SummaryCounter();
    for (let i = 0; i < findings.length; i += 7) counter.add(findings.slice(i, i + 7));
    const summary = counter.result(rules.length);
    expect(summary).toEqual(summarise(findings, rules.length));
    expect(summary.total).toBe(findings.length);
    expect(summary.suppressed).toBeGreaterThan(0);
  });

  it('counts nothing when given nothing', () => {
    const summary = new SummaryCounter().result(3);
    expect(summary.total).toBe(0);
    expect(summary.rulesEvaluated).toBe(3);
    expect(Object.values(summary.byStatus)).toEqual([0, 0, 0]);
  });
});
