// How work reaches worker loops: hand-off of a start's first job to an idle local loop, the
// one-round-trip inline step and its fallbacks, backlog fan-out, retries waking on time, and
// idle pools that do not poll once per loop.
import { describe, expect } from "vitest";
import { test } from "./db";
import { commitsWhile } from "./support/commits";
import { chain, service } from "./support/definitions";
import {
  eventually,
  expectOk,
  freshWorkspace,
  gate,
  historyOf,
  NO_POLL,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction } from "./support/node-types";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("dispatch", () => {
  test("a start hands its first job to an idle local loop: leased at once, no other worker can claim it", async ({
    database,
  }) => {
    const release = gate();
    const running: string[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        draft: async (job) => {
          running.push(job.instanceId);
          await release.opened;
          return {};
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("brief", [service("draft", "draft")]));
    const pool = await store.startWorkers({ concurrency: 2, workspaceIds: [ws.id], ...NO_POLL });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "brief" }));
    await eventually(async () => (running.length === 1 ? true : undefined), { timeoutMs: 5_000 });
    const job = await store.db
      .selectFrom("jobs")
      .select(["lease_owner", "fence"])
      .where("instance_id", "=", instance.id)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ lease_owner: pool.workerId, fence: 1 });
    expect(await store.queue.claim({ workerId: "thief", leaseMs: 10_000 })).toEqual([]);

    release.open();
    await untilStatus(ws, instance.id, "completed", 5_000);
    expect(running).toEqual([instance.id]);
  });

  test("an instance started in a process with an idle loop runs there; other processes are not woken", async ({
    database,
  }) => {
    const ranIn: string[] = [];
    const worker = (name: string) =>
      executorsByAction({
        tag: async () => {
          ranIn.push(name);
          return {};
        },
      });
    const here = await openStore(database, { executorFor: worker("here") });
    const elsewhere = await openStore(database, { executorFor: worker("elsewhere") });
    const ws = await freshWorkspace(here);
    await publish(ws, chain("welcome", [service("tag", "tag")]));
    await elsewhere.startWorkers({ concurrency: 4, workspaceIds: [ws.id], ...NO_POLL });
    await here.startWorkers({ concurrency: 4, workspaceIds: [ws.id], ...NO_POLL });

    for (let i = 0; i < 20; i++) {
      const { instance } = expectOk(await ws.instances.start({ definitionKey: "welcome" }));
      await untilStatus(ws, instance.id, "completed", 5_000);
    }
    expect(ranIn).toEqual(Array.from({ length: 20 }, () => "here"));
  });

  test("a result that arrives after the instance was cancelled is not applied, and the next step never runs", async ({
    database,
  }) => {
    const release = gate();
    const ran: string[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        first: async () => {
          ran.push("first");
          await release.opened;
          return { approved: true };
        },
        second: async () => {
          ran.push("second");
          return {};
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("post", [service("write", "first"), service("publish", "second")]));
    await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], ...NO_POLL });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "post" }));
    await eventually(async () => (ran.length === 1 ? true : undefined), { timeoutMs: 5_000 });
    expectOk(await ws.instances.cancel(instance.id, { reason: "campaign pulled" }));
    release.open();
    await sleep(300);

    const after = expectOk(await ws.instances.get(instance.id));
    expect(after.status).toBe("cancelled");
    expect(after.variables).not.toHaveProperty("approved");
    expect(ran).toEqual(["first"]);
    // The step is recorded as left by the cancel, not completed by the late result.
    const left = (await historyOf(ws, instance.id)).filter(
      (entry) => entry.type === "nodeLeft" && entry.nodeId === "write",
    );
    expect(left.map((entry) => entry.data)).toEqual([{ reason: "cancelled" }]);
  });

  test("an inline step whose lease was taken over meanwhile writes nothing; the new holder's result counts", async ({
    database,
  }) => {
    const release = gate();
    const started: string[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        write: async (job) => {
          started.push(job.instanceId);
          await release.opened;
          return { by: "first worker" };
        },
        next: async () => ({}),
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("post", [service("write", "write"), service("check", "next")]));
    await store.startWorkers({
      concurrency: 1,
      workspaceIds: [ws.id],
      leaseMs: 60_000,
      ...NO_POLL,
    });
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "post" }));
    await eventually(async () => (started.length === 1 ? true : undefined), { timeoutMs: 5_000 });

    // The lease runs out (the worker looked dead) and another worker claims the job.
    await store.db
      .updateTable("jobs")
      .set({ visible_at: new Date(Date.now() - 60_000) })
      .where("instance_id", "=", instance.id)
      .execute();
    const [stolen] = await store.queue.claim({ workerId: "other", leaseMs: 60_000 });
    expect(stolen?.instanceId).toBe(instance.id);
    release.open();
    await sleep(300);
    const waiting = expectOk(await ws.instances.get(instance.id));
    expect(waiting.variables).not.toHaveProperty("by");

    if (!stolen) throw new Error("nothing claimed");
    expect(
      await store.queue.report(stolen, { kind: "completed", output: { by: "other" } }),
    ).toMatchObject({
      status: "recorded",
    });
    const done = await untilStatus(ws, instance.id, "completed", 5_000);
    expect(done.variables).toMatchObject({ by: "other" });
    const left = (await historyOf(ws, instance.id)).filter(
      (entry) => entry.type === "nodeLeft" && entry.nodeId === "write",
    );
    expect(left).toHaveLength(1);
  });

  test("ten steps continued inline write each step once, in order", async ({ database }) => {
    const store = await openStore(database, {
      executorFor: executorsByAction({ step: async (job) => ({ [job.nodeId]: job.attempt }) }),
    });
    const ws = await freshWorkspace(store);
    const steps = Array.from({ length: 10 }, (_, i) => service(`s${i + 1}`, "step"));
    await publish(ws, chain("ten", steps));
    await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], ...NO_POLL });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "ten" }));
    const done = await untilStatus(ws, instance.id, "completed", 10_000);
    expect(Object.keys(done.variables)).toHaveLength(10);
    const entered = (await historyOf(ws, instance.id))
      .filter((entry) => entry.type === "nodeEntered")
      .map((entry) => entry.nodeId);
    expect(entered).toEqual(["start", ...steps.map((step) => step.id), "end"]);
  });

  test("a backlog waiting when workers start is worked by every loop, not one job per poll", async ({
    database,
  }) => {
    let active = 0;
    let maxActive = 0;
    const store = await openStore(database, {
      executorFor: executorsByAction({
        send: async () => {
          active++;
          maxActive = Math.max(maxActive, active);
          await sleep(20);
          active--;
          return {};
        },
      }),
    });
    // The backlog comes from another process, so this one has heard of none of it.
    const api = await openStore(database);
    const ws = await freshWorkspace(api);
    await publish(ws, chain("push", [service("send", "send")]));
    const ids: string[] = [];
    for (let i = 0; i < 40; i++)
      ids.push(expectOk(await ws.instances.start({ definitionKey: "push" })).instance.id);

    await store.startWorkers({ concurrency: 4, workspaceIds: [ws.id], ...NO_POLL });
    for (const id of ids) await untilStatus(ws, id, "completed", 10_000);
    expect(maxActive).toBe(4);
  });

  test("a retry after back-off runs when it comes due, not at the next poll", async ({
    database,
  }) => {
    const attempts: number[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        flaky: async (job) => {
          attempts.push(job.attempt);
          if (job.attempt === 1) throw new Error("CRM timed out");
          return {};
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("tag", [service("tag", "flaky")]));
    await store.startWorkers({ concurrency: 2, workspaceIds: [ws.id], ...NO_POLL });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "tag" }));
    await untilStatus(ws, instance.id, "completed", 5_000);
    expect(attempts).toEqual([1, 2]);
  });

  test("an idle pool polls once per interval, not once per loop", async ({ database }) => {
    if (database.kind !== "postgres") return;
    const idleCommits = async (concurrency: number) =>
      commitsWhile(database, async (store) => {
        await store.startWorkers({ concurrency, pollMs: 50, timers: false });
        await sleep(1_000);
      });
    const one = await idleCommits(1);
    const sixteen = await idleCommits(16);
    // Once per loop would be ~16 × 20 claims; one poller is ~20 whatever the loop count.
    expect(sixteen).toBeLessThan(one + 15);
  });
});
