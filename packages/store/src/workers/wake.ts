// Wakes idle worker loops one at a time, and says why. Waking everyone on each enqueue costs a
// claim query per loop (measured: p50 46 ms vs 7 ms), so wakes are counted, never broadcast —
// except on shutdown.
//
// A wake nobody is asleep for is kept as a permit: permits count jobs known to be claimable (a
// local commit or a NOTIFY said so), so a loop that finishes a chain claims again only while
// work is known to wait, instead of paying an empty claim after every instance.
//
// A sleeping loop can also be reserved: whoever starts an instance takes one idle loop out of
// the queue, leases the instance's first job to it in the same transaction, and hands it the
// job after commit — no claim and no NOTIFY for that job (see runtime/handoff.ts).
import type { ClaimedJob } from "../queue/claimed-job";

export type Wake =
  /** Work is known to wait: claim. */
  | { kind: "work" }
  /** A poll found work nobody announced (a backlog, a retry coming due): look for more. */
  | { kind: "probe" }
  /** A job already leased to this loop's pool: run it. */
  | { kind: "job"; job: ClaimedJob }
  /** Reserved for a hand-off that brought nothing after all: go back to sleep. */
  | { kind: "nothing" }
  | { kind: "timeout" };

interface Sleeper {
  /** Which pool the loop belongs to, so a hand-off goes to a loop that may run the job. */
  owner: unknown;
  timer?: ReturnType<typeof setTimeout>;
  resolve(wake: Wake): void;
}

// Permits are bounded so a storm of notifications cannot make loops claim for minutes.
const DEFAULT_MAX_PERMITS = 10_000;

export class WakeSignal {
  private readonly sleepers: Sleeper[] = [];
  private permits = 0;

  constructor(private readonly maxPermits = DEFAULT_MAX_PERMITS) {}

  /** Wakes up to `count` sleeping loops to claim, banking permits for the rest. */
  wake(count = 1, kind: "work" | "probe" = "work"): void {
    for (let i = 0; i < count; i++) {
      const sleeper = this.sleepers.shift();
      if (sleeper) sleeper.resolve({ kind });
      else this.permits = Math.min(this.permits + 1, this.maxPermits);
    }
  }

  /** Wakes every sleeper (shutdown). */
  wakeAll(): void {
    for (const sleeper of this.sleepers.splice(0)) sleeper.resolve({ kind: "work" });
  }

  /** Takes a banked permit, if any: true means work is known to wait. */
  tryTake(): boolean {
    if (this.permits === 0) return false;
    this.permits--;
    return true;
  }

  /**
   * Takes a sleeping loop of `owner` out of the queue. The caller must call the returned function
   * exactly once: with a job to run, or with nothing to send the loop back to sleep.
   */
  reserve(owner: unknown): ((job: ClaimedJob | undefined) => void) | undefined {
    const index = this.sleepers.findIndex((sleeper) => sleeper.owner === owner);
    if (index < 0) return undefined;
    const [sleeper] = this.sleepers.splice(index, 1);
    if (!sleeper) return undefined;
    // A reserved loop waits for its hand-off however long the start transaction takes.
    clearTimeout(sleeper.timer);
    return (job) => sleeper.resolve(job ? { kind: "job", job } : { kind: "nothing" });
  }

  /** Resolves when woken, handed a job, or after `timeoutMs` (never, when Infinity). */
  sleep(timeoutMs: number, owner?: unknown): Promise<Wake> {
    if (this.tryTake()) return Promise.resolve({ kind: "work" });
    return new Promise((resolve) => {
      const sleeper: Sleeper = {
        owner,
        resolve: (wake) => {
          clearTimeout(sleeper.timer);
          resolve(wake);
        },
      };
      if (Number.isFinite(timeoutMs)) {
        sleeper.timer = setTimeout(() => {
          const index = this.sleepers.indexOf(sleeper);
          if (index >= 0) this.sleepers.splice(index, 1);
          resolve({ kind: "timeout" });
        }, timeoutMs);
      }
      this.sleepers.push(sleeper);
    });
  }

  get sleeping(): number {
    return this.sleepers.length;
  }

  get banked(): number {
    return this.permits;
  }
}
