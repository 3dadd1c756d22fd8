import { describe, expect, test } from "vitest";
import { approvalDefinition } from "./fixtures";
import { createEditorStore } from "./store";

function openStore() {
  let clock = 0;
  const store = createEditorStore(() => clock);
  store.getState().load(approvalDefinition());
  return { store, tick: (ms: number) => (clock += ms) };
}

const labelOf = (store: ReturnType<typeof openStore>["store"]) =>
  store.getState().definition?.nodes.find((n) => n.id === "approve")?.label?.en;

describe("undo and redo in the editor", () => {
  test("typing a label letter by letter is undone in one step", () => {
    const { store, tick } = openStore();
    for (const text of ["R", "Re", "Rev", "Review"]) {
      store
        .getState()
        .apply(
          { kind: "updateNode", nodeId: "approve", patch: { label: { en: text } } },
          { group: "node:approve:label" },
        );
      tick(200);
    }
    expect(labelOf(store)).toBe("Review");
    store.getState().undo();
    expect(labelOf(store)).toBe("Approve");
    store.getState().redo();
    expect(labelOf(store)).toBe("Review");
  });

  test("a pause in typing starts a new undo step", () => {
    const { store, tick } = openStore();
    const type = (text: string) =>
      store
        .getState()
        .apply(
          { kind: "updateNode", nodeId: "approve", patch: { label: { en: text } } },
          { group: "node:approve:label" },
        );
    type("Check");
    tick(5000);
    type("Check twice");
    store.getState().undo();
    expect(labelOf(store)).toBe("Check");
  });

  test("selecting is not an edit: undo skips it", () => {
    const { store } = openStore();
    store.getState().apply({ kind: "removeElements", nodeIds: [], edgeIds: ["e1"] });
    store.getState().select({ nodes: ["approve"], edges: [] });
    store.getState().undo();
    expect(store.getState().definition?.edges.map((e) => e.id)).toContain("e1");
    expect(store.getState().selection.nodes).toEqual(["approve"]);
  });

  test("undoing the creation of a selected node clears it from the selection", () => {
    const { store } = openStore();
    store.getState().apply({
      kind: "addElements",
      nodes: [{ id: "extra", type: "playbook.userTask", typeVersion: 1, config: {} }],
      positions: { extra: { x: 0, y: 0 } },
    });
    store.getState().select({ nodes: ["extra"], edges: [] });
    store.getState().undo();
    expect(store.getState().selection.nodes).toEqual([]);
  });

  test("opening a definition starts with an empty history", () => {
    const { store } = openStore();
    store.getState().apply({ kind: "removeElements", nodeIds: ["decide"], edgeIds: [] });
    store.getState().load(approvalDefinition());
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
