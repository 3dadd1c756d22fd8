// Auto-layout: a top-down layered drawing (ELK), loaded only when first asked for so the
// editor's first paint does not pay for it. Returns positions; the caller applies them as one
// undoable change.
import type { ProcessDefinition } from "@playbook/schema";
import type { XYPosition } from "../state/changes";

export interface NodeSize {
  width: number;
  height: number;
}

const DEFAULT_SIZE: NodeSize = { width: 200, height: 72 };

export async function autoLayout(
  definition: Pick<ProcessDefinition, "nodes" | "edges">,
  sizes: ReadonlyMap<string, NodeSize>,
): Promise<Record<string, XYPosition>> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  const nodeIds = new Set(definition.nodes.map((node) => node.id));
  const layout = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.layered.spacing.nodeNodeBetweenLayers": "70",
      "elk.spacing.nodeNode": "60",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: definition.nodes.map((node) => ({
      id: node.id,
      ...(sizes.get(node.id) ?? DEFAULT_SIZE),
    })),
    edges: definition.edges
      .filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const positions: Record<string, XYPosition> = {};
  for (const child of layout.children ?? []) {
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  }
  return positions;
}
