// Incidents of one workspace: where an instance stopped because a job kept failing (or a node
// could not be evaluated). Retrying hands the engine `incidentRetried`, which re-runs the node.
import { sql } from "kysely";
import { inTransaction } from "../database/transaction";
import { fail, ok, type Result } from "../errors";
import { isUuid } from "../instances/instances";
import { rejectionError } from "../instances/views";
import { type Page, type PageRequest, pageLimit, parseCursor, toPage } from "../pagination";
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import { applyEventToInstance, lockInstance } from "../runtime/transition";
import type { WriteSummary } from "../runtime/write";

export type IncidentStatus = "open" | "resolved";

export interface IncidentView {
  id: string;
  instanceId: string;
  nodeId: string;
  activationId: string;
  message: string;
  status: IncidentStatus;
  createdAt: string;
  resolvedAt: string | null;
}

export interface ListIncidentsInput extends PageRequest {
  status?: IncidentStatus;
  instanceId?: string;
}

type IncidentRow = {
  id: string;
  seq: number;
  instance_id: string;
  node_id: string;
  activation_id: string;
  message: string;
  status: string;
  created_at: Date;
  resolved_at: Date | null;
};

function toIncidentView(row: IncidentRow): IncidentView {
  return {
    id: row.id,
    instanceId: row.instance_id,
    nodeId: row.node_id,
    activationId: row.activation_id,
    message: row.message,
    status: row.status as IncidentStatus,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

export function incidentsSystem(res: StoreResources, workspaceId: string) {
  const { db } = res;

  async function get(incidentId: string): Promise<Result<IncidentView>> {
    const row = await db
      .selectFrom("incidents")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", incidentId)
      .executeTakeFirst();
    return row ? ok(toIncidentView(row)) : fail({ code: "incident.notFound", incidentId });
  }

  async function list(input: ListIncidentsInput = {}): Promise<Result<Page<IncidentView>>> {
    const cursor = parseCursor(input.cursor);
    if (!cursor.ok) return cursor;
    const limit = pageLimit(input.limit);
    let query = db
      .selectFrom("incidents")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("seq", "desc")
      .limit(limit + 1);
    if (cursor.value !== undefined) query = query.where("seq", "<", cursor.value);
    if (input.status !== undefined) query = query.where("status", "=", input.status);
    if (input.instanceId !== undefined) {
      if (!isUuid(input.instanceId)) return ok({ items: [], nextCursor: null });
      query = query.where("instance_id", "=", input.instanceId);
    }
    const rows = await query.execute();
    return ok(toPage(rows, limit, (row) => row.seq, toIncidentView));
  }

  /** Marks the incident resolved and asks the engine to run its node again. */
  async function retry(incidentId: string): Promise<Result<IncidentView>> {
    const found = await get(incidentId);
    if (!found.ok) return found;
    if (found.value.status !== "open") return fail({ code: "incident.resolved", incidentId });
    const incident = found.value;
    const retried = await inTransaction<Result<WriteSummary>>(db, async (tx, rollback) => {
      const locked = await lockInstance(tx, workspaceId, incident.instanceId);
      if (!locked) return rollback(fail({ code: "incident.notFound", incidentId }));
      const resolved = await tx
        .updateTable("incidents")
        .set({ status: "resolved", resolved_at: sql<Date>`now()` })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", incidentId)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (resolved.numUpdatedRows === 0n)
        return rollback(fail({ code: "incident.resolved", incidentId }));
      const applied = await applyEventToInstance(tx, res, locked, {
        type: "incidentRetried",
        activationId: incident.activationId,
      });
      if (!applied.ok) return rollback(fail(rejectionError(applied.rejection, locked.state)));
      return ok(applied.summary);
    });
    if (!retried.ok) return retried;
    wakeFor(res, [retried.value]);
    res.logger.info(
      { workspaceId, incidentId, instanceId: incident.instanceId },
      "incident retried",
    );
    return get(incidentId);
  }

  return { get, list, retry };
}

export type IncidentsSystem = ReturnType<typeof incidentsSystem>;
