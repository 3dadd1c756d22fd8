// Canvas commands shared by shortcuts, the toolbar and the context of the editor page: delete,
// select all, copy, paste. Each is one typed change (one undo step) on the editor store.
import type { XYPosition } from "../state/changes";
import type { EditorStore } from "../state/store";
import {
  type ClipboardPayload,
  copySelection,
  parseClipboard,
  pastedElements,
  serializeClipboard,
} from "./clipboard";

export const PASTE_OFFSET = 40;

export function deleteSelection(store: EditorStore): boolean {
  const { selection } = store.getState();
  if (selection.nodes.length === 0 && selection.edges.length === 0) return false;
  store.getState().apply({
    kind: "removeElements",
    nodeIds: selection.nodes,
    edgeIds: selection.edges,
  });
  store.getState().select({ nodes: [], edges: [] });
  return true;
}

export function selectAll(store: EditorStore): void {
  const definition = store.getState().definition;
  if (!definition) return;
  store.getState().select({
    nodes: definition.nodes.map((node) => node.id),
    edges: definition.edges.map((edge) => edge.id),
  });
}

/** The selection as clipboard text, or undefined when no node is selected. */
export function copyText(store: EditorStore): string | undefined {
  const { definition, selection } = store.getState();
  if (!definition) return undefined;
  const payload = copySelection(definition, selection);
  return payload ? serializeClipboard(payload) : undefined;
}

/**
 * Pastes clipboard text if it is a copied selection; the pasted nodes become the selection.
 * Pasting the same text again moves further down-right, so copies do not stack exactly.
 */
export function createPaster(
  store: EditorStore,
  /** Where the copy's top-left corner should land when its original place is out of view. */
  placeOutOfView?: (topLeft: XYPosition) => XYPosition | undefined,
) {
  let last: { text: string; times: number } | undefined;
  return function paste(text: string): boolean {
    const payload: ClipboardPayload | null = parseClipboard(text);
    const definition = store.getState().definition;
    if (!payload || !definition) return false;
    last = last?.text === text ? { text, times: last.times + 1 } : { text, times: 1 };
    const shift = PASTE_OFFSET * last.times;
    const topLeft = topLeftOf(payload);
    const landing = placeOutOfView?.(topLeft);
    const offset = landing
      ? {
          x: landing.x - topLeft.x + shift - PASTE_OFFSET,
          y: landing.y - topLeft.y + shift - PASTE_OFFSET,
        }
      : { x: shift, y: shift };
    const pasted = pastedElements(
      definition,
      payload,
      clearOffset(definition.layout.nodes, Object.values(payload.positions), offset),
    );
    store.getState().apply({ kind: "addElements", ...pasted });
    store
      .getState()
      .select({ nodes: pasted.nodes.map((node) => node.id), edges: pasted.edges.map((e) => e.id) });
    return true;
  };
}

/** Roughly a node card on the canvas; enough to tell whether two nodes would cover each other. */
const NODE_BOX = { width: 220, height: 64 };

/**
 * The offset, moved further right until no pasted node would cover an existing one: a copy
 * pasted on top of its neighbours is hard to see and to grab. Sideways, because drawings run
 * top-down and the free room is beside them.
 */
export function clearOffset(
  existing: Record<string, XYPosition>,
  pasted: readonly XYPosition[],
  start: XYPosition,
  maxTries = 30,
): XYPosition {
  const occupied = Object.values(existing);
  const covers = (a: XYPosition, b: XYPosition) =>
    Math.abs(a.x - b.x) < NODE_BOX.width && Math.abs(a.y - b.y) < NODE_BOX.height;
  let offset = start;
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const clash = pasted.some((point) =>
      occupied.some((other) => covers({ x: point.x + offset.x, y: point.y + offset.y }, other)),
    );
    if (!clash) return offset;
    offset = { x: offset.x + PASTE_OFFSET, y: offset.y };
  }
  return offset;
}

function topLeftOf(payload: ClipboardPayload): XYPosition {
  const points = Object.values(payload.positions);
  if (points.length === 0) return { x: 0, y: 0 };
  return {
    x: Math.min(...points.map((point) => point.x)),
    y: Math.min(...points.map((point) => point.y)),
  };
}
