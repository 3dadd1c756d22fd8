// Flushes a WritePlan inside the caller's transaction: removals first, then history and the new
// waits, each as one multi-row statement (round trips are the cost of a step, not rows). When
// asked, the first runnable job is inserted already leased to the calling worker — inline
// continuation: the worker runs it at once and the row exists only for crash recovery.
import { sql } from "kysely";
import { toJson, toJsonOrNull } from "../database/json";
import type { Tx } from "../database/transaction";
import type { ClaimedJob } from "../queue/claimed-job";
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
  timers: number;
  inlineJob?: ClaimedJob;
}

export interface WriteTarget {
  workspaceId: string;
  instanceId: string;
}

export async function writePlan(
  tx: Tx,
  target: WriteTarget,
  plan: WritePlan,
  inline?: InlineLease,
): Promise<WriteSummary> {
  await removeWaits(tx, target, plan);
  await insertHistory(tx, target, plan);
  if (plan.ended) {
    await insertIncidents(tx, target, plan);
    return { readyJobs: 0, timers: 0 };
  }
  const jobs = await insertJobs(tx, target, plan.jobs, inline);
  await insertTimers(tx, target, plan);
  await insertSubscriptions(tx, target, plan);
  await insertTasks(tx, target, plan);
  await insertIncidents(tx, target, plan);
  return { ...jobs, timers: plan.timers.length };
}

async function removeWaits(tx: Tx, target: WriteTarget, plan: WritePlan): Promise<void> {
  const activations = [...plan.clearedActivations];
  if (!plan.ended && activations.length === 0) return;
  // One statement: data-modifying CTEs run even when the outer query does not read them.
  const instance = sql`workspace_id = ${target.workspaceId} AND instance_id = ${target.instanceId}`;
  const scope = plan.ended ? instance : sql`${instance} AND activation_id = ANY(${activations})`;
  await sql`
    WITH removed_jobs AS (DELETE FROM jobs WHERE ${scope}),
         removed_timers AS (DELETE FROM timers WHERE ${scope}),
         removed_subscriptions AS (DELETE FROM subscriptions WHERE ${scope}),
         resolved_incidents AS (
           UPDATE incidents SET status = 'resolved', resolved_at = now()
           WHERE ${scope} AND status = 'open')
    UPDATE tasks SET status = 'cancelled', completed_at = now()
    WHERE ${scope} AND status = 'open'`.execute(tx);
}

async function insertHistory(tx: Tx, target: WriteTarget, plan: WritePlan): Promise<void> {
  if (plan.history.length === 0) return;
  await tx
    .insertInto("history")
    .values(
      plan.history.map((entry) => ({
        workspace_id: target.workspaceId,
        instance_id: target.instanceId,
        type: entry.type,
        at: new Date(entry.at),
        node_id: entry.nodeId ?? null,
        edge_id: entry.edgeId ?? null,
        activation_id: entry.activationId ?? null,
        token_id: entry.tokenId ?? null,
        data: toJsonOrNull(entry.data),
      })),
    )
    .execute();
}

async function insertJobs(
  tx: Tx,
  target: WriteTarget,
  jobs: PlannedJob[],
  inline: InlineLease | undefined,
): Promise<Omit<WriteSummary, "timers">> {
  if (jobs.length === 0) return { readyJobs: 0 };
  const inlineIndex = inline
    ? jobs.findIndex((job) => job.runAt === undefined && inline.canRun(job.jobType, job.typeVersion))
    : -1;
  const rows = await tx
    .insertInto("jobs")
    .values(
      jobs.map((job, index) => ({
        workspace_id: target.workspaceId,
        instance_id: target.instanceId,
        activation_id: job.activationId,
        node_id: job.nodeId,
        job_type: job.jobType,
        type_version: job.typeVersion,
        config: toJson(job.config),
        variables: toJson(job.variables),
        idempotency_key: job.idempotencyKey,
        attempt: job.attempt,
        ...(index === inlineIndex && inline
          ? {
              visible_at: sql<Date>`now() + ${inline.leaseMs} * interval '1 millisecond'`,
              lease_owner: inline.workerId,
              fence: 1,
            }
          : { visible_at: job.runAt === undefined ? sql<Date>`now()` : new Date(job.runAt) }),
      })),
    )
    .returning(["id", "lease_owner"])
    .execute();
  const readyJobs = jobs.filter((job, i) => i !== inlineIndex && job.runAt === undefined).length;
  const inlineJob = inlineIndex >= 0 ? jobs[inlineIndex] : undefined;
  const inlineRow = rows.find((row) => row.lease_owner !== null);
  if (!inlineJob || !inlineRow) return { readyJobs };
  return {
    readyJobs,
    inlineJob: {
      id: inlineRow.id,
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
    },
  };
}

async function insertTimers(tx: Tx, target: WriteTarget, plan: WritePlan): Promise<void> {
  if (plan.timers.length === 0) return;
  await tx
    .insertInto("timers")
    .values(
      plan.timers.map((timer) => ({
        workspace_id: target.workspaceId,
        instance_id: target.instanceId,
        activation_id: timer.activationId,
        node_id: timer.nodeId,
        purpose: timer.purpose,
        due_at: new Date(timer.dueAt),
      })),
    )
    .execute();
}

async function insertSubscriptions(tx: Tx, target: WriteTarget, plan: WritePlan): Promise<void> {
  if (plan.subscriptions.length === 0) return;
  await tx
    .insertInto("subscriptions")
    .values(
      plan.subscriptions.map((subscription) => ({
        workspace_id: target.workspaceId,
        instance_id: target.instanceId,
        activation_id: subscription.activationId,
        node_id: subscription.nodeId,
        message_name: subscription.messageName,
        correlation_key: subscription.correlationKey,
      })),
    )
    .execute();
}

async function insertTasks(tx: Tx, target: WriteTarget, plan: WritePlan): Promise<void> {
  if (plan.tasks.length === 0) return;
  await tx
    .insertInto("tasks")
    .values(
      plan.tasks.map((task) => ({
        id: crypto.randomUUID(),
        workspace_id: target.workspaceId,
        instance_id: target.instanceId,
        activation_id: task.activationId,
        node_id: task.nodeId,
        status: "open",
        title: stringOrNull(task.config.title),
        assignee: task.assignee ?? null,
        candidate_users: task.candidates ?? stringList(task.config.candidateUsers),
        candidate_roles: stringList(task.config.candidateRoles),
        config: toJson(task.config),
        due_at: task.dueAt === undefined ? null : new Date(task.dueAt),
      })),
    )
    .execute();
}

async function insertIncidents(tx: Tx, target: WriteTarget, plan: WritePlan): Promise<void> {
  if (plan.incidents.length === 0) return;
  await tx
    .insertInto("incidents")
    .values(
      plan.incidents.map((incident) => ({
        id: incident.incidentId,
        workspace_id: target.workspaceId,
        instance_id: target.instanceId,
        activation_id: incident.activationId,
        node_id: incident.nodeId,
        message: incident.message,
        status: plan.ended ? "resolved" : "open",
      })),
    )
    .execute();
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
