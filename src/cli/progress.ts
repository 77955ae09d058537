import type { CallStats } from '../aws/call-stats.js';

export interface Progress {
  sliceDone(): void;
  stop(): void;
}

const NOOP: Progress = { sliceDone: () => undefined, stop: () => undefined };

/** A one-line live status on stderr; only on a TTY, so logs and pipes stay clean. */
export function startProgress(stream: NodeJS.WriteStream, enabled: boolean, totalSlices: number, stats: CallStats): Progress {
  if (!enabled || !stream.isTTY) return NOOP;
  const started = Date.now();
  let done = 0;
  const draw = (): void => {
    const secs = Math.round((Date.now() - started) / 1000);
    const line = `collecting ${done}/${totalSlices} slices · ${stats.totalCalls} calls · ${stats.throttled} throttled · ${secs}s`;
    stream.write(`\r\u001b[2K${line}`);
  };
  const timer = setInterval(draw, 250);
  timer.unref();
  draw();
  return {
    sliceDone: () => {
      done += 1;
    },
    stop: () => {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}
