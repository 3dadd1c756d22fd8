import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { TestDriver } from "./driver";

// 会签-like: legal and finance review in parallel; the contract is sent when both are done.
const contractReview = flow({
  nodes: [
    node("start", "start"),
    node("split", "parallelGateway"),
    node("legal", "userTask"),
    node("finance", "userTask"),
    node("join", "parallelGateway"),
    node("send", "userTask"),
    node("done", "end"),
  ],
  edges: [
    edge("start", "split"),
    edge("split", "legal"),
    edge("split", "finance"),
    edge("legal", "join"),
    edge("finance", "join"),
    edge("join", "send"),
    edge("send", "done"),
  ],
});

describe("parallel gateway", () => {
  it("a split puts one token on every outgoing edge", () => {
    const driver = new TestDriver({ definition: contractReview });
    driver.start();
    expect(driver.waitingAt).toEqual(["finance", "legal"]);
    expect(driver.tasks.size).toBe(2);
    const ids = driver.state?.tokens.map((t) => t.id) ?? [];
    expect(new Set(ids).size).toBe(2);
  });

  it("a join waits for both branches", () => {
    const driver = new TestDriver({ definition: contractReview });
    driver.start();

    driver.completeTask("legal");
    expect(driver.waitingAt).toEqual(["finance", "join"]);
    expect(driver.state?.tokens.find((t) => t.nodeId === "join")).toMatchObject({
      wait: { type: "join" },
      viaEdgeId: "legal_to_join",
    });

    driver.completeTask("finance");
    expect(driver.waitingAt).toEqual(["send"]);
    expect(
      driver.history.filter((h) => h.type === "nodeLeft" && h.data?.reason === "merged"),
    ).toHaveLength(1);
  });

  it("a second arrival on the same edge does not fire the join; it queues behind the first", () => {
    // A loop around `legal` can bring two tokens by the same edge before finance is done.
    const definition = flow({
      variables: [{ name: "rounds", type: "number", default: 0 }],
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("legal", "userTask"),
        node("again", "parallelGateway"),
        node("finance", "userTask"),
        node("join", "parallelGateway"),
        node("done", "end"),
      ],
      edges: [
        edge("start", "split"),
        edge("split", "legal"),
        edge("split", "finance"),
        edge("legal", "again"),
        edge("again", "join", { id: "fromLegal" }),
        edge("again", "legal", { id: "legalAgain" }),
        edge("finance", "join", { id: "fromFinance" }),
        edge("join", "done"),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    driver.completeTask("legal");
    driver.completeTask("legal");
    expect(driver.waitingAt).toEqual(["finance", "join", "join", "legal"]);

    driver.completeTask("finance");
    // One legal token joined with finance; the other still waits for a finance partner.
    expect(driver.waitingAt).toEqual(["join", "legal"]);
    expect(driver.status).toBe("running");
  });

  it("ignores conditions on its outgoing edges, as BPMN does", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("a", "userTask"),
        node("b", "userTask"),
      ],
      edges: [
        edge("start", "split"),
        edge("split", "a", { condition: "false" }),
        edge("split", "b"),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(driver.waitingAt).toEqual(["a", "b"]);
  });
});
