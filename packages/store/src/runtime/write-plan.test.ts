import type { Effect } from "@playbook/engine";
import { describe, expect, test } from "vitest";
import { addOutcome, clearActivation, emptyPlan } from "./write-plan";

const job = (activationId: string, attempt = 1): Effect => ({
  type: "createJob",
  activationId,
  nodeId: `node-${activationId}`,
  jobType: "acme.crmTag",
  jobTypeVersion: 2,
  config: {},
  variables: {},
  idempotencyKey: `i:${activationId}`,
  attempt,
});

describe("write plan", () => {
  test("waits created and cancelled in the same event never reach the database", () => {
    const plan = emptyPlan();
    addOutcome(
      plan,
      [
        job("a"),
        {
          type: "subscribe",
          activationId: "a",
          nodeId: "n",
          messageName: "paid",
          correlationKey: "k",
        },
        { type: "scheduleTimer", activationId: "b", nodeId: "t", dueAt: 10, purpose: "timer" },
        { type: "cancelWait", activationId: "a" },
      ],
      [],
    );
    expect(plan.jobs).toEqual([]);
    expect(plan.subscriptions).toEqual([]);
    expect(plan.timers.map((timer) => timer.activationId)).toEqual(["b"]);
    expect([...plan.clearedActivations]).toEqual(["a"]);
  });

  test("waiting again on a cleared activation keeps the new wait (a retry after a failure)", () => {
    const plan = emptyPlan();
    clearActivation(plan, "a");
    addOutcome(plan, [job("a", 2)], []);
    expect(plan.jobs).toMatchObject([{ activationId: "a", attempt: 2, typeVersion: 2 }]);
    expect(plan.clearedActivations.has("a")).toBe(true);
  });

  test("history is kept in order across several outcomes and the end is remembered", () => {
    const plan = emptyPlan();
    addOutcome(plan, [], [{ type: "nodeEntered", at: 1, nodeId: "x" }]);
    addOutcome(
      plan,
      [{ type: "instanceEnded", status: "completed" }],
      [{ type: "instanceCompleted", at: 2 }],
    );
    expect(plan.history.map((entry) => entry.type)).toEqual(["nodeEntered", "instanceCompleted"]);
    expect(plan.ended).toBe("completed");
  });
});
