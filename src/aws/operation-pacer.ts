/**
 * Client-side pacing per operation. AWS throttles each operation of an account and region separately (SageMaker's
 * ListTrainingJobs near 2 requests per second, Describe calls higher), while the SDK's adaptive retry mode keeps one
 * rate for the whole client: one throttled ListTrainingJobs would slow every other SageMaker call. A pacer per
 * operation learns that operation's rate instead: unpaced until the first throttle, then the rate that succeeded in
 * the last second, a little under it, probing upwards a few percent per second until the next throttle.
 *
 * A storm (nearly every attempt throttled for a second or more) says little about the rate the operation can take:
 * the pacer then drops to its floor, and probing from there by a few percent a second would take minutes to regain
 * an ordinary rate. So after a storm the rate first doubles every second, as TCP's slow start does, up to half the
 * rate it was sending at before (without limit after the first cut, when no rate was known yet), and only then
 * probes slowly.
 */

const WINDOW_MS = 1000;
/** Below the rate that just succeeded, so the bucket refills rather than throttling again at once. */
const BACKOFF = 0.95;
/** Probing growth per second since the last throttle. */
const GROWTH_PER_SECOND = 1.03;
/** Growth per second while regaining what a storm took, up to `recoverTo`. */
const RECOVERY_PER_SECOND = 2;
const MIN_RATE = 0.5;

export class OperationPacer {
  private base = Infinity;
  /** The rate up to which the pacer regains speed quickly after the last cut. */
  private recoverTo = 0;
  private lastCut = 0;
  private next = 0;
  private readonly successes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** The current sending rate in requests per second (Infinity before the first throttle). */
  rate(at = this.now()): number {
    if (this.base === Infinity) return Infinity;
    const seconds = (at - this.lastCut) / 1000;
    if (this.recoverTo <= this.base) return this.base * GROWTH_PER_SECOND ** seconds;
    const recovery = Math.log(this.recoverTo / this.base) / Math.log(RECOVERY_PER_SECOND);
    if (seconds <= recovery) return this.base * RECOVERY_PER_SECOND ** seconds;
    return this.recoverTo * GROWTH_PER_SECOND ** (seconds - recovery);
  }

  /** Waits for this attempt's turn. */
  async acquire(): Promise<void> {
    const now = this.now();
    const rate = this.rate(now);
    if (rate === Infinity) return;
    const at = Math.max(now, this.next);
    this.next = at + 1000 / rate;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  success(): void {
    const now = this.now();
    this.successes.push(now);
    while (this.successes.length > 0 && (this.successes[0] ?? now) < now - WINDOW_MS) this.successes.shift();
  }

  /** An attempt was throttled: pace at (a little under) what the service accepted over the last second. */
  throttled(): void {
    const now = this.now();
    // Concurrent attempts throttled together are one signal, not many.
    if (now - this.lastCut < WINDOW_MS && this.base !== Infinity) return;
    while (this.successes.length > 0 && (this.successes[0] ?? now) < now - WINDOW_MS) this.successes.shift();
    const accepted = (this.successes.length * 1000) / WINDOW_MS;
    const sending = this.rate(now);
    this.base = Math.max(MIN_RATE, Math.min(accepted, sending) * BACKOFF);
    // A storm lets through far less than was sent: regain half of that quickly. A cut after which a quarter or more
    // of it got through measured what the service takes, and probes slowly from there.
    this.recoverTo = accepted < sending / 4 ? sending / 2 : 0;
    this.lastCut = now;
    this.next = now + 1000 / this.base;
  }
}
