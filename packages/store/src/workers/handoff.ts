// Hand-off of an instance's first job to an idle loop of this process. Starting an instance
// reserves a sleeping loop of a local pool that serves the workspace, leases the first job to
// that pool inside the start transaction (so it is never claimable, never NOTIFYed) and hands
// the job over after commit. Without a free loop, the job is inserted claimable as before.
import type { ClaimedJob } from "../queue/claimed-job";
import type { StoreResources } from "../resources";
import type { InlineLease } from "../runtime/write";

/** A pool of this process that can take hand-offs. */
export interface HandoffTarget {
  /** Identifies the pool's loops in the wake signal. */
  owner: object;
  lease: InlineLease;
  serves(workspaceId: string): boolean;
}

export interface Handoff {
  lease: InlineLease;
  /** Must be called exactly once, also when the start failed (with nothing). */
  give(job: ClaimedJob | undefined): void;
}

export function reserveLocalLoop(res: StoreResources, workspaceId: string): Handoff | undefined {
  for (const target of res.localPools) {
    if (!target.serves(workspaceId)) continue;
    const give = res.wake.jobs.reserve(target.owner);
    if (!give) continue;
    let given = false;
    return {
      lease: target.lease,
      give(job) {
        if (given) return;
        given = true;
        give(job);
      },
    };
  }
  return undefined;
}
