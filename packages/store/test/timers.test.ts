import { applyEvent } from "@playbook/engine";
import { sql } from "kysely";
import { describe, expect } from "vitest";
import type { ApplyEvent } from "../src/index";
import { nextTimerDueInMs } from "../src/queue/timers";
import type { StoreResources } from "../src/resources";
import { test } from "./db";
import { spawnWorker } from "./support/child-process";
import { chain, timer } from "./support/definitions";
import { eventually, expectOk, freshWorkspace, openStore, publish } from "./support/harness";

const reminder = chain("daily-reminder", [timer("wait", "PT1S")]);

describe("timers", () => {
  test("500 short timers each fire exactly once across two worker processes", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres")
      return skip("needs Postgres: PGlite cannot be shared by two processes");
    const store = await openStore(database);
    const ws = await freshWorkspace(store, "timers");
    await publish(ws, reminder);
    const workers = [1, 2].map(() =>
      spawnWorker({ DATABASE_URL: database.databaseUrl, WORKSPACE_ID: ws.id, MODE: "timers" }),
    );
    await Promise.all(workers.map((worker) => worker.next("ready")));

    for (let i = 0; i < 500; i++)
      expectOk(await ws.instances.start({ definitionKey: "daily-reminder" }));

    await eventually(
      async () => {
        const page = expectOk(await ws.instances.list({ status: "running", limit: 1 }));
        return page.items.length === 0 ? true : undefined;
      },
      { timeoutMs: 45_000, everyMs: 200 },
    );
    const { rows } = await sql<{ fired: number; instances: number; most: number }>`
      SELECT count(*)::int AS fired, count(DISTINCT instance_id)::int AS instances,
             coalesce(max(per_instance), 0)::int AS most
      FROM (SELECT instance_id, count(*) OVER (PARTITION BY instance_id) AS per_instance
            FROM history, jsonb_array_elements(entries) AS e(entry)
            WHERE workspace_id = ${ws.id} AND entry->>'type' = 'timerFired') fired`.execute(
      store.db,
    );
    expect(rows[0]).toEqual({ fired: 500, instances: 500, most: 1 });
    for (const worker of workers) worker.process.kill("SIGTERM");
    const stopped = await Promise.all(workers.map((worker) => worker.next("stopped")));
    const perProcess = stopped.map((line) => Number(line.timersFired));
    expect(perProcess.reduce((sum, n) => sum + n, 0)).toBe(500);
    expect(perProcess.every((n) => n > 0)).toBe(true);
    expect(
      expectOk(await ws.instances.list({ status: "completed", limit: 500 })).items,
    ).toHaveLength(500);
    const left = await store.db
      .selectFrom("timers")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("workspace_id", "=", ws.id)
      .executeTakeFirstOrThrow();
    expect(left.n).toBe(0);
  });

  test("a timer is due by the database clock and fires once even when fired twice", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, chain("long-wait", [timer("wait", "P1D")]));
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "long-wait" }));

    expect(await store.queue.fireDueTimers({ workspaceIds: [ws.id] })).toEqual({
      taken: 0,
      fired: 0,
    });
    await sql`UPDATE timers SET due_at = now() - interval '1 second' WHERE instance_id = ${instance.id}`.execute(
      store.db,
    );
    const [first, second] = await Promise.all([
      store.queue.fireDueTimers({ workspaceIds: [ws.id] }),
      store.queue.fireDueTimers({ workspaceIds: [ws.id] }),
    ]);

    expect(first.fired + second.fired).toBe(1);
    expect(expectOk(await ws.instances.get(instance.id)).status).toBe("completed");
  });

  test("a timer that cannot be fired is postponed instead of holding up the others", async ({
    database,
  }) => {
    const poisoned = new Set<string>();
    const engine: ApplyEvent = (ctx, state, event) => {
      if (event.type === "timerFired" && state && poisoned.has(state.id))
        throw new Error("corrupt state");
      return applyEvent(ctx, state, event);
    };
    const store = await openStore(database, { applyEvent: engine });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("long-wait", [timer("wait", "P1D")]));
    const { instance: bad } = expectOk(await ws.instances.start({ definitionKey: "long-wait" }));
    const { instance: good } = expectOk(await ws.instances.start({ definitionKey: "long-wait" }));
    poisoned.add(bad.id);
    await sql`UPDATE timers SET due_at = now() - interval '1 second' WHERE workspace_id = ${ws.id}`.execute(
      store.db,
    );

    expect(await store.queue.fireDueTimers({ workspaceIds: [ws.id] })).toEqual({
      taken: 1,
      fired: 1,
    });

    expect(expectOk(await ws.instances.get(good.id)).status).toBe("completed");
    expect(expectOk(await ws.instances.get(bad.id)).status).toBe("running");
    const { rows } = await sql<{ later: boolean }>`
      SELECT due_at > now() + interval '30 seconds' AS later FROM timers WHERE instance_id = ${bad.id}`.execute(
      store.db,
    );
    expect(rows).toEqual([{ later: true }]);
  });

  test("the timer loop of a worker pool fires a due timer", async ({ database }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, reminder);
    await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], timerPollMs: 200 });
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "daily-reminder" }));

    await eventually(async () =>
      expectOk(await ws.instances.get(instance.id)).status === "completed" ? true : undefined,
    );
  });

  test("with no timer pending the timer loop has nothing to wait for; an overdue one is due now", async ({
    database,
  }) => {
    const store = await openStore(database);
    const res = { db: store.db } as StoreResources;
    // No timers at all: undefined, so the loop sleeps until woken instead of spinning at 0 ms.
    await sql`DELETE FROM timers`.execute(store.db);
    expect(await nextTimerDueInMs(res)).toBeUndefined();

    const ws = await freshWorkspace(store, "next-due");
    await publish(ws, reminder);
    expectOk(await ws.instances.start({ definitionKey: "daily-reminder" }));
    const wait = await nextTimerDueInMs(res);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1_000);

    await sql`UPDATE timers SET due_at = now() - interval '1 minute'`.execute(store.db);
    expect(await nextTimerDueInMs(res)).toBe(0);
    await store.close();
  });
});
