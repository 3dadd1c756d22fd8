// What React Flow reports (NodeChange/EdgeChange) turned into editor terms: positions to move,
// selection toggles, measured sizes. React Flow only draws; these become typed changes.
import type { EdgeChange, NodeChange } from "@xyflow/react";
import type { XYPosition } from "../state/changes";

export interface NodeChangeSummary {
  positions: Record<string, XYPosition>;
  /** Node id → selected or not, for the nodes whose selection changed. */
  toggled: Map<string, boolean>;
  /** True when a node's measured size changed (recorded into `measured`). */
  resized: boolean;
}

export function summarizeNodeChanges(
  changes: readonly NodeChange[],
  measured: Map<string, { width: number; height: number }>,
): NodeChangeSummary {
  const positions: Record<string, XYPosition> = {};
  const toggled = new Map<string, boolean>();
  let resized = false;
  for (const change of changes) {
    if (change.type === "position" && change.position) {
      positions[change.id] = change.position;
    } else if (change.type === "select") {
      toggled.set(change.id, change.selected);
    } else if (change.type === "dimensions" && change.dimensions) {
      const old = measured.get(change.id);
      if (old?.width !== change.dimensions.width || old?.height !== change.dimensions.height) {
        measured.set(change.id, change.dimensions);
        resized = true;
      }
    }
  }
  return { positions, toggled, resized };
}

export function edgeToggles(changes: readonly EdgeChange[]): Map<string, boolean> {
  const toggled = new Map<string, boolean>();
  for (const change of changes) {
    if (change.type === "select") toggled.set(change.id, change.selected);
  }
  return toggled;
}

/** The selected ids after toggles: deselected ones leave, newly selected ones join at the end. */
export function toggledSelection(
  current: readonly string[],
  toggled: ReadonlyMap<string, boolean>,
): string[] {
  const kept = current.filter((id) => toggled.get(id) !== false);
  const added = [...toggled].filter(([id, on]) => on && !kept.includes(id)).map(([id]) => id);
  return [...kept, ...added];
}
