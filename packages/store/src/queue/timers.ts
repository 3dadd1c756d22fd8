// Firing due timers, system-wide, in small batches: one transaction takes due timer rows
// (SKIP LOCKED, due order) and the instances nobody else holds (SKIP LOCKED, never waiting, so
// it cannot deadlock with a writer that holds an instance), deletes the timers it fires and
// applies `timerFired` to each. Deleting the row in the firing transaction makes each timer fire
// once. If the batch fails, its timers are retried one by one so a bad one cannot block others.
import { sql } from "kysely";
import { type Db, inTransaction } from "../database/transaction";
import { errorFields } from "../logger";
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import { applyEventToInstance, lockFreeInstances } from "../runtime/transition";
import type { WriteSummary } from "../runtime/write";

export interface FireTimersOptions {
  limit?: number;
  workspaceIds?: readonly string[];
}

export interface FireReport {
  /** Timers taken from the table (fired, or dropped because the instance no longer waited). */
  taken: number;
  fired: number;
}

type DueTimer = { id: number; workspace_id: string; instance_id: string; activation_id: string };

// A timer that keeps failing is pushed back by this much instead of blocking the batch head.
const POISON_DELAY_MS = 60_000;

export async function fireDueTimers(
  res: StoreResources,
  options: FireTimersOptions = {},
): Promise<FireReport> {
  try {
    return await fireBatch(res, options, undefined);
  } catch (error) {
    res.logger.warn(errorFields(error), "timer batch failed; firing one by one");
    const due = await selectDue(res.db, options, false);
    const report: FireReport = { taken: 0, fired: 0 };
    for (const timer of due) {
      try {
        const one = await fireBatch(res, options, timer.id);
        report.taken += one.taken;
        report.fired += one.fired;
      } catch (single) {
        res.logger.error(
          { ...errorFields(single), timerId: timer.id, instanceId: timer.instance_id },
          "timer failed; postponed",
        );
        await res.db
          .updateTable("timers")
          .set({ due_at: sql<Date>`now() + ${POISON_DELAY_MS} * interval '1 millisecond'` })
          .where("id", "=", timer.id)
          .execute();
      }
    }
    return report;
  }
}

async function selectDue(
  tx: Db,
  options: FireTimersOptions,
  lock: boolean,
  onlyId?: number,
): Promise<DueTimer[]> {
  let query = tx
    .selectFrom("timers")
    .select(["id", "workspace_id", "instance_id", "activation_id"])
    .where("due_at", "<=", sql<Date>`now()`)
    .orderBy("due_at")
    .orderBy("id")
    .limit(options.limit ?? 20);
  if (onlyId !== undefined) query = query.where("id", "=", onlyId);
  if (options.workspaceIds) query = query.where("workspace_id", "in", [...options.workspaceIds]);
  return lock ? query.forUpdate().skipLocked().execute() : query.execute();
}

async function fireBatch(
  res: StoreResources,
  options: FireTimersOptions,
  onlyId: number | undefined,
): Promise<FireReport> {
  type Fired = { report: FireReport; summaries: WriteSummary[] };
  const fired = await inTransaction<Fired>(res.db, async (tx) => {
    const summaries: WriteSummary[] = [];
    const due = await selectDue(tx, options, true, onlyId);
    if (due.length === 0) return { report: { taken: 0, fired: 0 }, summaries };
    const locked = await lockFreeInstances(tx, [...new Set(due.map((timer) => timer.instance_id))]);
    const byId = new Map(locked.map((instance) => [instance.id, instance]));
    // Timers of instances held by another transaction stay for the next round.
    const fireable = due.filter(
      (timer) => byId.get(timer.instance_id)?.workspaceId === timer.workspace_id,
    );
    const orphans = await orphanTimers(
      tx,
      due.filter((timer) => !byId.has(timer.instance_id)),
    );
    const taken = [...fireable.map((timer) => timer.id), ...orphans];
    if (taken.length === 0) return { report: { taken: 0, fired: 0 }, summaries };
    await tx.deleteFrom("timers").where("id", "in", taken).execute();
    let count = 0;
    for (const timer of fireable) {
      const instance = byId.get(timer.instance_id);
      if (!instance) continue;
      const applied = await applyEventToInstance(
        tx,
        res,
        instance,
        { type: "timerFired", activationId: timer.activation_id },
        { clear: [timer.activation_id] },
      );
      if (applied.ok) {
        count++;
        summaries.push(applied.summary);
      } else {
        res.logger.debug(
          { instanceId: timer.instance_id, reason: applied.rejection.code },
          "stale timer dropped",
        );
      }
    }
    return { report: { taken: taken.length, fired: count }, summaries };
  });
  wakeFor(res, fired.summaries);
  return fired.report;
}

/** Timers whose instance row does not exist (or is in another workspace): removed, never fired. */
async function orphanTimers(tx: Db, unlocked: DueTimer[]): Promise<number[]> {
  if (unlocked.length === 0) return [];
  const existing = await tx
    .selectFrom("instances")
    .select(["id", "workspace_id"])
    .where(
      "id",
      "in",
      unlocked.map((timer) => timer.instance_id),
    )
    .execute();
  const owner = new Map(existing.map((row) => [row.id, row.workspace_id]));
  return unlocked
    .filter((timer) => owner.get(timer.instance_id) !== timer.workspace_id)
    .map((timer) => timer.id);
}

/** Milliseconds until the next timer is due (0 when one is overdue); undefined when none. */
export async function nextTimerDueInMs(
  res: StoreResources,
  workspaceIds?: readonly string[],
): Promise<number | undefined> {
  let query = res.db
    .selectFrom("timers")
    // Postgres' greatest() ignores NULLs (greatest(0, NULL) = 0), so clamp in JS instead: with
    // no timers the result must stay null, or the timer loop spins on a 0 ms wait.
    .select(sql<number | null>`extract(epoch from (min(due_at) - now())) * 1000`.as("wait_ms"));
  if (workspaceIds) query = query.where("workspace_id", "in", [...workspaceIds]);
  const row = await query.executeTakeFirst();
  return row?.wait_ms === null || row?.wait_ms === undefined
    ? undefined
    : Math.max(0, Number(row.wait_ms));
}
