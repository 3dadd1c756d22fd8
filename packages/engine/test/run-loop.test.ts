import { describe, expect, it } from "vitest";
import { applyEvent } from "../src";
import { edge, flow, node, nodeTypes } from "./definitions";
import { TestDriver } from "./driver";

const increment = (variable: string) => ({
  assignments: [{ variable, expression: `${variable} + 1` }],
});

describe("run loop", () => {
  it("a definition that loops without waiting fails with loop.noWait naming the node, instead of spinning", () => {
    // start -> count -> check --(default)--> count ...; nothing in the loop ever waits.
    const definition = flow({
      variables: [{ name: "n", type: "number", default: 0 }],
      nodes: [
        node("start", "start"),
        node("review", "userTask"),
        node("split", "parallelGateway"),
        node("count", "setVariables", increment("n")),
        node("check", "exclusiveGateway"),
        node("done", "end"),
      ],
      edges: [
        edge("start", "split"),
        edge("split", "review"),
        edge("split", "count"),
        edge("count", "check"),
        edge("check", "done", { condition: "n < 0" }),
        edge("check", "count", { isDefault: true }),
      ],
    });
    const driver = new TestDriver({ definition, maxSteps: 200 });
    const result = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });

    expect(result.state.status).toBe("failed");
    expect(result.state.error).toMatchObject({
      code: "loop.noWait",
      nodeId: expect.stringMatching(/count|check/),
    });
    expect(result.state.error?.message).toContain("200 steps");
    expect(result.state.tokens).toEqual([]);
    // The review task was created and withdrawn in the same event, so it never reaches the store.
    expect(result.effects).toEqual([{ type: "instanceEnded", status: "failed" }]);
    expect(result.history.at(-1)).toMatchObject({
      type: "instanceFailed",
      data: { code: "loop.noWait" },
    });
  });

  it("a loop that waits each round (a weekly reminder) runs as long as it needs", () => {
    const definition = flow({
      variables: [{ name: "sent", type: "number", default: 0 }],
      nodes: [
        node("start", "start"),
        node("merge", "exclusiveGateway"),
        node("week", "timer", { duration: "P7D" }),
        node("count", "setVariables", increment("sent")),
        node("check", "exclusiveGateway"),
        node("done", "end"),
      ],
      edges: [
        edge("start", "merge"),
        edge("merge", "week"),
        edge("week", "count"),
        edge("count", "check"),
        edge("check", "done", { condition: "sent >= 4" }),
        edge("check", "merge", { isDefault: true }),
      ],
    });
    const driver = new TestDriver({ definition, maxSteps: 20 });
    driver.start();
    driver.advance(30 * 86_400_000);
    expect(driver.status).toBe("completed");
    expect(driver.variables.sent).toBe(4);
  });

  it("several unconditioned edges out of a task split the token (BPMN implicit parallel split)", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("brief", "userTask"),
        node("design", "userTask"),
        node("copy", "userTask"),
      ],
      edges: [edge("start", "brief"), edge("brief", "design"), edge("brief", "copy")],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    driver.completeTask("brief");
    expect(driver.waitingAt).toEqual(["copy", "design"]);
  });

  it("conditional edges out of a task are each taken when true; the default only when none is", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("plan", "userTask"),
        node("douyin", "userTask"),
        node("wechat", "userTask"),
        node("fallback", "userTask"),
      ],
      edges: [
        edge("start", "plan"),
        edge("plan", "douyin", { condition: 'list contains(渠道, "抖音")' }),
        edge("plan", "wechat", { condition: 'list contains(渠道, "微信")' }),
        edge("plan", "fallback", { isDefault: true }),
      ],
    });
    const both = new TestDriver({ definition });
    both.start();
    both.completeTask("plan", { variables: { 渠道: ["抖音", "微信"] } });
    expect(both.waitingAt).toEqual(["douyin", "wechat"]);

    const neither = new TestDriver({ definition });
    neither.start();
    neither.completeTask("plan", { variables: { 渠道: ["微博"] } });
    expect(neither.waitingAt).toEqual(["fallback"]);
  });

  it("no true condition after a task stops on an incident whose retry re-chooses edges without redoing the task", () => {
    const definition = flow({
      nodes: [node("start", "start"), node("plan", "userTask"), node("go", "userTask")],
      edges: [edge("start", "plan"), edge("plan", "go", { condition: "ready = true" })],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    driver.completeTask("plan");
    expect(driver.state?.tokens[0]?.wait).toMatchObject({
      type: "incident",
      resume: { step: "leave", via: "normal" },
    });

    driver.patchVariables({ ready: true });
    driver.retryIncident("plan");
    expect(driver.waitingAt).toEqual(["go"]);
    expect(driver.effects.filter((e) => e.type === "createTask")).toHaveLength(2); // plan once, go once
  });

  it("a node type nobody registered fails the instance with node.unknownType", () => {
    const definition = flow({
      nodes: [node("start", "start"), node("x", "acme.crmTag")],
      edges: [edge("start", "x")],
    });
    const driver = new TestDriver({ definition });
    const result = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });
    expect(result.state).toMatchObject({
      status: "failed",
      error: { code: "node.unknownType", nodeId: "x" },
    });
  });

  it("a config the behaviour cannot read fails the instance with node.invalidConfig", () => {
    const definition = flow({
      nodes: [node("start", "start"), node("wait", "timer", { mode: "duration" })],
      edges: [edge("start", "wait")],
    });
    const driver = new TestDriver({ definition });
    const result = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });
    expect(result.state).toMatchObject({
      status: "failed",
      error: { code: "node.invalidConfig", nodeId: "wait" },
    });
  });

  it("the same inputs give the same outputs, and the input state is left as it was", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("a", "webhook"),
        node("b", "userTask"),
      ],
      edges: [edge("start", "split"), edge("split", "a"), edge("split", "b")],
    });
    let n = 0;
    const ctx = {
      definition,
      resolveNodeType: (type: string) => nodeTypes()[type],
      clock: { now: () => 1_000 },
      ids: { next: (kind: string) => `${kind}-${++n}` },
      random: { next: () => 0.3 },
    };
    const started = applyEvent(ctx, null, { type: "start", instanceId: "i", definitionVersion: 1 });
    if (!started.ok) throw new Error("start failed");
    const snapshot = JSON.stringify(started.state);
    const job = started.state.tokens.find((t) => t.nodeId === "a");
    const event = {
      type: "jobCompleted",
      activationId: job?.activationId ?? "",
      output: { x: 1 },
    } as const;
    n = 100;
    const first = applyEvent(ctx, started.state, event);
    n = 100;
    const second = applyEvent(ctx, started.state, event);
    expect(second).toEqual(first);
    expect(JSON.stringify(started.state)).toBe(snapshot);
  });
});
