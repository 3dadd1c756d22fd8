// Flushes a WritePlan inside the caller's transaction with one call to playbook_write_step
// (migration 0001): removals first, then the state, history and the new waits — one round trip
// per step however many rows it writes. When asked, the first runnable job is inserted already
// leased to the calling worker (inline continuation: the worker runs it at once; the row exists
// only for crash recovery).
import type { InstanceState } from "@playbook/engine";
import { type RawBuilder, sql } from "kysely";
import { toJson } from "../database/json";
import type { Tx } from "../database/transaction";
import type { ClaimedJob } from "../queue/claimed-job";
import { STEP_TYPES, type StepValues, stepParams } from "./step-values";
import type { PlannedJob, WritePlan } from "./write-plan";

export interface InlineLease {
  workerId: string;
  leaseMs: number;
  /** Only jobs this worker has an executor for are taken inline. */
  canRun(jobType: string, typeVersion: number): boolean;
}

export interface WriteSummary {
  /** Jobs inserted claimable now (other loops or processes should be woken for them). */
  readyJobs: number;
  /** When jobs inserted for later (retry back-off) become claimable: epoch ms, database clock. */
  delayedJobs: number[];
  timers: number;
  inlineJob?: ClaimedJob;
}

export interface WriteTarget {
  workspaceId: string;
  instanceId: string;
}

/** The new state to save, and the version it was read at (checked under the row lock). */
export interface StateWrite {
  state: InstanceState;
  previousVersion: number;
}

export interface StepWrites {
  values: StepValues;
  /** The jobs actually written (none once the instance ended). */
  jobs: PlannedJob[];
  /** Index in `jobs` of the one leased inline, or -1. */
  inlineIndex: number;
  timers: number;
}

export function stepWrites(
  plan: WritePlan,
  stateWrite: StateWrite | undefined,
  inline?: InlineLease,
): StepWrites {
  // Once the instance has ended nothing new may wait; raised incidents are kept as closed.
  const waits = plan.ended ? { ...plan, jobs: [], timers: [], subscriptions: [], tasks: [] } : plan;
  const inlineIndex = inline
    ? waits.jobs.findIndex(
        (job) => job.runAt === undefined && inline.canRun(job.jobType, job.typeVersion),
      )
    : -1;
  const state = stateWrite?.state;
  const values: StepValues = {
    updateInstance: stateWrite !== undefined,
    state: state ? toJson(state) : null,
    version: state?.version ?? 0,
    previousVersion: stateWrite?.previousVersion ?? 0,
    status: state?.status ?? "",
    endedAtMs: state?.endedAt ?? null,
    ended: plan.ended !== undefined,
    cleared: [...plan.clearedActivations],
    history: historyJson(plan),
    jobs: jobsJson(waits.jobs, inlineIndex),
    timers: timersJson(waits),
    subscriptions: subscriptionsJson(waits),
    tasks: tasksJson(waits),
    incidents: incidentsJson(plan),
    leaseOwner: inline?.workerId ?? null,
    leaseMs: inline?.leaseMs ?? 0,
  };
  return { values, jobs: waits.jobs, inlineIndex, timers: waits.timers.length };
}

/** The values as positional SQL arguments (for Kysely), in playbook_write_step's order. */
function stepArgs(values: StepValues): RawBuilder<unknown> {
  const params = stepParams(values);
  return sql.join(params.map((value, i) => sql`${value}::${sql.raw(STEP_TYPES[i] ?? "")}`));
}

export async function writePlan(
  tx: Tx,
  target: WriteTarget,
  plan: WritePlan,
  stateWrite: StateWrite | undefined,
  inline?: InlineLease,
): Promise<WriteSummary> {
  const writes = stepWrites(plan, stateWrite, inline);
  const { rows } = await sql<{ inline_job_id: number | null }>`
    SELECT playbook_write_step(${target.workspaceId}, ${target.instanceId}, ${stepArgs(writes.values)})
      AS inline_job_id`.execute(tx);
  return summarize(target, writes, rows[0]?.inline_job_id);
}

/** What a written step left for workers: claimable jobs, timers, and the job leased inline. */
export function summarize(
  target: WriteTarget,
  writes: StepWrites,
  inlineId: number | string | null | undefined,
): WriteSummary {
  let readyJobs = 0;
  const delayedJobs: number[] = [];
  writes.jobs.forEach((job, i) => {
    if (i === writes.inlineIndex) return;
    if (job.runAt === undefined) readyJobs++;
    else delayedJobs.push(job.runAt);
  });
  const summary: WriteSummary = { readyJobs, delayedJobs, timers: writes.timers };
  const inlineJob = writes.jobs[writes.inlineIndex];
  if (inlineId === null || inlineId === undefined || !inlineJob) return summary;
  summary.inlineJob = {
    id: Number(inlineId),
    fence: 1,
    workspaceId: target.workspaceId,
    instanceId: target.instanceId,
    activationId: inlineJob.activationId,
    nodeId: inlineJob.nodeId,
    type: inlineJob.jobType,
    typeVersion: inlineJob.typeVersion,
    config: inlineJob.config,
    variables: inlineJob.variables,
    idempotencyKey: inlineJob.idempotencyKey,
    attempt: inlineJob.attempt,
  };
  return summary;
}

// Compact, as stored (one row per step, migration 0005): null fields are left out, and `at`
// only where it differs from the first entry's — readers take missing fields as null and a
// missing `at` as the first entry's.
function historyJson(plan: WritePlan): string {
  const firstAt = plan.history[0]?.at;
  return toJson(
    plan.history.map((entry, index) => {
      const stored: Record<string, unknown> = { type: entry.type };
      if (index === 0 || entry.at !== firstAt) stored.at = entry.at;
      if (entry.nodeId != null) stored.node_id = entry.nodeId;
      if (entry.edgeId != null) stored.edge_id = entry.edgeId;
      if (entry.activationId != null) stored.activation_id = entry.activationId;
      if (entry.tokenId != null) stored.token_id = entry.tokenId;
      if (entry.data != null) stored.data = entry.data;
      return stored;
    }),
  );
}

// The job leased inline goes first, so the step functions find it without a query.
function jobsJson(jobs: PlannedJob[], inlineIndex: number): string {
  const order = [...jobs.keys()];
  if (inlineIndex > 0) order.unshift(...order.splice(inlineIndex, 1));
  return toJson(
    order
      .map((index) => ({ job: jobs[index] as PlannedJob, index }))
      .map(({ job, index }) => ({
        activation_id: job.activationId,
        node_id: job.nodeId,
        job_type: job.jobType,
        type_version: job.typeVersion,
        config: job.config,
        variables: job.variables,
        idempotency_key: job.idempotencyKey,
        attempt: job.attempt,
        run_at: job.runAt ?? null,
        run_inline: index === inlineIndex,
      })),
  );
}

function timersJson(plan: Pick<WritePlan, "timers">): string {
  return toJson(
    plan.timers.map((timer) => ({
      activation_id: timer.activationId,
      node_id: timer.nodeId,
      purpose: timer.purpose,
      due_at: timer.dueAt,
    })),
  );
}

function subscriptionsJson(plan: Pick<WritePlan, "subscriptions">): string {
  return toJson(
    plan.subscriptions.map((subscription) => ({
      activation_id: subscription.activationId,
      node_id: subscription.nodeId,
      message_name: subscription.messageName,
      correlation_key: subscription.correlationKey,
    })),
  );
}

function tasksJson(plan: Pick<WritePlan, "tasks">): string {
  return toJson(
    plan.tasks.map((task) => ({
      id: crypto.randomUUID(),
      activation_id: task.activationId,
      node_id: task.nodeId,
      title: typeof task.config.title === "string" ? task.config.title : null,
      assignee: task.assignee ?? null,
      candidate_users: task.candidates ?? stringList(task.config.candidateUsers),
      candidate_roles: stringList(task.config.candidateRoles),
      config: task.config,
      due_at: task.dueAt ?? null,
    })),
  );
}

function incidentsJson(plan: WritePlan): string {
  return toJson(
    plan.incidents.map((incident) => ({
      id: incident.incidentId,
      activation_id: incident.activationId,
      node_id: incident.nodeId,
      message: incident.message,
      status: plan.ended ? "resolved" : "open",
    })),
  );
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}
