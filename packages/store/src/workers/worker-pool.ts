// The workers of one process: N job loops (one job each at a time, continuing inline into the
// next step when the engine creates one), one timer loop, a little housekeeping, and the
// LISTEN connection on Postgres. Loops sleep until woken (in-process after a local commit, by
// NOTIFY from other processes) or handed a job by a local start (handoff.ts).
// Polling is the fallback for work nobody announces (leases that expired, a backlog found at
// start-up): one loop per pool polls; when its poll finds a job it wakes a sibling to look too,
// so a backlog fans out to every loop while an idle pool costs one claim per poll interval.
// Shutdown: stop claiming, let in-flight jobs finish within the grace period, then abort and
// release the rest so another worker takes them at once.
import { sqlState } from "../database/transaction";
import { errorFields } from "../logger";
import { purgeExpired } from "../messages/buffer";
import type { ClaimedJob } from "../queue/claimed-job";
import { reportResult } from "../queue/inline-report";
import { claimJobs, releaseJobs } from "../queue/jobs";
import { fireDueTimers, nextTimerDueInMs } from "../queue/timers";
import type { StoreResources } from "../resources";
import type { InlineLease } from "../runtime/write";
import type { HandoffTarget } from "./handoff";
import { type RunningJob, runJob } from "./job-runner";
import { NotificationListener } from "./listener";

export interface WorkerOptions {
  /** Job loops in this process (each runs one job at a time). Default 4. */
  concurrency?: number;
  /** Lease per claim; a crashed worker's job is claimable again after it. Default 30 s. */
  leaseMs?: number;
  /** Default: a third of the lease. */
  heartbeatMs?: number;
  /** Fallback polling when no wake-up arrives. Default 1 s. */
  pollMs?: number;
  /** Run the timer loop in this pool. Default true. */
  timers?: boolean;
  timerBatchSize?: number;
  /** Longest sleep of the timer loop. Default 1 s. */
  timerPollMs?: number;
  /** Claims after which a job that never finishes is failed for good. Default 5. */
  maxDeliveries?: number;
  /** Run the next step of the same instance directly when possible. Default true. */
  inlineContinuation?: boolean;
  /** Serve only these workspaces. */
  workspaceIds?: string[];
  workerId?: string;
  housekeepingIntervalMs?: number;
}

export interface ShutdownReport {
  /** In-flight jobs that finished within the grace period. */
  finished: number;
  /** In-flight jobs whose lease was given back. */
  released: number;
}

export interface WorkerPool {
  readonly workerId: string;
  /** Jobs being executed right now. */
  readonly inFlight: number;
  stop(options?: { graceMs?: number }): Promise<ShutdownReport>;
}

export interface PoolHost {
  res: StoreResources;
  applicationName: string;
  createListenerClient?: () => import("pg").Client;
}

export async function startWorkerPool(
  host: PoolHost,
  options: WorkerOptions = {},
): Promise<WorkerPool> {
  const { res } = host;
  const workerId = options.workerId ?? `${host.applicationName}:${crypto.randomUUID().slice(0, 8)}`;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const leaseMs = options.leaseMs ?? 30_000;
  const settings = {
    leaseMs,
    heartbeatMs: options.heartbeatMs ?? Math.max(50, Math.floor(leaseMs / 3)),
    maxDeliveries: options.maxDeliveries ?? 5,
  };
  const pollMs = options.pollMs ?? 1_000;
  const timerPollMs = options.timerPollMs ?? 1_000;
  const timerBatchSize = options.timerBatchSize ?? 20;
  const housekeepingMs = options.housekeepingIntervalMs ?? 60_000;
  const workspaceIds = options.workspaceIds;
  const inline: InlineLease | undefined =
    options.inlineContinuation === false
      ? undefined
      : {
          workerId,
          leaseMs,
          canRun: (type, version) => res.executorFor(type, version) !== undefined,
        };

  let stopping = false;
  let finishedAfterStop = 0;
  const running = new Set<RunningJob>();

  async function execute(job: ClaimedJob): Promise<ClaimedJob | undefined> {
    const entry: RunningJob = { job, controller: new AbortController(), released: false };
    running.add(entry);
    let result: Awaited<ReturnType<typeof runJob>>;
    try {
      result = await runJob(res, entry, settings);
    } finally {
      running.delete(entry);
    }
    if (entry.released || result.leaseLost) return undefined;
    const lease = stopping ? undefined : inline;
    const report = await reportResult(res, job, result.outcome, lease).catch((error: unknown) => {
      // Output the database cannot store (a NUL character in text, say), or nested too deeply
      // to serialize, would fail every redelivery the same way: record it as a failure of the
      // step instead.
      if (result.outcome.kind !== "completed" || !isUnstorableOutput(error)) throw error;
      const message = isStackOverflow(error)
        ? "it is nested too deeply"
        : error instanceof Error
          ? error.message
          : String(error);
      res.logger.warn(
        { jobId: job.id, instanceId: job.instanceId, error: message },
        "output refused",
      );
      return reportResult(
        res,
        job,
        {
          kind: "failed",
          message: `the step's output could not be saved: ${message}`,
          code: "job.outputRejected",
          retryable: false,
        },
        lease,
      );
    });
    if (stopping) finishedAfterStop++;
    return report.status === "recorded" ? report.inlineJob : undefined;
  }

  // Identifies this pool's loops in the shared wake signal, for hand-offs.
  const owner = {};
  const signal = res.wake.jobs;

  async function claimOne(): Promise<ClaimedJob | undefined> {
    try {
      const [job] = await claimJobs(res, { workerId, leaseMs, limit: 1, workspaceIds });
      return job;
    } catch (error) {
      res.logger.error(errorFields(error), "claiming jobs failed");
      return undefined;
    }
  }

  async function runChain(first: ClaimedJob): Promise<void> {
    try {
      let next: ClaimedJob | undefined = first;
      while (next) next = await execute(next);
    } catch (error) {
      // The lease expires and the job runs again: at-least-once, never lost.
      res.logger.error(
        { ...errorFields(error), jobId: first.id, instanceId: first.instanceId },
        "job loop error",
      );
    }
  }

  async function jobLoop(poller: boolean): Promise<void> {
    // At start-up the poller looks for a backlog at once.
    let next: "claim" | "probe" | "sleep" = poller ? "probe" : "sleep";
    while (!stopping) {
      let job: ClaimedJob | undefined;
      let probing: boolean = next === "probe";
      if (next === "sleep") {
        const wake = await signal.sleep(poller ? pollMs : Number.POSITIVE_INFINITY, owner);
        if (wake.kind === "job") job = wake.job;
        else if (wake.kind === "nothing" || (wake.kind === "timeout" && !poller)) continue;
        else probing = wake.kind !== "work";
        if (stopping) {
          // Handed over just as the pool stops: give it back so another worker runs it now.
          if (job) await releaseJobs(res, [job]).catch(() => undefined);
          break;
        }
      }
      if (!job) {
        job = await claimOne();
        if (!job) {
          next = "sleep";
          continue;
        }
        // Nobody announced this job, so more may be waiting: let a sibling look as well.
        if (probing) signal.wake(1, "probe");
      }
      await runChain(job);
      next = probing ? "probe" : signal.tryTake() ? "claim" : "sleep";
    }
  }

  let nextHousekeeping = Date.now();
  // Asks when the next timer is due (one cheap select) and fires only when one is: an idle
  // process costs one query per timerPollMs, not a transaction.
  async function timerLoop(): Promise<void> {
    while (!stopping) {
      let sleepMs = timerPollMs;
      try {
        if (Date.now() >= nextHousekeeping) {
          nextHousekeeping = Date.now() + housekeepingMs;
          await res.db
            .transaction()
            .execute((tx) => purgeExpired(tx, res.settings.eventRetentionMs));
        }
        const next = await nextTimerDueInMs(res, workspaceIds);
        if (next !== undefined && next <= 0) {
          const report = await fireDueTimers(res, { limit: timerBatchSize, workspaceIds });
          // Fired some: look again at once. Overdue timers that could not be taken (their
          // instance busy elsewhere) must not spin the loop.
          if (report.taken > 0) continue;
          sleepMs = 25;
        } else if (next !== undefined) {
          sleepMs = Math.min(timerPollMs, next);
        }
      } catch (error) {
        res.logger.error(errorFields(error), "timer loop error");
      }
      await res.wake.timers.sleep(sleepMs);
    }
  }

  let listener: NotificationListener | undefined;
  if (host.createListenerClient) {
    listener = new NotificationListener({
      createClient: host.createListenerClient,
      applicationName: host.applicationName,
      onJobs: (count, probe) => res.wake.jobs.wake(count, probe ? "probe" : "work"),
      onTimers: () => res.wake.timers.wake(1),
      logger: res.logger,
    });
    await listener.start();
  }

  const handoffTarget: HandoffTarget | undefined = inline && {
    owner,
    lease: inline,
    serves: (workspaceId) => !workspaceIds || workspaceIds.includes(workspaceId),
  };
  if (handoffTarget) res.localPools.add(handoffTarget);
  const loops = [
    ...Array.from({ length: concurrency }, (_, index) => jobLoop(index === 0)),
    ...(options.timers === false ? [] : [timerLoop()]),
  ];
  const allDone = Promise.all(loops);
  res.logger.info({ workerId, concurrency, leaseMs }, "workers started");

  async function stop({ graceMs = 10_000 }: { graceMs?: number } = {}): Promise<ShutdownReport> {
    if (!stopping) {
      stopping = true;
      if (handoffTarget) res.localPools.delete(handoffTarget);
    }
    res.wake.jobs.wakeAll();
    res.wake.timers.wakeAll();
    await listener?.stop();
    const inFlightAtStop = running.size;
    if (!(await settlesWithin(allDone, graceMs))) {
      const leftovers = [...running];
      for (const entry of leftovers) {
        entry.released = true;
        entry.controller.abort(new Error("worker shutting down"));
      }
      const released = await releaseJobs(
        res,
        leftovers.map((entry) => entry.job),
      );
      res.logger.warn({ workerId, released }, "grace period over; leases released");
      // Executors that ignore their abort signal are not awaited further.
      await settlesWithin(allDone, 1_000);
      return { finished: finishedAfterStop, released };
    }
    res.logger.info({ workerId, inFlightAtStop }, "workers stopped");
    return { finished: finishedAfterStop, released: 0 };
  }

  return {
    workerId,
    get inFlight() {
      return running.size;
    },
    stop,
  };
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isUnstorableOutput(error: unknown): boolean {
  return sqlState(error)?.startsWith("22") === true || isStackOverflow(error);
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
