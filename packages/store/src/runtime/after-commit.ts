// After a transaction commits, wake this process's idle loops for the work it created. Other
// processes learn of it through NOTIFY (sent by the database at that same commit).
import type { StoreResources } from "../resources";
import type { WriteSummary } from "./write";

export function wakeFor(res: StoreResources, summaries: readonly WriteSummary[]): void {
  let jobs = 0;
  let timers = 0;
  for (const summary of summaries) {
    jobs += summary.readyJobs;
    timers += summary.timers;
  }
  if (jobs > 0) res.wake.jobs.wake(jobs);
  if (timers > 0) res.wake.timers.wake(1);
}
