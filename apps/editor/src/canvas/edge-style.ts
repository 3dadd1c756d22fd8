// How an edge looks from its state: red while it has an error, blue when selected, and the
// default branch of a decision marked apart from conditional ones.
import type { PlaybookEdgeData } from "./flow-elements";

export type EdgeLook = "invalid" | "selected" | "default" | "conditional" | "plain";

export const EDGE_COLORS: Record<EdgeLook, string> = {
  invalid: "#ff4d4f",
  selected: "#1677ff",
  default: "#8c8c8c",
  conditional: "#8c8c8c",
  plain: "#8c8c8c",
};

export function edgeLook(data: PlaybookEdgeData, selected: boolean): EdgeLook {
  if (data.problems.some((problem) => problem.severity === "error")) return "invalid";
  if (selected) return "selected";
  if (data.fromExclusiveGateway && data.edge.isDefault) return "default";
  if (data.edge.condition !== undefined) return "conditional";
  return "plain";
}

/** A condition shortened for the canvas; the full text is in the side panel and tooltip. */
export function shortCondition(condition: string, max = 32): string {
  const flat = condition.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
