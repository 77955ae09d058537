import { describe, expect, it } from 'vitest';
import { OperationPacer } from '../../src/aws/operation-pacer.js';

describe('OperationPacer', () => {
  it('does not pace an operation that was never throttled', async () => {
    const pacer = new OperationPacer(() => 0);
    expect(pacer.rate()).toBe(Infinity);
    await pacer.acquire();
  });

  it('after a throttle, paces a little under the rate that succeeded in the last second, then probes upwards', () => {
    let now = 10_000;
    const pacer = new OperationPacer(() => now);
    for (let i = 0; i < 10; i++) {
      now += 100;
      pacer.success();
    }
    pacer.throttled();
    expect(pacer.rate()).toBeCloseTo(9.5, 5);
    // Concurrent attempts throttled in the same second are one signal.
    pacer.throttled();
    expect(pacer.rate()).toBeCloseTo(9.5, 5);
    now += 10_000;
    expect(pacer.rate()).toBeGreaterThan(12);
  });

  it('never stops an operation altogether', () => {
    const pacer = new OperationPacer(() => 5_000);
    pacer.throttled();
    expect(pacer.rate()).toBe(0.5);
  });
});
