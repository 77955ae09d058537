import { describe, expect, it, vi } from 'vitest';
import { CallStats } from '../../src/aws/call-stats.js';
import { progressLine, startProgress, startReportProgress } from '../../src/cli/progress.js';

function stream(isTTY: boolean): { isTTY: boolean; written: string[]; write(text: string): boolean } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 };
}

describe('progress display', () => {
  it('shows accounts, regions, resource types, calls and throttles', () => {
    const stats = new CallStats();
    stats.recordCall('sagemaker:ListEndpoints');
    stats.recordCall('sagemaker:DescribeEndpoint');
    stats.recordAttempt(true);
    const line = progressLine({ accounts: 3, regions: 2, slices: 30 }, { slices: 7, accounts: 1 }, stats, 12);
    expect(line).toBe('accounts 1/3 · 2 regions · 7/30 resource types · 2 calls · 1 throttled · 12s');
    expect(progressLine({ accounts: 1, regions: 1, slices: 4 }, { slices: 0, accounts: 0 }, new CallStats(), 0)).toBe(
      'collecting · 1 region · 0/4 resource types · 0 calls · 0 throttled · 0s',
    );
  });

  it('draws on a terminal, redraws with what is done, and clears its line when stopped', () => {
    vi.useFakeTimers();
    try {
      const tty = stream(true);
      const p = startProgress(tty, true, { accounts: 2, regions: 1, slices: 2 }, new CallStats());
      expect(tty.written[0]).toContain('accounts 0/2 · 1 region · 0/2 resource types');
      p.sliceDone();
      p.accountDone();
      vi.advanceTimersByTime(300);
      expect(tty.written.at(-1)).toContain('accounts 1/2 · 1 region · 1/2 resource types');
      p.stop();
      expect(tty.written.at(-1)).toBe('\r\u001b[2K');
      const drawn = tty.written.length;
      vi.advanceTimersByTime(1000);
      expect(tty.written).toHaveLength(drawn);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes nothing when the stream is not a terminal, or with --quiet', () => {
    const pipe = stream(false);
    startProgress(pipe, true, { accounts: 1, regions: 1, slices: 1 }, new CallStats()).stop();
    expect(pipe.written).toEqual([]);
    const quiet = stream(true);
    startProgress(quiet, false, { accounts: 1, regions: 1, slices: 1 }, new CallStats()).stop();
    expect(quiet.written).toEqual([]);
  });
});

describe('evaluation progress', () => {
  it('counts rules on a terminal, at most every 100 ms, and clears its line once when stopped', () => {
    let now = 1_000;
    const tty = stream(true);
    const p = startReportProgress(tty, true, 70, () => now);
    expect(tty.written).toEqual(['\r\u001b[2Kevaluating · 0/70 rules']);
    p.ruleDone();
    p.ruleDone();
    // Two rules within 100 ms of the first draw: not redrawn.
    expect(tty.written).toHaveLength(1);
    now += 150;
    p.ruleDone();
    expect(tty.written.at(-1)).toBe('\r\u001b[2Kevaluating · 3/70 rules');
    p.stop();
    p.stop();
    now += 1_000;
    p.ruleDone();
    expect(tty.written.slice(2)).toEqual(['\r\u001b[2K']);
  });

  it('writes nothing when stderr is not a terminal, or with --quiet', () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const s = stream(isTTY);
      const p = startReportProgress(s, enabled, 70);
      p.ruleDone();
      p.stop();
      expect(s.written).toEqual([]);
    }
  });
});
