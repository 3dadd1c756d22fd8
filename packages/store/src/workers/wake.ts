// Wakes idle worker loops one at a time. A wake with nobody waiting is kept as a permit (up to
// the number of loops), so a job committed between a loop's empty claim and its sleep is not
// missed. Waking everyone on each enqueue costs a claim query per loop (measured: p50 46 ms vs
// 7 ms), so wakes are counted, never broadcast — except on shutdown.

export class WakeSignal {
  private readonly sleepers: Array<() => void> = [];
  private permits = 0;

  constructor(private readonly maxPermits: () => number) {}

  /** Wakes up to `count` sleeping loops (or banks permits for loops about to sleep). */
  wake(count = 1): void {
    for (let i = 0; i < count; i++) {
      const sleeper = this.sleepers.shift();
      if (sleeper) sleeper();
      else this.permits = Math.min(this.permits + 1, this.maxPermits());
    }
  }

  /** Wakes every sleeper (shutdown). */
  wakeAll(): void {
    for (const sleeper of this.sleepers.splice(0)) sleeper();
  }

  /** Resolves when woken or after `timeoutMs`; `true` when woken. */
  sleep(timeoutMs: number): Promise<boolean> {
    if (this.permits > 0) {
      this.permits--;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const sleeper = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const index = this.sleepers.indexOf(sleeper);
        if (index >= 0) this.sleepers.splice(index, 1);
        resolve(false);
      }, timeoutMs);
      this.sleepers.push(sleeper);
    });
  }

  get sleeping(): number {
    return this.sleepers.length;
  }
}
