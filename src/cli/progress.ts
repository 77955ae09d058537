import type { CallStats } from '../aws/call-stats.js';

export interface Progress {
  sliceDone(): void;
  accountDone(): void;
  stop(): void;
}

export interface ProgressPlan {
  accounts: number;
  regions: number;
  /** Units of collection: each regional slice once per region and account, each global or derived one per account. */
  slices: number;
}

/** The stream the display writes to; a WriteStream in the CLI, anything with these two members in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const NOOP: Progress = { sliceDone: () => undefined, accountDone: () => undefined, stop: () => undefined };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function progressLine(plan: ProgressPlan, done: { slices: number; accounts: number }, stats: CallStats, seconds: number): string {
  const parts = [
    plan.accounts > 1 ? `accounts ${done.accounts}/${plan.accounts}` : 'collecting',
    plural(plan.regions, 'region'),
    `${done.slices}/${plan.slices} resource types`,
    plural(stats.totalCalls, 'call'),
    `${stats.throttled} throttled`,
    `${seconds}s`,
  ];
  return parts.join(' · ');
}

/** A one-line live status on stderr; only on a TTY, so logs and pipes stay clean. */
export function startProgress(stream: ProgressStream, enabled: boolean, plan: ProgressPlan, stats: CallStats): Progress {
  if (!enabled || stream.isTTY !== true) return NOOP;
  const started = Date.now();
  const done = { slices: 0, accounts: 0 };
  const draw = (): void => {
    const line = progressLine(plan, done, stats, Math.round((Date.now() - started) / 1000));
    stream.write(`\r\u001b[2K${line}`);
  };
  const timer = setInterval(draw, 250);
  timer.unref();
  draw();
  return {
    sliceDone: () => {
      done.slices += 1;
    },
    accountDone: () => {
      done.accounts += 1;
    },
    stop: () => {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}

/** Evaluating, after collection: the event loop is busy, so it draws as work is done, not on a timer. */
export interface ReportProgress {
  ruleDone(): void;
  stop(): void;
}

const NOOP_REPORT: ReportProgress = { ruleDone: () => undefined, stop: () => undefined };

/** At most this often, so that 70 fast rules do not make 70 redraws. */
const REDRAW_MS = 100;

/** The one-line status of evaluating `rules` rules, on a TTY only, as `startProgress`. */
export function startReportProgress(
  stream: ProgressStream,
  enabled: boolean,
  rules: number,
  now: () => number = Date.now,
): ReportProgress {
  if (!enabled || stream.isTTY !== true) return NOOP_REPORT;
  let done = 0;
  let drawn = -Infinity;
  let stopped = false;
  const draw = (line: string, force: boolean): void => {
    const at = now();
    if (stopped || (!force && at - drawn < REDRAW_MS)) return;
    drawn = at;
    stream.write(`\r\u001b[2K${line}`);
  };
  draw(`evaluating · 0/${plural(rules, 'rule')}`, true);
  return {
    ruleDone: () => {
      done += 1;
      draw(`evaluating · ${done}/${plural(rules, 'rule')}`, false);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      stream.write('\r\u001b[2K');
    },
  };
}
