import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { TestDriver } from "./driver";

const twoStarts = flow({
  nodes: [
    node("web", "start"),
    node("app", "start"),
    node("fill", "userTask"),
    node("done", "end"),
  ],
  edges: [edge("web", "fill"), edge("app", "fill"), edge("fill", "done")],
});

describe("start", () => {
  it("a campaign request starts with declared defaults overlaid by the caller's variables", () => {
    const definition = flow({
      variables: [
        { name: "渠道", type: "string", default: "抖音" },
        { name: "预算", type: "number", default: 5000 },
        { name: "负责人", type: "user" },
      ],
      nodes: [node("start", "start"), node("review", "userTask"), node("done", "end")],
      edges: [edge("start", "review"), edge("review", "done")],
    });
    const driver = new TestDriver({ definition });
    const result = driver.must({
      type: "start",
      instanceId: "i-9",
      definitionVersion: 3,
      variables: { 预算: 20000 },
    });

    expect(result.state).toMatchObject({
      id: "i-9",
      definitionKey: "test-flow",
      definitionVersion: 3,
      status: "running",
      variables: { 渠道: "抖音", 预算: 20000 },
      version: 1,
      startedAt: driver.now,
    });
    expect(driver.waitingAt).toEqual(["review"]);
    expect(result.history.map((h) => h.type).slice(0, 3)).toEqual([
      "instanceStarted",
      "variablesChanged",
      "nodeEntered",
    ]);
  });

  it("a definition with two start nodes needs the caller to name one", () => {
    const driver = new TestDriver({ definition: twoStarts });
    expect(driver.start()).toMatchObject({ ok: false, error: { code: "start.ambiguous" } });
    expect(driver.start({}, "fill")).toMatchObject({ ok: false, error: { code: "start.unknown" } });
    expect(driver.start({}, "app").ok).toBe(true);
    expect(driver.path).toEqual(["app", "fill"]);
  });

  it("a definition without a start node cannot start", () => {
    const definition = flow({ nodes: [node("done", "end")], edges: [] });
    expect(new TestDriver({ definition }).start()).toMatchObject({
      ok: false,
      error: { code: "start.unknown" },
    });
  });

  it("a start event for an instance that already exists is not applicable", () => {
    const driver = new TestDriver({ definition: twoStarts });
    driver.start({}, "web");
    expect(
      driver.rejection({
        type: "start",
        instanceId: "instance-1",
        definitionVersion: 1,
        startNodeId: "web",
      }),
    ).toMatchObject({
      code: "event.notApplicable",
    });
  });

  it("other events need an instance", () => {
    const driver = new TestDriver({ definition: twoStarts });
    expect(driver.rejection({ type: "timerFired", activationId: "a" })).toMatchObject({
      code: "event.notApplicable",
    });
  });

  it("a flow with nothing to wait for completes within the start event", () => {
    const definition = flow({
      nodes: [node("start", "start"), node("done", "end")],
      edges: [edge("start", "done")],
    });
    const driver = new TestDriver({ definition });
    const result = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });
    expect(result.state).toMatchObject({ status: "completed", tokens: [], endedAt: driver.now });
    expect(result.effects).toEqual([{ type: "instanceEnded", status: "completed" }]);
    expect(result.history.at(-1)?.type).toBe("instanceCompleted");
  });
});
