import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { TestDriver } from "./driver";

describe("cancel", () => {
  it("cancelling a campaign withdraws its open task and timer and ends it cancelled", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("approve", "userTask"),
        node("wait", "timer", { duration: "P1D" }),
        node("join", "parallelGateway"),
        node("done", "end"),
      ],
      edges: [
        edge("start", "split"),
        edge("split", "approve"),
        edge("split", "wait"),
        edge("approve", "join"),
        edge("wait", "join"),
        edge("join", "done"),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    const activations = driver.state?.tokens.map((t) => t.activationId) ?? [];

    const result = driver.must({ type: "cancel", reason: "campaign withdrawn" });
    expect(result.state).toMatchObject({ status: "cancelled", tokens: [], endedAt: driver.now });
    expect(result.effects).toEqual([
      ...activations.map((activationId) => ({ type: "cancelWait", activationId })),
      { type: "instanceEnded", status: "cancelled" },
    ]);
    expect(result.history.at(-1)).toMatchObject({
      type: "instanceCancelled",
      data: { reason: "campaign withdrawn" },
    });
    expect(driver.tasks.size + driver.timers.size).toBe(0);
  });

  it("a join waiting for its other branch needs no cancelWait of its own", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("approve", "userTask"),
        node("join", "parallelGateway"),
        node("done", "end"),
      ],
      edges: [
        edge("start", "split"),
        edge("split", "approve"),
        edge("split", "join"),
        edge("approve", "join"),
        edge("join", "done"),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(driver.waitingAt).toEqual(["approve", "join"]);
    const result = driver.must({ type: "cancel" });
    expect(result.effects.filter((e) => e.type === "cancelWait")).toEqual([
      { type: "cancelWait", activationId: expect.any(String) },
    ]);
  });
});
