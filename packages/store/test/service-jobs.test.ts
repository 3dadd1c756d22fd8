import { describe, expect } from "vitest";
import type { ExecutorJob } from "../src/index";
import { test } from "./db";
import { chain, service } from "./support/definitions";
import {
  eventually,
  expectOk,
  freshWorkspace,
  historyOf,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction } from "./support/node-types";

describe("service jobs", () => {
  test("a chain of three service steps runs to the end, each result recorded once", async ({
    database,
  }) => {
    const calls: ExecutorJob[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        step: async (job) => {
          calls.push(job);
          return { [`${job.nodeId}Done`]: true };
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(
      ws,
      chain("onboarding", [service("a", "step"), service("b", "step"), service("c", "step")]),
    );
    await store.startWorkers({ concurrency: 2, workspaceIds: [ws.id], pollMs: 50 });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "onboarding" }));
    const done = await untilStatus(ws, instance.id, "completed");

    expect(done.variables).toMatchObject({ aDone: true, bDone: true, cDone: true });
    expect(calls.map((call) => call.nodeId)).toEqual(["a", "b", "c"]);
    expect(calls.every((call) => call.idempotencyKey.includes(instance.id))).toBe(true);
    const left = (await historyOf(ws, instance.id)).filter((entry) => entry.type === "nodeLeft");
    expect(left.map((entry) => entry.nodeId)).toEqual(["start", "a", "b", "c", "end"]);
    expect(await ws.instances.pendingWork(instance.id)).toEqual({
      jobs: 0,
      timers: 0,
      subscriptions: 0,
      openTasks: 0,
    });
  });

  test("the transaction that records a step hands the next step to the same worker, already leased", async ({
    database,
  }) => {
    const store = await openStore(database, {
      executorFor: executorsByAction({ step: async () => ({}) }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("two-steps", [service("a", "step"), service("b", "step")]));
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "two-steps" }));

    const [first] = await store.queue.claim({
      workerId: "w1",
      leaseMs: 30_000,
      workspaceIds: [ws.id],
    });
    expect(first?.nodeId).toBe("a");
    const report = await store.queue.report(
      first!,
      { kind: "completed", output: {} },
      {
        workerId: "w1",
        leaseMs: 30_000,
        canRun: () => true,
      },
    );

    expect(report.status).toBe("recorded");
    const next = report.status === "recorded" ? report.inlineJob : undefined;
    expect(next).toMatchObject({ nodeId: "b", instanceId: instance.id, fence: 1 });
    // Nobody else can claim it while this worker holds it.
    expect(
      await store.queue.claim({ workerId: "w2", leaseMs: 30_000, workspaceIds: [ws.id] }),
    ).toEqual([]);
  });

  test("a failing step is retried with the same idempotency key until it succeeds", async ({
    database,
  }) => {
    const attempts: Array<{ attempt: number; key: string }> = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        flaky: async (job) => {
          attempts.push({ attempt: job.attempt, key: job.idempotencyKey });
          if (job.attempt < 3) throw new Error(`CRM timeout #${job.attempt}`);
          return { tagged: true };
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("tag-customer", [service("tag", "flaky")]));
    await store.startWorkers({
      concurrency: 1,
      workspaceIds: [ws.id],
      pollMs: 20,
      timerPollMs: 20,
    });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "tag-customer" }));
    const done = await untilStatus(ws, instance.id, "completed");

    expect(done.variables).toMatchObject({ tagged: true });
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(new Set(attempts.map((a) => a.key)).size).toBe(1);
    const types = (await historyOf(ws, instance.id)).map((entry) => entry.type);
    expect(types.filter((type) => type === "jobRetryScheduled")).toHaveLength(2);
  });

  test("a step that keeps failing raises an incident; retrying it after a fix completes the instance", async ({
    database,
  }) => {
    let fixed = false;
    const store = await openStore(database, {
      executorFor: executorsByAction({
        broken: async () => {
          if (!fixed) throw new Error("SMTP down");
          return { sent: true };
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("send-mail", [service("mail", "broken")]));
    await store.startWorkers({
      concurrency: 1,
      workspaceIds: [ws.id],
      pollMs: 20,
      timerPollMs: 20,
    });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "send-mail" }));
    const incident = await eventually(async () => {
      const page = expectOk(await ws.incidents.list({ status: "open" }));
      return page.items[0];
    });
    expect(incident).toMatchObject({ instanceId: instance.id, nodeId: "mail", status: "open" });
    expect(incident.message).toContain("SMTP down");

    fixed = true;
    const retried = expectOk(await ws.incidents.retry(incident.id));
    expect(retried.status).toBe("resolved");
    const done = await untilStatus(ws, instance.id, "completed");
    expect(done.variables).toMatchObject({ sent: true });
    expect(await ws.incidents.retry(incident.id)).toEqual({
      ok: false,
      error: { code: "incident.resolved", incidentId: incident.id },
    });
  });

  test("an error marked not retryable goes straight to an incident", async ({ database }) => {
    const attempts: number[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({
        rejected: async (job) => {
          attempts.push(job.attempt);
          throw Object.assign(new Error("invalid phone number"), { retryable: false });
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("sms", [service("sms", "rejected")]));
    await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], pollMs: 20 });

    const { instance } = expectOk(await ws.instances.start({ definitionKey: "sms" }));
    await eventually(
      async () => expectOk(await ws.incidents.list({ instanceId: instance.id })).items[0],
    );
    expect(attempts).toEqual([1]);
  });

  test("output nested too deeply to save raises an incident at once, not after redeliveries", async ({
    database,
  }) => {
    let calls = 0;
    const store = await openStore(database, {
      executorFor: executorsByAction({
        deep: async () => {
          calls++;
          let nested: Record<string, unknown> = { leaf: true };
          for (let i = 0; i < 50_000; i++) nested = { inner: nested };
          return { receipt: nested };
        },
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("deep-output", [service("call", "deep")]));
    // A redelivery would only come after the 60 s lease: the incident must not wait for it.
    await store.startWorkers({
      concurrency: 1,
      workspaceIds: [ws.id],
      pollMs: 50,
      leaseMs: 60_000,
    });
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "deep-output" }));

    const incident = await eventually(
      async () => expectOk(await ws.incidents.list({ instanceId: instance.id })).items[0],
      { timeoutMs: 10_000 },
    );
    expect(incident.message).toMatch(/could not be saved: it is nested too deeply/);
    expect(calls).toBe(1);
  });
});
