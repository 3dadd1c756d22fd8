import { describe, expect, test } from "vitest";
import { applyChange } from "./changes";
import { approvalDefinition } from "./fixtures";

describe("editing a definition with typed changes", () => {
  test("deleting a node also deletes every edge touching it and its position", () => {
    const next = applyChange(approvalDefinition(), {
      kind: "removeElements",
      nodeIds: ["decide"],
      edgeIds: [],
    });
    expect(next.nodes.map((n) => n.id)).toEqual(["start", "approve", "approved", "rejected"]);
    expect(next.edges.map((e) => e.id)).toEqual(["e1"]);
    expect(next.layout.nodes.decide).toBeUndefined();
  });

  test("making an edge the default takes the default flag off its sibling", () => {
    const next = applyChange(approvalDefinition(), {
      kind: "updateEdge",
      edgeId: "e3",
      patch: { isDefault: true },
    });
    expect(next.edges.find((e) => e.id === "e3")?.isDefault).toBe(true);
    expect(next.edges.find((e) => e.id === "e4")?.isDefault).toBe(false);
  });

  test("clearing a condition removes it instead of saving an empty expression", () => {
    const next = applyChange(approvalDefinition(), {
      kind: "updateEdge",
      edgeId: "e3",
      patch: { condition: "  " },
    });
    expect(next.edges.find((e) => e.id === "e3")).not.toHaveProperty("condition");
  });

  test("a label emptied in both languages disappears", () => {
    const next = applyChange(approvalDefinition(), {
      kind: "updateNode",
      nodeId: "approve",
      patch: { label: { en: "", "zh-CN": "" } },
    });
    expect(next.nodes.find((n) => n.id === "approve")).not.toHaveProperty("label");
  });

  test("pasted nodes bring the variables they need without touching existing declarations", () => {
    const next = applyChange(approvalDefinition(), {
      kind: "addElements",
      nodes: [{ id: "t2", type: "playbook.userTask", typeVersion: 1, config: {} }],
      positions: { t2: { x: 10.4, y: 20.6 } },
      variables: [
        { name: "amount", type: "string", required: true },
        { name: "region", type: "string", required: false },
      ],
    });
    expect(next.variables).toEqual([
      { name: "amount", type: "number", required: false },
      { name: "region", type: "string", required: false },
    ]);
    expect(next.layout.nodes.t2).toEqual({ x: 10, y: 21 });
  });

  test("changes never mutate the definition they were applied to", () => {
    const before = approvalDefinition();
    const snapshot = structuredClone(before);
    applyChange(before, { kind: "moveNodes", positions: { start: { x: 5, y: 5 } } });
    applyChange(before, { kind: "removeElements", nodeIds: ["approve"], edgeIds: ["e4"] });
    expect(before).toEqual(snapshot);
  });
});
