// Copy/paste of a canvas selection as JSON text, so it travels between definitions and browser
// tabs through the system clipboard. Pasting renames every id (the target may already use them),
// offsets positions so the copy does not hide the original, and brings along the variable
// declarations the pasted nodes and conditions mention.
import {
  type ProcessDefinition,
  ProcessEdge,
  ProcessNode,
  VariableDeclaration,
} from "@playbook/schema";
import type { XYPosition } from "../state/changes";
import { freshId, idPrefixForType, usedIds } from "../state/ids";
import type { Selection } from "../state/store";

export const CLIPBOARD_FORMAT = "playbook.selection";

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  nodes: ProcessNode[];
  /** Only edges whose both ends were copied. */
  edges: ProcessEdge[];
  positions: Record<string, XYPosition>;
  variables: VariableDeclaration[];
}

export interface PastedElements {
  nodes: ProcessNode[];
  edges: ProcessEdge[];
  positions: Record<string, XYPosition>;
  variables: VariableDeclaration[];
}

export function copySelection(
  definition: ProcessDefinition,
  selection: Selection,
): ClipboardPayload | null {
  const ids = new Set(selection.nodes);
  const nodes = definition.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return null;
  const edges = definition.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  const positions: Record<string, XYPosition> = {};
  for (const node of nodes) {
    const position = definition.layout.nodes[node.id];
    if (position) positions[node.id] = position;
  }
  const text = JSON.stringify([nodes, edges]);
  const variables = definition.variables.filter((variable) => mentions(text, variable.name));
  return { format: CLIPBOARD_FORMAT, version: 1, nodes, edges, positions, variables };
}

/** A variable is carried along when its name appears as a whole word in the copied elements. */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "u").test(text);
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** The payload in clipboard text, or null when the text is something else (plain text, etc.). */
export function parseClipboard(text: string): ClipboardPayload | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const candidate = raw as Record<string, unknown>;
  if (candidate.format !== CLIPBOARD_FORMAT || candidate.version !== 1) return null;
  const nodes = ProcessNode.array().safeParse(candidate.nodes);
  const edges = ProcessEdge.array().safeParse(candidate.edges ?? []);
  const variables = VariableDeclaration.array().safeParse(candidate.variables ?? []);
  if (!nodes.success || !edges.success || !variables.success) return null;
  return {
    format: CLIPBOARD_FORMAT,
    version: 1,
    nodes: nodes.data,
    edges: edges.data,
    positions: positionsOf(candidate.positions),
    variables: variables.data,
  };
}

function positionsOf(value: unknown): Record<string, XYPosition> {
  const positions: Record<string, XYPosition> = {};
  if (typeof value !== "object" || value === null) return positions;
  for (const [id, position] of Object.entries(value)) {
    const { x, y } = (position ?? {}) as Partial<XYPosition>;
    if (typeof x === "number" && typeof y === "number") positions[id] = { x, y };
  }
  return positions;
}

/** The payload's elements with ids fresh for `target`, moved by `offset`. */
export function pastedElements(
  target: Pick<ProcessDefinition, "nodes" | "edges">,
  payload: ClipboardPayload,
  offset: XYPosition,
): PastedElements {
  const taken = usedIds(target);
  const renamed = new Map<string, string>();
  const nodes = payload.nodes.map((node) => {
    const id = freshId(idPrefixForType(node.type), taken);
    renamed.set(node.id, id);
    return { ...node, id };
  });
  const edges = payload.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const targetId = renamed.get(edge.target);
    if (!source || !targetId) return [];
    return [{ ...edge, id: freshId("edge", taken), source, target: targetId }];
  });
  const positions: Record<string, XYPosition> = {};
  payload.nodes.forEach((node, index) => {
    const id = renamed.get(node.id) as string;
    const from = payload.positions[node.id] ?? { x: index * 40, y: index * 40 };
    positions[id] = { x: from.x + offset.x, y: from.y + offset.y };
  });
  return { nodes, edges, positions, variables: payload.variables };
}
