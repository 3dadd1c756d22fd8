import { builtinManifests } from "@playbook/nodes/manifests";
import { manifestLookup } from "@playbook/schema";
import { describe, expect, test } from "vitest";
import { applyChange } from "../state/changes";
import { approvalDefinition } from "../state/fixtures";
import { createFlowBuilder, type FlowInputs } from "./flow-elements";

const lookup = manifestLookup(builtinManifests);

function inputs(definition = approvalDefinition()): FlowInputs {
  return {
    definition,
    manifestOf: (type, version) => lookup.get(type, version),
    selection: { nodes: [], edges: [] },
    problemsByNode: new Map(),
    problemsByEdge: new Map(),
    measured: new Map(),
    locale: "zh-CN",
    direction: "TB",
    defaultLabel: "默认分支",
  };
}

describe("drawing the definition on the canvas", () => {
  test("moving one node rebuilds only that node, and keeps what its body shows", () => {
    const builder = createFlowBuilder();
    const first = inputs();
    const before = builder.nodes(first);
    const moved = applyChange(first.definition, {
      kind: "moveNodes",
      positions: { approve: { x: 250, y: 40 } },
    });
    const after = builder.nodes({ ...first, definition: moved });
    const index = before.findIndex((node) => node.id === "approve");
    after.forEach((node, i) => {
      if (i === index) expect(node).not.toBe(before[i]);
      else expect(node).toBe(before[i]);
    });
    expect(after[index]?.position).toEqual({ x: 250, y: 40 });
    expect(after[index]?.data).toBe(before[index]?.data);
  });

  test("an edge out of a decision knows it, so it can show its condition or default", () => {
    const edges = createFlowBuilder().edges(inputs());
    expect(edges.map((edge) => [edge.id, edge.data?.fromExclusiveGateway])).toEqual([
      ["e1", false],
      ["e2", false],
      ["e3", true],
      ["e4", true],
    ]);
  });
});
