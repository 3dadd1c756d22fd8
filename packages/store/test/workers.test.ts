import { describe, expect } from "vitest";
import type { ExecutorJob } from "../src/index";
import { test } from "./db";
import { chain, service } from "./support/definitions";
import {
  eventually,
  expectOk,
  freshWorkspace,
  gate,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction } from "./support/node-types";

describe("worker pool", () => {
  test("shutdown lets an in-flight job finish within the grace period and claims nothing new", async ({
    database,
  }) => {
    const release = gate();
    const started: string[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        slow: async (job) => {
          started.push(job.instanceId);
          await release.opened;
          return { done: true };
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("report", [service("build", "slow")]));
    const pool = await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], pollMs: 20 });
    const { instance: first } = expectOk(await ws.instances.start({ definitionKey: "report" }));
    await eventually(async () => (started.length === 1 ? true : undefined));

    const stopping = pool.stop({ graceMs: 10_000 });
    const { instance: second } = expectOk(await ws.instances.start({ definitionKey: "report" }));
    release.open();
    expect(await stopping).toEqual({ finished: 1, released: 0 });

    expect(expectOk(await ws.instances.get(first.id)).status).toBe("completed");
    expect(started).toEqual([first.id]);
    expect(await ws.instances.pendingWork(second.id)).toMatchObject({ jobs: 1 });
  });

  test("a job still running when the grace period ends is aborted and handed back at once", async ({
    database,
  }) => {
    const signals: AbortSignal[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        stuck: (job) => {
          signals.push(job.signal);
          return new Promise((_, reject) =>
            job.signal.addEventListener("abort", () => reject(job.signal.reason)),
          );
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("export", [service("dump", "stuck")]));
    const pool = await store.startWorkers({
      concurrency: 1,
      workspaceIds: [ws.id],
      pollMs: 20,
      leaseMs: 60_000,
    });
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "export" }));
    await eventually(async () => (signals.length === 1 ? true : undefined));

    expect(await pool.stop({ graceMs: 100 })).toEqual({ finished: 0, released: 1 });

    expect(signals[0]?.aborted).toBe(true);
    // Released, not failed: claimable right away (long before the 60 s lease) with the same attempt.
    const [again] = await store.queue.claim({
      workerId: "next",
      leaseMs: 1_000,
      workspaceIds: [ws.id],
    });
    expect(again).toMatchObject({ instanceId: instance.id, attempt: 1 });
    expect(expectOk(await ws.instances.get(instance.id)).status).toBe("running");
  });

  test("an idle worker in another process is woken by NOTIFY, not by polling", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres") return skip("LISTEN/NOTIFY across processes needs Postgres");
    const runs: ExecutorJob[] = [];
    const api = await openStore(database, { applicationName: "api-process" });
    const worker = await openStore(database, {
      applicationName: "worker-process",
      executorFor: executorsByAction({ step: async (job) => void runs.push(job) }),
    });
    const ws = await freshWorkspace(api);
    await publish(ws, chain("notify-me", [service("a", "step"), service("b", "step")]));
    // Polling every 10 minutes: only a notification can get this done within the test.
    await worker.startWorkers({
      concurrency: 2,
      workspaceIds: [ws.id],
      pollMs: 600_000,
      timers: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "notify-me" }));
    await untilStatus(ws, instance.id, "completed", 20_000);
    expect(runs.map((run) => run.nodeId)).toEqual(["a", "b"]);
  });
});
