// Which way a drawing flows: top-down (our default, like the approval designers business users
// know) or left-to-right (how many imported and hand-written definitions are laid out). Read
// from the layout itself — most edges going sideways means left-to-right — so handles sit where
// the edges actually run.
import type { ProcessDefinition } from "@playbook/schema";
import { Position } from "@xyflow/react";

export type FlowDirection = "TB" | "LR";

export function flowDirection(definition: Pick<ProcessDefinition, "edges" | "layout">): FlowDirection {
  let sideways = 0;
  let downwards = 0;
  for (const edge of definition.edges) {
    const from = definition.layout.nodes[edge.source];
    const to = definition.layout.nodes[edge.target];
    if (!from || !to) continue;
    if (Math.abs(to.x - from.x) > Math.abs(to.y - from.y)) sideways++;
    else downwards++;
  }
  return sideways > downwards ? "LR" : "TB";
}

export function handlePositions(direction: FlowDirection): { input: Position; output: Position } {
  return direction === "LR"
    ? { input: Position.Left, output: Position.Right }
    : { input: Position.Top, output: Position.Bottom };
}
