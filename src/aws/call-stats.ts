/** Counts of what was sent, for progress display, the benchmark and the scan summary. */
export class CallStats {
  /** Logical calls (one per command sent), keyed `service:Operation`. */
  readonly calls = new Map<string, number>();
  /** HTTP attempts, including retries. */
  attempts = 0;
  throttled = 0;
  failed = 0;
  private listeners: (() => void)[] = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  recordCall(key: string): void {
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.emit();
  }

  recordAttempt(throttled: boolean): void {
    this.attempts += 1;
    if (throttled) this.throttled += 1;
    this.emit();
  }

  recordFailure(): void {
    this.failed += 1;
  }

  get totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  get retries(): number {
    return Math.max(0, this.attempts - this.totalCalls);
  }

  toJSON(): Record<string, unknown> {
    return {
      total: this.totalCalls,
      byOperation: Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b))),
      attempts: this.attempts,
      retries: this.retries,
      throttledResponses: this.throttled,
      failedCalls: this.failed,
    };
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
