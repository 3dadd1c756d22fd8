import { applyEvent, type Effect } from "@playbook/engine";
import { describe, expect } from "vitest";
import type { ApplyEvent } from "../src/index";
import { test } from "./db";
import { chain, service, task } from "./support/definitions";
import { expectOk, freshWorkspace, historyOf, openStore, publish } from "./support/harness";

// An effect the database refuses (tasks.activation_id is NOT NULL). It is the last kind of row
// written, so by the time it fails the state, history and jobs of the step are already written.
const poisonedTask = {
  type: "createTask",
  activationId: null,
  nodeId: "x",
  config: {},
} as unknown as Effect;

function engineThatBreaksOn(eventType: string, armed: { on: boolean }): ApplyEvent {
  return (ctx, state, event) => {
    const result = applyEvent(ctx, state, event);
    if (!armed.on || event.type !== eventType || !result.ok) return result;
    return { ...result, effects: [...result.effects, poisonedTask] };
  };
}

describe("applying an event is one transaction", () => {
  test("a step whose last write fails leaves state, history and jobs exactly as before", async ({
    database,
  }) => {
    const armed = { on: true };
    const store = await openStore(database, {
      applyEvent: engineThatBreaksOn("jobCompleted", armed),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("welcome", [service("email", "send"), service("sms", "send")]));
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "welcome" }));
    const before = expectOk(await ws.instances.get(instance.id));
    const historyBefore = await historyOf(ws, instance.id);

    const [job] = await store.queue.claim({
      workerId: "w",
      leaseMs: 30_000,
      workspaceIds: [ws.id],
    });
    await expect(
      store.queue.report(job!, { kind: "completed", output: { emailed: true } }),
    ).rejects.toThrow();

    expect(expectOk(await ws.instances.get(instance.id))).toEqual(before);
    expect(await historyOf(ws, instance.id)).toEqual(historyBefore);
    // The finished job is still there (its delete rolled back) and the next one was never created.
    expect(await ws.instances.pendingWork(instance.id)).toEqual({
      jobs: 1,
      timers: 0,
      subscriptions: 0,
      openTasks: 0,
    });

    armed.on = false;
    expect(
      await store.queue.report(job!, { kind: "completed", output: { emailed: true } }),
    ).toMatchObject({
      status: "recorded",
    });
    const moved = expectOk(await ws.instances.get(instance.id));
    expect(moved.variables).toEqual({ emailed: true });
    expect(moved.tokens.map((token) => token.nodeId)).toEqual(["sms"]);
  });

  test("a start whose writes fail leaves no instance behind", async ({ database }) => {
    const store = await openStore(database, {
      applyEvent: engineThatBreaksOn("start", { on: true }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("approval", [task("approve")]));

    await expect(
      ws.instances.start({ definitionKey: "approval", idempotencyKey: "req-1" }),
    ).rejects.toThrow();

    expect(expectOk(await ws.instances.list()).items).toEqual([]);
    expect(expectOk(await ws.tasks.list()).items).toEqual([]);
  });
});
