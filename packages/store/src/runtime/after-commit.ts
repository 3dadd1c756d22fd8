// After a transaction commits, wake this process's idle loops for the work it created. Other
// processes learn of it through NOTIFY (sent by the database at that same commit). A job
// written for later (retry back-off) gets a local wake-up when it comes due, so it does not wait
// for the next poll; one due far ahead is left to polling.
import type { StoreResources } from "../resources";
import type { WriteSummary } from "./write";

const MAX_DELAYED_WAKE_MS = 5 * 60_000;

export function wakeFor(res: StoreResources, summaries: readonly WriteSummary[]): void {
  let jobs = 0;
  let timers = 0;
  for (const summary of summaries) {
    jobs += summary.readyJobs;
    timers += summary.timers;
    for (const dueAt of summary.delayedJobs) wakeWhenDue(res, dueAt);
  }
  if (jobs > 0) res.wake.jobs.wake(jobs);
  if (timers > 0) res.wake.timers.wake(1);
}

function wakeWhenDue(res: StoreResources, dueAt: number): void {
  const inMs = dueAt - res.clock.now();
  if (inMs > MAX_DELAYED_WAKE_MS) return;
  // A few ms late rather than early: visible_at is compared with the database's now().
  const timer = setTimeout(() => res.wake.jobs.wake(1), Math.max(0, inMs) + 5);
  timer.unref?.();
}
