import { describe, expect, it } from 'vitest';
import { parseRateRules } from '../../bench/fake-aws-server.js';
import { issueTimes, lowerBound } from '../../bench/lower-bound.js';

describe('benchmark lower bound', () => {
  it('counts the CLI concurrency: with no rate limit, 8 calls in flight of 20 ms each bound 800 Describes to 2 s', () => {
    const calls = { 'sagemaker:ListTrainingJobs': 1, 'sagemaker:DescribeTrainingJob': 800 };
    const unlimited = lowerBound({ calls, rules: [], latencyMs: 20 });
    const limited = lowerBound({ calls, rules: [], latencyMs: 20, concurrency: 8 });
    // Unlimited: the page arrives at 20 ms, every Describe is sent then and answered at 40 ms.
    expect(unlimited.seconds).toBeCloseTo(0.04, 5);
    // 100 waves of 8 after the page: 20 ms + 100 × 20 ms.
    expect(limited.seconds).toBeCloseTo(2.02, 5);
  });

  it('leaves a rate-limited bound unchanged when the slots turn over faster than the bucket refills', () => {
    const calls = { 'sagemaker:ListTrainingJobs': 10, 'sagemaker:DescribeTrainingJob': 1000 };
    const rules = parseRateRules('List*=2:2,*=10:10');
    const a = lowerBound({ calls, rules, latencyMs: 20 });
    const b = lowerBound({ calls, rules, latencyMs: 20, concurrency: 8 });
    expect(b.seconds).toBeCloseTo(a.seconds, 6);
    expect(b.seconds).toBeGreaterThan(99);
    expect(b.seconds).toBeLessThan(100);
  });

  it('sends through a bucket no faster than its rate after the burst, and never two calls on one slot at once', () => {
    const [rule] = parseRateRules('*=10:5');
    const t = issueTimes(25, rule, () => 0, 0, 2, 300);
    // Two slots of 300 ms: at most two calls in any 300 ms window.
    for (let i = 2; i < t.length; i++) expect((t[i] ?? 0) - (t[i - 2] ?? 0)).toBeGreaterThanOrEqual(300 - 1e-9);
    const free = issueTimes(25, rule, () => 0);
    // Unlimited slots: 5 at once (the burst), then one every 100 ms.
    expect(free.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(free[24]).toBeCloseTo(2000, 6);
  });
});
