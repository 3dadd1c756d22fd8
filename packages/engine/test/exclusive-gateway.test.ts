import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { TestDriver } from "./driver";

// 预算审批: over 10000 goes to the director, over 3000 to the manager, else auto-approved.
const budgetApproval = flow({
  variables: [{ name: "金额", type: "number" }],
  nodes: [
    node("start", "start"),
    node("route", "exclusiveGateway"),
    node("director", "userTask", { title: "总监审批" }),
    node("manager", "userTask", { title: "经理审批" }),
    node("auto", "end"),
    node("done", "end"),
  ],
  edges: [
    edge("start", "route"),
    // Priority orders the checks: the director's rule must be tried before the manager's.
    edge("route", "director", { condition: "金额 > 10000", priority: 1 }),
    edge("route", "manager", { condition: "金额 > 3000", priority: 2 }),
    edge("route", "auto", { isDefault: true }),
    edge("director", "done"),
    edge("manager", "done"),
  ],
});

describe("exclusive gateway", () => {
  it("a budget approval over 10000 goes to the director", () => {
    const driver = new TestDriver({ definition: budgetApproval });
    driver.start({ 金额: 12000 });
    expect(driver.waitingAt).toEqual(["director"]);
    expect(driver.history.filter((h) => h.type === "edgeTaken").map((h) => h.edgeId)).toEqual([
      "start_to_route",
      "route_to_director",
    ]);
  });

  it("a budget of 5000 goes to the manager, not to both", () => {
    const driver = new TestDriver({ definition: budgetApproval });
    driver.start({ 金额: 5000 });
    expect(driver.waitingAt).toEqual(["manager"]);
  });

  it("a small budget takes the default edge and completes", () => {
    const driver = new TestDriver({ definition: budgetApproval });
    driver.start({ 金额: 800 });
    expect(driver.status).toBe("completed");
    expect(driver.path).toEqual(["start", "route", "auto"]);
  });

  it("a missing amount compares as null, which is not true, so the default edge is taken", () => {
    const driver = new TestDriver({ definition: budgetApproval });
    driver.start({});
    expect(driver.path).toEqual(["start", "route", "auto"]);
  });

  it("equal priorities are tried in edge id order", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("route", "exclusiveGateway"),
        node("a", "userTask"),
        node("b", "userTask"),
      ],
      edges: [
        edge("start", "route"),
        edge("route", "b", { id: "e2", condition: "true" }),
        edge("route", "a", { id: "e1", condition: "true" }),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(driver.waitingAt).toEqual(["a"]);
  });

  it("with no true condition and no default the token stops on an incident that a retry resolves once the data is fixed", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("route", "exclusiveGateway"),
        node("big", "userTask"),
        node("small", "userTask"),
      ],
      edges: [
        edge("start", "route"),
        edge("route", "big", { condition: "金额 > 10000" }),
        edge("route", "small", { condition: "金额 <= 10000" }),
      ],
    });
    const driver = new TestDriver({ definition });
    const started = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });
    expect(started.state.status).toBe("running");
    expect(started.state.tokens).toMatchObject([
      { nodeId: "route", wait: { type: "incident", resume: { step: "enter" } } },
    ]);
    expect(started.effects).toMatchObject([{ type: "raiseIncident", nodeId: "route" }]);
    expect(driver.incidents.size).toBe(1);

    // Retrying without fixing anything raises a fresh incident on the same activation.
    driver.retryIncident("route");
    expect(driver.waitingAt).toEqual(["route"]);
    expect(driver.incidents.size).toBe(1);

    driver.patchVariables({ 金额: 20000 });
    driver.retryIncident("route");
    expect(driver.waitingAt).toEqual(["big"]);
    expect(driver.incidents.size).toBe(0);
    expect(driver.history.filter((h) => h.type === "incidentRetried")).toHaveLength(2);
  });

  it("a syntax error in a condition is an incident, not a crash", () => {
    const definition = flow({
      nodes: [node("start", "start"), node("route", "exclusiveGateway"), node("a", "userTask")],
      edges: [edge("start", "route"), edge("route", "a", { condition: "金额 >" })],
    });
    const driver = new TestDriver({ definition });
    const result = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });
    expect(result.effects[0]).toMatchObject({
      type: "raiseIncident",
      message: expect.stringContaining("route_to_a"),
    });
  });

  it("as a merge it passes each arriving token through", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("merge", "exclusiveGateway"),
        node("notify", "userTask"),
      ],
      edges: [
        edge("start", "split"),
        edge("split", "merge", { id: "left" }),
        edge("split", "merge", { id: "right" }),
        edge("merge", "notify"),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(driver.waitingAt).toEqual(["notify", "notify"]);
  });
});
