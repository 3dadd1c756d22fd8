// Human tasks of one workspace: list, read, complete. Completion locks the instance first, then
// flips the task from open to completed; under a race every later caller finds it completed and
// gets task.alreadyCompleted, and the instance moves on exactly once.
import type { InstanceState } from "@playbook/engine";
import { sql } from "kysely";
import { toJsonOrNull } from "../database/json";
import { inTransaction } from "../database/transaction";
import { fail, ok, type Result, type StoreError } from "../errors";
import { isUuid } from "../instances/instances";
import { rejectionError } from "../instances/views";
import { type Page, type PageRequest, pageLimit, parseCursor, toPage } from "../pagination";
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import { applyEventToInstance, loadDefinitionOf, lockInstance } from "../runtime/transition";
import type { WriteSummary } from "../runtime/write";
import { validateVariables } from "../variables/validate";

export type TaskStatus = "open" | "completed" | "cancelled";

export interface TaskView {
  id: string;
  instanceId: string;
  nodeId: string;
  activationId: string;
  status: TaskStatus;
  title: string | null;
  assignee: string | null;
  candidateUsers: string[];
  candidateRoles: string[];
  /** The node's config as evaluated (form fields, outcomes...). */
  config: Record<string, unknown>;
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  outcome: string | null;
  result: Record<string, unknown> | null;
}

export interface ListTasksInput extends PageRequest {
  assignee?: string;
  /** Tasks this user may claim (listed among candidate users). */
  candidateUser?: string;
  candidateRole?: string;
  status?: TaskStatus;
  instanceId?: string;
}

export interface CompleteTaskInput {
  outcome?: string;
  variables?: Record<string, unknown>;
  completedBy?: string;
}

type TaskRow = {
  id: string;
  seq: number;
  instance_id: string;
  node_id: string;
  activation_id: string;
  status: string;
  title: string | null;
  assignee: string | null;
  candidate_users: string[];
  candidate_roles: string[];
  config: Record<string, unknown>;
  due_at: Date | null;
  created_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
  outcome: string | null;
  result: Record<string, unknown> | null;
};

function toTaskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    instanceId: row.instance_id,
    nodeId: row.node_id,
    activationId: row.activation_id,
    status: row.status as TaskStatus,
    title: row.title,
    assignee: row.assignee,
    candidateUsers: row.candidate_users,
    candidateRoles: row.candidate_roles,
    config: row.config,
    dueAt: row.due_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    completedBy: row.completed_by,
    outcome: row.outcome,
    result: row.result,
  };
}

function notOpen(taskId: string, status: string): StoreError {
  return status === "cancelled"
    ? { code: "task.cancelled", taskId }
    : { code: "task.alreadyCompleted", taskId };
}

export function tasksSystem(res: StoreResources, workspaceId: string) {
  const { db } = res;

  async function get(taskId: string): Promise<Result<TaskView>> {
    if (!isUuid(taskId)) return fail({ code: "task.notFound", taskId });
    const row = await db
      .selectFrom("tasks")
      .selectAll()
      .where("id", "=", taskId)
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst();
    return row ? ok(toTaskView(row)) : fail({ code: "task.notFound", taskId });
  }

  async function list(input: ListTasksInput = {}): Promise<Result<Page<TaskView>>> {
    const cursor = parseCursor(input.cursor);
    if (!cursor.ok) return cursor;
    const limit = pageLimit(input.limit);
    let query = db
      .selectFrom("tasks")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("seq", "desc")
      .limit(limit + 1);
    if (cursor.value !== undefined) query = query.where("seq", "<", cursor.value);
    if (input.assignee !== undefined) query = query.where("assignee", "=", input.assignee);
    if (input.status !== undefined) query = query.where("status", "=", input.status);
    if (input.instanceId !== undefined) {
      if (!isUuid(input.instanceId)) return ok({ items: [], nextCursor: null });
      query = query.where("instance_id", "=", input.instanceId);
    }
    if (input.candidateUser !== undefined) {
      query = query.where(sql<boolean>`candidate_users @> ARRAY[${input.candidateUser}]::text[]`);
    }
    if (input.candidateRole !== undefined) {
      query = query.where(sql<boolean>`candidate_roles @> ARRAY[${input.candidateRole}]::text[]`);
    }
    const rows = await query.execute();
    return ok(toPage(rows, limit, (row) => row.seq, toTaskView));
  }

  async function complete(
    taskId: string,
    input: CompleteTaskInput = {},
  ): Promise<Result<TaskView>> {
    const found = await get(taskId);
    if (!found.ok) return found;
    const task = found.value;
    if (task.status !== "open") return fail(notOpen(taskId, task.status));
    const outcomes = Array.isArray(task.config.outcomes) ? (task.config.outcomes as string[]) : [];
    if (outcomes.length > 0 && (input.outcome === undefined || !outcomes.includes(input.outcome))) {
      return fail({
        code: "task.invalidOutcome",
        taskId,
        outcome: input.outcome,
        allowed: outcomes,
      });
    }

    const completed = await inTransaction<Result<WriteSummary>>(db, async (tx, rollback) => {
      // Instance first, then the task: every writer locks in this order, so no deadlock.
      const locked = await lockInstance(tx, workspaceId, task.instanceId);
      if (!locked) return rollback(fail({ code: "task.notFound", taskId }));
      if (input.variables !== undefined) {
        const loaded = await loadDefinitionOf(tx, res, locked);
        const issues = validateVariables(loaded.definition, input.variables);
        if (issues.length > 0) return rollback(fail({ code: "variables.invalid", issues }));
      }
      const claimed = await tx
        .updateTable("tasks")
        .set({
          status: "completed",
          completed_at: sql<Date>`now()`,
          completed_by: input.completedBy ?? null,
          outcome: input.outcome ?? null,
          result: toJsonOrNull(input.variables),
        })
        .where("id", "=", taskId)
        .where("workspace_id", "=", workspaceId)
        .where("status", "=", "open")
        .returning("activation_id")
        .executeTakeFirst();
      if (!claimed) {
        const now = await tx
          .selectFrom("tasks")
          .select("status")
          .where("id", "=", taskId)
          .executeTakeFirst();
        return rollback(fail(notOpen(taskId, now?.status ?? "completed")));
      }
      const applied = await applyEventToInstance(tx, res, locked, {
        type: "taskCompleted",
        activationId: claimed.activation_id,
        outcome: input.outcome,
        variables: input.variables,
        completedBy: input.completedBy,
      });
      if (!applied.ok)
        return rollback(fail(rejectionError(applied.rejection, locked.state as InstanceState)));
      return ok(applied.summary);
    });
    if (!completed.ok) return completed;
    wakeFor(res, [completed.value]);
    res.logger.info(
      { workspaceId, taskId, instanceId: task.instanceId, completedBy: input.completedBy },
      "task completed",
    );
    return get(taskId);
  }

  return { get, list, complete };
}

export type TasksSystem = ReturnType<typeof tasksSystem>;
