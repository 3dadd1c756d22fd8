import { applyEvent, type EngineContext, type HistoryEntry } from "@playbook/engine";
import type { ProcessDefinition } from "@playbook/schema";
import { sql } from "kysely";
import { describe, expect } from "vitest";
import { connectDatabase } from "../src/database/connect";
import { migrateUpTo } from "../src/database/migrate";
import { createStore, type HistoryRecord, type WorkspaceApi } from "../src/index";
import { silentLogger } from "../src/logger";
import { openTestDatabase, type TestDatabase, test } from "./db";
import { chain, service, task } from "./support/definitions";
import {
  expectOk,
  freshWorkspace,
  historyOf,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction, resolveNodeType } from "./support/node-types";

const shipping = chain("ship-order", [
  service("pack", "pack"),
  service("label", "label"),
  task("handover", { title: "Hand over to the courier" }),
]);

/** Every page of `limit` entries, following nextCursor to the end. */
async function walk(ws: WorkspaceApi, instanceId: string, limit: number) {
  const pages: HistoryRecord[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = expectOk(await ws.instances.history(instanceId, { cursor, limit }));
    pages.push(page.items);
    if (page.nextCursor === null) return pages;
    if (pages.length > 1_000) throw new Error("history pages never end");
    expect(page.nextCursor).toBe(page.items.at(-1)?.id);
    cursor = page.nextCursor;
  }
}

async function shippedOrder(ws: WorkspaceApi) {
  await publish(ws, shipping);
  const { instance } = expectOk(await ws.instances.start({ definitionKey: "ship-order" }));
  await untilStatus(ws, instance.id, "running");
  const open = await (async () => {
    for (let i = 0; i < 600; i++) {
      const [found] = expectOk(await ws.tasks.list({ instanceId: instance.id })).items;
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the handover task never opened");
  })();
  expectOk(await ws.tasks.complete(open.id, { completedBy: "courier" }));
  await untilStatus(ws, instance.id, "completed");
  return instance.id;
}

describe("history", () => {
  test("a finished flow's history reads back complete and in order, one stored row per step", async ({
    database,
  }) => {
    const store = await openStore(database, {
      executorFor: executorsByAction({
        pack: async () => ({ parcels: 2 }),
        label: async () => ({ tracking: "SF123" }),
      }),
    });
    const ws = await freshWorkspace(store, "history");
    await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], pollMs: 50 });
    const instanceId = await shippedOrder(ws);

    const history = await historyOf(ws, instanceId);
    const steps = history.map((entry) =>
      [entry.type, entry.nodeId, entry.edgeId].filter((part) => part !== null).join(" "),
    );
    expect(steps).toEqual([
      "instanceStarted start",
      "nodeEntered start",
      "nodeLeft start",
      "edgeTaken start e0",
      "nodeEntered pack",
      "variablesChanged pack",
      "nodeLeft pack",
      "edgeTaken pack e1",
      "nodeEntered label",
      "variablesChanged label",
      "nodeLeft label",
      "edgeTaken label e2",
      "nodeEntered handover",
      "taskCompleted handover",
      "nodeLeft handover",
      "edgeTaken handover e3",
      "nodeEntered end",
      "nodeLeft end",
      "instanceCompleted",
    ]);
    expect(history.map((entry) => entry.id)).toEqual(history.map((_, i) => String(i + 1)));
    // Entries keep their data, and their times are the step times (not before the start).
    const packed = history.find((entry) => entry.type === "variablesChanged");
    expect(packed?.data).toEqual({ variables: { parcels: 2 } });
    const started = Date.parse(expectOk(await ws.instances.get(instanceId)).startedAt);
    for (const entry of history) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started);

    // Start, two jobs, the task: four steps, four rows.
    const rows = await sql<{ first_pos: number; last_pos: number }>`
      SELECT first_pos, last_pos FROM history WHERE instance_id = ${instanceId}
      ORDER BY last_pos`.execute(store.db);
    expect(rows.rows).toEqual([
      { first_pos: 1, last_pos: 5 },
      { first_pos: 6, last_pos: 9 },
      { first_pos: 10, last_pos: 13 },
      { first_pos: 14, last_pos: 19 },
    ]);
  });

  test("small pages walk every entry exactly once, also when a page ends inside a step", async ({
    database,
  }) => {
    const store = await openStore(database, {
      executorFor: executorsByAction({ pack: async () => ({}), label: async () => ({}) }),
    });
    const ws = await freshWorkspace(store, "pages");
    await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], pollMs: 50 });
    const instanceId = await shippedOrder(ws);
    const all = await historyOf(ws, instanceId);
    expect(all.length).toBeGreaterThan(10);

    for (const limit of [1, 2, 3, 4, 7]) {
      const pages = await walk(ws, instanceId, limit);
      for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
      expect(pages.flat()).toEqual(all);
    }
    // With pages of 2 the first cursor ("2") lies inside the start step's row (positions 1-5).
    const first = expectOk(await ws.instances.history(instanceId, { limit: 2 }));
    expect(first.nextCursor).toBe("2");
    const inside = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM history
      WHERE instance_id = ${instanceId} AND first_pos < 2 AND last_pos > 2`.execute(store.db);
    expect(inside.rows[0]?.n).toBe(1);
    const next = expectOk(await ws.instances.history(instanceId, { cursor: "2", limit: 2 }));
    expect(next.items.map((entry) => entry.id)).toEqual(["3", "4"]);

    const beyond = expectOk(
      await ws.instances.history(instanceId, { cursor: "999999999999999", limit: 5 }),
    );
    expect(beyond).toEqual({ items: [], nextCursor: null });
    expect(await ws.instances.history(instanceId, { cursor: "x" })).toMatchObject({
      ok: false,
      error: { code: "cursor.invalid" },
    });
  });

  test("a database written by the previous release keeps its history, in order, after the upgrade", async ({
    database,
  }) => {
    // The definition exactly as a publish stores it.
    const source = await openStore(database);
    const sourceWs = await freshWorkspace(source, "source");
    await publish(sourceWs, shipping);
    const { definition } = expectOk(await sourceWs.definitions.getVersion("ship-order", 1));

    const old = await openTestDatabase();
    try {
      const written = await writeOldRelease(old.database.connection, definition);
      const store = await createStore({ ...old.database.connection, resolveNodeType });
      try {
        const ws = store.workspace("upgrade");
        for (const [instanceId, entries] of written) {
          const expected = entries.map(asRecord);
          expect(await historyOf(ws, instanceId)).toEqual(expected);
          expect((await walk(ws, instanceId, 2)).flat()).toEqual(expected);
        }

        // The old rows became one row per step (runs of entries that share a time).
        const stored = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM history GROUP BY instance_id`.execute(store.db);
        expect(stored.rows).toEqual([{ n: 2 }, { n: 2 }]);

        // The instance still running goes on: its new entries follow the old ones.
        const [running, before] = written[0] ?? ["", []];
        expectOk(await ws.instances.cancel(running, { reason: "customer called" }));
        const after = await historyOf(ws, running);
        expect(after.slice(0, before.length)).toEqual(before.map(asRecord));
        expect(after.length).toBeGreaterThan(before.length);
        expect(after.map((entry) => entry.id)).toEqual(after.map((_, i) => String(i + 1)));
        expect(after.at(-1)?.type).toBe("instanceCancelled");
      } finally {
        await store.close();
      }
    } finally {
      await old.drop();
    }
  });
});

type Written = Array<[instanceId: string, entries: HistoryEntry[]]>;

/** How the old reader showed an entry: positions 1, 2, … per instance, times to the millisecond. */
function asRecord(entry: HistoryEntry, index: number): HistoryRecord {
  return {
    id: String(index + 1),
    type: entry.type,
    at: new Date(entry.at).toISOString(),
    nodeId: entry.nodeId ?? null,
    edgeId: entry.edgeId ?? null,
    activationId: entry.activationId ?? null,
    tokenId: entry.tokenId ?? null,
    data: entry.data ?? null,
  };
}

/**
 * A database as release 0004 left it: two instances whose history rows (one per entry) were
 * written interleaved. The first waits at its task; the second was started and then cancelled
 * (two steps, at two times). The engine makes the states and entries; they are inserted as the
 * old playbook_write_step did.
 */
async function writeOldRelease(
  connection: TestDatabase["connection"],
  definition: ProcessDefinition,
): Promise<Written> {
  const conn = await connectDatabase({
    ...connection,
    applicationName: "history-upgrade",
    logger: silentLogger,
  });
  try {
    const db = conn.db;
    await migrateUpTo(db, "0004-start-call");
    const base = Date.UTC(2026, 0, 5, 9, 30) + 0.25;
    const context = (now: number): EngineContext => ({
      definition,
      resolveNodeType,
      clock: { now: () => now },
      ids: { next: () => crypto.randomUUID() },
      random: { next: () => 0.5 },
    });
    const run = (now: number, state: Parameters<typeof applyEvent>[1], event: EngineEventArg) => {
      const result = applyEvent(context(now), state, event);
      if (!result.ok) throw new Error(result.error.message);
      return result;
    };
    const waiting = run(base, null, {
      type: "start",
      instanceId: crypto.randomUUID(),
      definitionVersion: 1,
    });
    const cancelledStart = run(base + 7, null, {
      type: "start",
      instanceId: crypto.randomUUID(),
      definitionVersion: 1,
    });
    const cancelled = run(base + 20, cancelledStart.state, { type: "cancel", reason: "duplicate" });
    // An entry whose data holds a null (the old rows kept it) and a later time.
    const note: HistoryEntry = {
      type: "variablesChanged",
      at: base + 3,
      nodeId: "pack",
      tokenId: waiting.history[0]?.tokenId,
      data: { comment: null, parcels: 2 },
    };

    await sql`INSERT INTO workspaces (id, name) VALUES ('upgrade', 'Upgrade')`.execute(db);
    await sql`INSERT INTO definitions (workspace_id, key, latest_version)
      VALUES ('upgrade', 'ship-order', 1)`.execute(db);
    await sql`INSERT INTO definition_versions (workspace_id, key, version, definition)
      VALUES ('upgrade', 'ship-order', 1, ${JSON.stringify(definition)}::jsonb)`.execute(db);
    for (const state of [waiting.state, cancelled.state]) {
      await sql`INSERT INTO instances (id, workspace_id, definition_key, definition_version, status,
          state, version, started_at, ended_at)
        VALUES (${state.id}, 'upgrade', 'ship-order', 1, ${state.status},
          ${JSON.stringify(state)}::jsonb, ${state.version}, to_timestamp(${state.startedAt}::float8 / 1000),
          to_timestamp(${state.endedAt ?? null}::float8 / 1000))`.execute(db);
    }
    const first: Array<[string, HistoryEntry]> = waiting.history.map((e) => [waiting.state.id, e]);
    const second: Array<[string, HistoryEntry]> = cancelledStart.history.map((e) => [
      cancelled.state.id,
      e,
    ]);
    // Interleaved, as concurrent steps of two instances drew ids from one sequence.
    const order: Array<[string, HistoryEntry]> = [];
    for (let i = 0; i < Math.max(first.length, second.length); i++) {
      if (first[i]) order.push(first[i]!);
      if (second[i]) order.push(second[i]!);
    }
    order.push([waiting.state.id, note]);
    for (const entry of cancelled.history) order.push([cancelled.state.id, entry]);
    for (const [instanceId, entry] of order) {
      await sql`INSERT INTO history (workspace_id, instance_id, type, at, node_id, edge_id,
          activation_id, token_id, data)
        VALUES ('upgrade', ${instanceId}, ${entry.type}, to_timestamp(${entry.at}::float8 / 1000),
          ${entry.nodeId ?? null}, ${entry.edgeId ?? null}, ${entry.activationId ?? null},
          ${entry.tokenId ?? null}, ${entry.data === undefined ? null : JSON.stringify(entry.data)}::jsonb)`.execute(
        db,
      );
    }
    return [
      [waiting.state.id, [...waiting.history, note]],
      [cancelled.state.id, [...cancelledStart.history, ...cancelled.history]],
    ];
  } finally {
    await conn.close();
  }
}

type EngineEventArg = Parameters<typeof applyEvent>[2];
