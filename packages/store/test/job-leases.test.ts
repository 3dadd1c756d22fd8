import { sql } from "kysely";
import { describe, expect } from "vitest";
import type { ExecutorJob } from "../src/index";
import { test } from "./db";
import { spawnWorker } from "./support/child-process";
import { chain, service } from "./support/definitions";
import {
  expectOk,
  freshWorkspace,
  historyOf,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction } from "./support/node-types";

describe("job leases", () => {
  test("a worker killed mid-job loses nothing: the job is claimed again after its lease and recorded once", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres")
      return skip("needs Postgres: PGlite cannot be shared by two processes");
    const store = await openStore(database);
    const ws = await freshWorkspace(store, "crash");
    await publish(
      ws,
      chain("charge-card", [service("charge", "charge"), service("receipt", "receipt")]),
    );
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "charge-card" }));

    const child = spawnWorker({
      DATABASE_URL: database.databaseUrl,
      WORKSPACE_ID: ws.id,
      MODE: "block",
      LEASE_MS: "1500",
    });
    const started = await child.next("started");
    child.process.kill("SIGKILL");
    await new Promise((resolve) => child.process.once("exit", resolve));

    const runs: ExecutorJob[] = [];
    const survivor = await openStore(database, {
      executorFor: executorsByAction({
        charge: async (job) => {
          runs.push(job);
          return { charged: 100 };
        },
        receipt: async (job) => {
          runs.push(job);
          return { receiptSent: true };
        },
      }),
    });
    await survivor.startWorkers({
      concurrency: 1,
      workspaceIds: [ws.id],
      pollMs: 100,
      leaseMs: 5_000,
    });
    const done = await untilStatus(ws, instance.id, "completed");

    expect(done.variables).toMatchObject({ charged: 100, receiptSent: true });
    const charge = runs.find((run) => run.nodeId === "charge");
    expect(charge?.idempotencyKey).toBe(started.idempotencyKey);
    expect(charge?.attempt).toBe(1);
    const history = await historyOf(ws, instance.id);
    expect(
      history.filter((entry) => entry.type === "nodeLeft" && entry.nodeId === "charge"),
    ).toHaveLength(1);
    expect(history.filter((entry) => entry.type === "variablesChanged")).toHaveLength(2);
    expect(await ws.instances.pendingWork(instance.id)).toMatchObject({ jobs: 0 });
  });

  test("a worker whose lease expired cannot write its result", async ({ database }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store, "fence");
    await publish(ws, chain("sync-lead", [service("sync", "sync")]));
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "sync-lead" }));

    const [slow] = await store.queue.claim({
      workerId: "slow",
      leaseMs: 30_000,
      workspaceIds: [ws.id],
    });
    expect(slow).toBeDefined();
    await sql`UPDATE jobs SET visible_at = now() - interval '1 second' WHERE id = ${slow!.id}`.execute(
      store.db,
    );

    expect(await store.queue.heartbeat(slow!, 30_000)).toBe(false);
    expect(
      await store.queue.report(slow!, { kind: "completed", output: { syncedBy: "slow" } }),
    ).toEqual({ status: "fenced" });
    const untouched = expectOk(await ws.instances.get(instance.id));
    expect(untouched.status).toBe("running");
    expect(untouched.variables).not.toHaveProperty("syncedBy");
  });

  test("after another worker re-claims the job, only the new lease holder's result counts", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store, "fence");
    await publish(ws, chain("sync-lead", [service("sync", "sync")]));
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "sync-lead" }));

    const [slow] = await store.queue.claim({
      workerId: "slow",
      leaseMs: 30_000,
      workspaceIds: [ws.id],
    });
    await sql`UPDATE jobs SET visible_at = now() - interval '1 second' WHERE id = ${slow!.id}`.execute(
      store.db,
    );
    const [fast] = await store.queue.claim({
      workerId: "fast",
      leaseMs: 30_000,
      workspaceIds: [ws.id],
    });
    expect(fast).toMatchObject({ id: slow!.id, fence: slow!.fence + 1, attempt: slow!.attempt });

    expect(
      await store.queue.report(slow!, { kind: "completed", output: { syncedBy: "slow" } }),
    ).toEqual({ status: "fenced" });
    expect(
      await store.queue.report(fast!, { kind: "completed", output: { syncedBy: "fast" } }),
    ).toMatchObject({ status: "recorded" });
    const done = expectOk(await ws.instances.get(instance.id));
    expect(done).toMatchObject({ status: "completed", variables: { syncedBy: "fast" } });
  });

  test("a heartbeat keeps a long job's lease alive", async ({ database }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store, "fence");
    await publish(ws, chain("sync-lead", [service("sync", "sync")]));
    expectOk(await ws.instances.start({ definitionKey: "sync-lead" }));
    const [job] = await store.queue.claim({
      workerId: "w",
      leaseMs: 30_000,
      workspaceIds: [ws.id],
    });

    expect(await store.queue.heartbeat(job!, 60_000)).toBe(true);
    expect(
      await store.queue.claim({ workerId: "other", leaseMs: 30_000, workspaceIds: [ws.id] }),
    ).toEqual([]);
  });
});
