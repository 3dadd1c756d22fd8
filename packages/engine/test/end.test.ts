import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { TestDriver } from "./driver";

describe("end", () => {
  it("an instance completes only when its last token reaches an end", () => {
    // start -> split -> (review task -> end1) and (end2)
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("review", "userTask"),
        node("end1", "end"),
        node("end2", "end"),
      ],
      edges: [
        edge("start", "split"),
        edge("split", "review"),
        edge("split", "end2"),
        edge("review", "end1"),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(driver.status).toBe("running");
    expect(driver.waitingAt).toEqual(["review"]);

    driver.completeTask("review");
    expect(driver.status).toBe("completed");
    expect(driver.state?.tokens).toEqual([]);
    expect(driver.effects.at(-1)).toEqual({ type: "instanceEnded", status: "completed" });
  });

  it("a node without outgoing edges consumes its token (BPMN implicit end)", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("note", "setVariables", { assignments: [{ variable: "x", expression: "1" }] }),
      ],
      edges: [edge("start", "note")],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(driver.status).toBe("completed");
    expect(driver.history.find((h) => h.type === "nodeLeft" && h.nodeId === "note")?.data).toEqual({
      reason: "implicitEnd",
    });
  });

  it("events after the instance ended are refused as not running", () => {
    const definition = flow({
      nodes: [node("start", "start"), node("done", "end")],
      edges: [edge("start", "done")],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(driver.rejection({ type: "cancel" })).toMatchObject({ code: "instance.notRunning" });
  });
});
