// Which way a drawing flows: top-down (our default, like the approval designers business users
// know) or left-to-right (how many imported and hand-written definitions are laid out). Read
// from the layout itself so handles sit where the edges actually run: edges that branch go
// sideways both ways and cancel out, while the direction of progress adds up.
import type { ProcessDefinition } from "@playbook/schema";
import { Position } from "@xyflow/react";

export type FlowDirection = "TB" | "LR";

export function flowDirection(
  definition: Pick<ProcessDefinition, "edges" | "layout">,
): FlowDirection {
  let across = 0;
  let down = 0;
  for (const edge of definition.edges) {
    const from = definition.layout.nodes[edge.source];
    const to = definition.layout.nodes[edge.target];
    if (!from || !to) continue;
    across += to.x - from.x;
    down += to.y - from.y;
  }
  return Math.abs(across) > Math.abs(down) ? "LR" : "TB";
}

export function handlePositions(direction: FlowDirection): { input: Position; output: Position } {
  return direction === "LR"
    ? { input: Position.Left, output: Position.Right }
    : { input: Position.Top, output: Position.Bottom };
}
