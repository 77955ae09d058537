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

  it('after a storm at the start, when no rate was known, doubles every second until throttled again', () => {
    let now = 5_000;
    const pacer = new OperationPacer(() => now);
    pacer.throttled();
    expect(pacer.rate()).toBe(0.5);
    now += 3_000;
    expect(pacer.rate()).toBeCloseTo(4, 5);
    now += 5_000;
    expect(pacer.rate()).toBeCloseTo(128, 5);
  });

  it('after a storm, regains half the rate it was sending at quickly, then probes a few percent a second', () => {
    let now = 10_000;
    const pacer = new OperationPacer(() => now);
    pacer.throttled();
    // Paced; a cut that measured about 10 a second getting through probes slowly from there.
    now += 4_000;
    for (let i = 0; i < 10; i++) {
      now += 100;
      pacer.success();
    }
    pacer.throttled();
    expect(pacer.rate()).toBeCloseTo(9.5, 5);
    now += 2_000;
    const sendingBefore = pacer.rate();
    expect(sendingBefore).toBeCloseTo(9.5 * 1.03 ** 2, 5);
    // Then nothing gets through for a while: the floor.
    pacer.throttled();
    expect(pacer.rate()).toBe(0.5);
    // 0.5 doubled every second reaches half of what it was sending...
    const recovery = Math.log2(sendingBefore / 2 / 0.5);
    expect(recovery).toBeLessThan(4);
    now += recovery * 1000;
    expect(pacer.rate()).toBeCloseTo(sendingBefore / 2, 5);
    // ...and from there grows 3% a second.
    now += 10_000;
    expect(pacer.rate()).toBeCloseTo((sendingBefore / 2) * 1.03 ** 10, 5);
  });

  it('a cut that measured the rate the service takes probes slowly, without a burst above it', () => {
    let now = 10_000;
    const pacer = new OperationPacer(() => now);
    pacer.throttled();
    // Paced and probing: about 20 a second get through, then a throttle.
    now += 6_000;
    for (let i = 0; i < 20; i++) {
      now += 50;
      pacer.success();
    }
    const sending = pacer.rate();
    pacer.throttled();
    expect(pacer.rate()).toBeCloseTo(Math.min(20, sending) * 0.95, 5);
    now += 1_000;
    expect(pacer.rate()).toBeCloseTo(Math.min(20, sending) * 0.95 * 1.03, 5);
  });

  it('never stops an operation altogether', () => {
    const pacer = new OperationPacer(() => 5_000);
    pacer.throttled();
    expect(pacer.rate()).toBe(0.5);
  });
});
