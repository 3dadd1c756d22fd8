// The job queue, system-wide (workers serve every workspace; all work done for a claimed job is
// scoped by the job's workspace). Claim: oldest visible rows first, FOR UPDATE SKIP LOCKED, and
// the lease is written into visible_at, so one index serves "due", "never claimed" and "lease
// expired" alike. Every claim bumps `fence`; a result is accepted only with the current fence
// while the lease is still valid, so a worker whose lease expired cannot write its result.
import type { EngineEvent } from "@playbook/engine";
import { sql } from "kysely";
import { inTransaction, type Tx } from "../database/transaction";
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import { applyEventToInstance, type LockedInstance } from "../runtime/transition";
import type { InlineLease, WriteSummary } from "../runtime/write";
import { basisOf, type ClaimedJob } from "./claimed-job";

export interface ClaimOptions {
  workerId: string;
  leaseMs: number;
  limit?: number;
  /** Serve only these workspaces (dedicated workers); all when absent. */
  workspaceIds?: readonly string[];
}

export type JobOutcome =
  | { kind: "completed"; output?: Record<string, unknown> }
  | { kind: "failed"; message: string; code?: string; retryable: boolean };

export type JobReport =
  /** The result was applied; `inlineJob` is the next step, already leased to this worker. */
  | { status: "recorded"; inlineJob?: ClaimedJob }
  /** The lease was lost (expired, reclaimed, or the wait was cancelled): nothing was written. */
  | { status: "fenced" }
  /** The job was removed but the engine no longer expected it (instance moved on). */
  | { status: "stale"; reason: string };

type ClaimRow = {
  id: number;
  fence: number;
  workspace_id: string;
  instance_id: string;
  activation_id: string;
  node_id: string;
  job_type: string;
  type_version: number;
  config: Record<string, unknown>;
  variables: Record<string, unknown>;
  idempotency_key: string;
  attempt: number;
};

export async function claimJobs(res: StoreResources, options: ClaimOptions): Promise<ClaimedJob[]> {
  const limit = options.limit ?? 1;
  const workspaceFilter = options.workspaceIds
    ? sql`AND workspace_id = ANY(${[...options.workspaceIds]})`
    : sql``;
  const { rows } = await sql<ClaimRow>`
    WITH next AS (
      SELECT id FROM jobs
      WHERE visible_at <= now() ${workspaceFilter}
      ORDER BY visible_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE jobs AS j
    SET visible_at = now() + ${options.leaseMs} * interval '1 millisecond',
        lease_owner = ${options.workerId},
        fence = j.fence + 1
    FROM next
    WHERE j.id = next.id
    RETURNING j.id, j.fence, j.workspace_id, j.instance_id, j.activation_id, j.node_id, j.job_type,
              j.type_version, j.config, j.variables, j.idempotency_key, j.attempt`.execute(res.db);
  return rows.map(toClaimedJob);
}

function toClaimedJob(row: ClaimRow): ClaimedJob {
  return {
    id: Number(row.id),
    fence: row.fence,
    workspaceId: row.workspace_id,
    instanceId: row.instance_id,
    activationId: row.activation_id,
    nodeId: row.node_id,
    type: row.job_type,
    typeVersion: row.type_version,
    config: row.config,
    variables: row.variables,
    idempotencyKey: row.idempotency_key,
    attempt: row.attempt,
  };
}

/** Extends a lease that is still ours and still valid; false means it is lost. */
export async function heartbeat(
  res: StoreResources,
  job: ClaimedJob,
  leaseMs: number,
): Promise<boolean> {
  const result = await res.db
    .updateTable("jobs")
    .set({ visible_at: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'` })
    .where("id", "=", job.id)
    .where("fence", "=", job.fence)
    .where("visible_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Gives leases back without counting an attempt (shutdown): the jobs are claimable at once. */
export async function releaseJobs(
  res: StoreResources,
  jobs: readonly ClaimedJob[],
): Promise<number> {
  if (jobs.length === 0) return 0;
  let released = 0;
  for (const job of jobs) {
    const result = await res.db
      .updateTable("jobs")
      .set({ visible_at: sql<Date>`now()`, lease_owner: null })
      .where("id", "=", job.id)
      .where("fence", "=", job.fence)
      .executeTakeFirst();
    released += Number(result.numUpdatedRows);
  }
  if (released > 0) {
    await sql`SELECT pg_notify('playbook_jobs', ${`${released} released`})`.execute(res.db);
  }
  return released;
}

type TakeRow = {
  job_taken: boolean;
  instance_found: boolean;
  definition_key: string | null;
  definition_version: number | null;
  state: unknown;
  version: number | null;
  now_ms: number;
};

/** Locks the job's instance, then removes the job if this lease still holds it (one round trip). */
async function takeJob(
  tx: Tx,
  job: ClaimedJob,
): Promise<{ jobTaken: boolean; instance?: LockedInstance }> {
  const { rows } = await sql<TakeRow>`
    SELECT * FROM playbook_take_job(${job.workspaceId}, ${job.instanceId}, ${job.id}, ${job.fence})`.execute(
    tx,
  );
  const row = rows[0];
  if (!row?.job_taken) return { jobTaken: false };
  if (
    !row.instance_found ||
    row.definition_key === null ||
    row.definition_version === null ||
    row.version === null
  ) {
    return { jobTaken: true };
  }
  return {
    jobTaken: true,
    instance: {
      id: job.instanceId,
      workspaceId: job.workspaceId,
      definitionKey: row.definition_key,
      definitionVersion: row.definition_version,
      state: row.state as LockedInstance["state"],
      version: row.version,
      nowMs: Number(row.now_ms),
    },
  };
}

/**
 * Records a job's result in one transaction: lock the instance, remove the job row only if this
 * lease still holds it, apply the engine event, write the outcome. With `inline`, the next job is
 * created already leased to the caller.
 */
export async function reportJobResult(
  res: StoreResources,
  job: ClaimedJob,
  outcome: JobOutcome,
  inline?: InlineLease,
): Promise<JobReport> {
  type Reported = { report: JobReport; summary?: WriteSummary };
  const reported = await inTransaction<Reported>(res.db, async (tx, rollback) => {
    const taken = await takeJob(tx, job);
    if (!taken.jobTaken) return rollback({ report: { status: "fenced" } });
    const locked = taken.instance;
    if (!locked) return { report: { status: "stale", reason: "instance not found" } };
    const event = outcomeEvent(job, outcome);
    const applied = await applyEventToInstance(tx, res, locked, event, { inline });
    if (!applied.ok) return { report: { status: "stale", reason: applied.rejection.code } };
    const inlineJob = applied.summary.inlineJob;
    if (inlineJob) inlineJob.basis = basisOf(locked, locked.state);
    return {
      report: { status: "recorded", inlineJob },
      summary: applied.summary,
    };
  });
  if (reported.summary) wakeFor(res, [reported.summary]);
  logReport(res, job, outcome, reported.report);
  return reported.report;
}

/** The engine event a job's outcome is. */
export function outcomeEvent(job: ClaimedJob, outcome: JobOutcome): EngineEvent {
  return outcome.kind === "completed"
    ? { type: "jobCompleted", activationId: job.activationId, output: outcome.output }
    : {
        type: "jobFailed",
        activationId: job.activationId,
        error: { message: outcome.message, code: outcome.code },
        retryable: outcome.retryable,
      };
}

export function logReport(
  res: StoreResources,
  job: ClaimedJob,
  outcome: JobOutcome,
  report: JobReport,
): void {
  const fields = {
    jobId: job.id,
    instanceId: job.instanceId,
    nodeId: job.nodeId,
    attempt: job.attempt,
  };
  switch (report.status) {
    case "recorded":
      res.logger.debug({ ...fields, outcome: outcome.kind }, "job result recorded");
      break;
    case "fenced":
      res.logger.warn(fields, "job result refused: lease lost");
      break;
    case "stale":
      res.logger.warn({ ...fields, reason: report.reason }, "job result no longer expected");
      break;
  }
}
