// Instances of one workspace: start (idempotent by key), read, list, history, cancel.
import type { InstanceState, InstanceStatus } from "@playbook/engine";
import { sql } from "kysely";
import { inTransaction } from "../database/transaction";
import { fail, ok, type Result } from "../errors";
import { type Page, type PageRequest, pageLimit, parseCursor, toPage } from "../pagination";
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import { applyEventToInstance, lockInstance } from "../runtime/transition";
import type { WriteSummary } from "../runtime/write";
import { readHistoryPage } from "./history";
import { startInstance } from "./start-instance";
import {
  type HistoryRecord,
  type InstanceDetail,
  type InstanceSummary,
  rejectionError,
  toInstanceDetail,
  toInstanceSummary,
} from "./views";

export interface StartInstanceInput {
  definitionKey: string;
  /** Published version to run; the latest when absent. */
  version?: number;
  businessKey?: string;
  variables?: Record<string, unknown>;
  /** The same key always returns the same instance (created once). */
  idempotencyKey?: string;
  startedBy?: string;
  /** Which start node, when the definition has several. */
  startNodeId?: string;
}

export interface StartedInstance {
  instance: InstanceDetail;
  /** False when the idempotency key had already started this instance. */
  created: boolean;
}

export interface ListInstancesInput extends PageRequest {
  definitionKey?: string;
  status?: InstanceStatus | InstanceStatus[];
  businessKey?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const SUMMARY_COLUMNS = [
  "id",
  "definition_key",
  "definition_version",
  "status",
  "business_key",
  "started_by",
  "started_at",
  "ended_at",
] as const;

export function instancesSystem(res: StoreResources, workspaceId: string) {
  const { db } = res;

  async function get(instanceId: string): Promise<Result<InstanceDetail>> {
    if (!isUuid(instanceId)) return fail({ code: "instance.notFound", instanceId });
    const row = await db
      .selectFrom("instances")
      .select([...SUMMARY_COLUMNS, "state"])
      .where("id", "=", instanceId)
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst();
    if (!row) return fail({ code: "instance.notFound", instanceId });
    return ok(toInstanceDetail(toInstanceSummary(row), row.state as InstanceState));
  }

  async function existingByKey(
    input: StartInstanceInput,
    idempotencyKey: string,
  ): Promise<Result<StartedInstance>> {
    const row = await db
      .selectFrom("instances")
      .select([...SUMMARY_COLUMNS, "state"])
      .where("workspace_id", "=", workspaceId)
      .where("idempotency_key", "=", idempotencyKey)
      .executeTakeFirst();
    if (!row) throw new Error(`instance with idempotency key ${idempotencyKey} vanished`);
    if (row.definition_key !== input.definitionKey) {
      return fail({ code: "instance.idempotencyConflict", idempotencyKey, instanceId: row.id });
    }
    return ok({
      instance: toInstanceDetail(toInstanceSummary(row), row.state as InstanceState),
      created: false,
    });
  }

  async function start(input: StartInstanceInput): Promise<Result<StartedInstance>> {
    if (input.idempotencyKey !== undefined) {
      const seen = await db
        .selectFrom("instances")
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .where("idempotency_key", "=", input.idempotencyKey)
        .executeTakeFirst();
      if (seen) return existingByKey(input, input.idempotencyKey);
    }
    const outcome = await startInstance(res, workspaceId, input);
    if (!outcome.ok) {
      if ("refused" in outcome) return outcome.refused;
      if ("duplicate" in outcome) return existingByKey(input, input.idempotencyKey ?? "");
      return fail(rejectionError(outcome.rejection, { id: "", status: "new" }));
    }
    res.logger.debug(
      { instanceId: outcome.state.id, definitionKey: input.definitionKey },
      "instance started",
    );
    const state = outcome.state;
    const summary: InstanceSummary = {
      id: state.id,
      definitionKey: input.definitionKey,
      definitionVersion: outcome.version,
      status: state.status,
      businessKey: input.businessKey ?? null,
      startedBy: input.startedBy ?? null,
      startedAt: new Date(state.startedAt).toISOString(),
      endedAt: null,
    };
    return ok({ instance: toInstanceDetail(summary, state), created: true });
  }

  async function list(input: ListInstancesInput = {}): Promise<Result<Page<InstanceSummary>>> {
    const cursor = parseCursor(input.cursor);
    if (!cursor.ok) return cursor;
    const limit = pageLimit(input.limit);
    let query = db
      .selectFrom("instances")
      .select([...SUMMARY_COLUMNS, "seq"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("seq", "desc")
      .limit(limit + 1);
    if (cursor.value !== undefined) query = query.where("seq", "<", cursor.value);
    if (input.definitionKey !== undefined)
      query = query.where("definition_key", "=", input.definitionKey);
    if (input.businessKey !== undefined)
      query = query.where("business_key", "=", input.businessKey);
    if (input.status !== undefined) {
      const statuses = Array.isArray(input.status) ? input.status : [input.status];
      if (statuses.length > 0) query = query.where("status", "in", statuses);
    }
    const rows = await query.execute();
    return ok(toPage(rows, limit, (row) => row.seq, toInstanceSummary));
  }

  async function history(
    instanceId: string,
    page: PageRequest = {},
  ): Promise<Result<Page<HistoryRecord>>> {
    const cursor = parseCursor(page.cursor);
    if (!cursor.ok) return cursor;
    if (!isUuid(instanceId)) return fail({ code: "instance.notFound", instanceId });
    const entries = await readHistoryPage(
      db,
      workspaceId,
      instanceId,
      cursor.value,
      pageLimit(page.limit),
    );
    // An instance has history from its first step, so only an empty page needs to ask whether
    // the instance exists (here, in this workspace) at all.
    if (entries.items.length === 0) {
      const found = await get(instanceId);
      if (!found.ok) return found;
    }
    return ok(entries);
  }

  async function cancel(
    instanceId: string,
    options: { reason?: string } = {},
  ): Promise<Result<InstanceDetail>> {
    if (!isUuid(instanceId)) return fail({ code: "instance.notFound", instanceId });
    const outcome = await inTransaction<Result<WriteSummary>>(db, async (tx, rollback) => {
      const locked = await lockInstance(tx, workspaceId, instanceId);
      if (!locked) return rollback(fail({ code: "instance.notFound", instanceId }));
      const applied = await applyEventToInstance(tx, res, locked, {
        type: "cancel",
        reason: options.reason,
      });
      if (!applied.ok) return rollback(fail(rejectionError(applied.rejection, locked.state)));
      return ok(applied.summary);
    });
    if (!outcome.ok) return outcome;
    wakeFor(res, [outcome.value]);
    res.logger.info({ instanceId, reason: options.reason }, "instance cancelled");
    return get(instanceId);
  }

  /** Counts rows still waiting for this instance (tests and diagnostics). */
  async function pendingWork(instanceId: string) {
    const { rows } = await sql<{
      jobs: number;
      timers: number;
      subscriptions: number;
      open_tasks: number;
    }>`
      SELECT
        (SELECT count(*)::int FROM jobs WHERE workspace_id = ${workspaceId} AND instance_id = ${instanceId}) AS jobs,
        (SELECT count(*)::int FROM timers WHERE workspace_id = ${workspaceId} AND instance_id = ${instanceId}) AS timers,
        (SELECT count(*)::int FROM subscriptions WHERE workspace_id = ${workspaceId} AND instance_id = ${instanceId}) AS subscriptions,
        (SELECT count(*)::int FROM tasks WHERE workspace_id = ${workspaceId} AND instance_id = ${instanceId} AND status = 'open') AS open_tasks`.execute(
      db,
    );
    const row = rows[0];
    return {
      jobs: row?.jobs ?? 0,
      timers: row?.timers ?? 0,
      subscriptions: row?.subscriptions ?? 0,
      openTasks: row?.open_tasks ?? 0,
    };
  }

  return { start, get, list, history, cancel, pendingWork };
}

export type InstancesSystem = ReturnType<typeof instancesSystem>;
