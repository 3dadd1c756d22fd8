// Where things are on the canvas: the view that fits a drawing before anything is measured, and
// the visible area in flow coordinates, used to drop a clicked palette item in view and to bring a
// paste from elsewhere into view.
import type { ProcessDefinition } from "@playbook/schema";
import { getViewportForBounds, type ReactFlowInstance, type Viewport } from "@xyflow/react";
import type { XYPosition } from "../state/changes";
import { editorStore } from "../state/hooks";
import { fallbackPosition } from "./flow-elements";

type Flow = Pick<ReactFlowInstance, "screenToFlowPosition">;

function canvasBounds(): DOMRect | undefined {
  return document.querySelector(".react-flow")?.getBoundingClientRect();
}

/** A point a third into the visible canvas, where new things are easy to spot. */
export function landingPoint(flow: Flow): XYPosition | undefined {
  const bounds = canvasBounds();
  if (!bounds) return undefined;
  return flow.screenToFlowPosition({
    x: bounds.left + bounds.width / 3,
    y: bounds.top + bounds.height / 3,
  });
}

/** The landing point when `point` is outside the visible canvas, else undefined (stay put). */
export function landingIfOutOfView(flow: Flow, point: XYPosition): XYPosition | undefined {
  const bounds = canvasBounds();
  if (!bounds) return undefined;
  const topLeft = flow.screenToFlowPosition({ x: bounds.left, y: bounds.top });
  const bottomRight = flow.screenToFlowPosition({ x: bounds.right, y: bounds.bottom });
  const inView =
    point.x >= topLeft.x &&
    point.x <= bottomRight.x &&
    point.y >= topLeft.y &&
    point.y <= bottomRight.y;
  return inView ? undefined : landingPoint(flow);
}

/** Roughly a node card, for fitting the view before React Flow has measured the real ones. */
const APPROXIMATE_NODE = { width: 220, height: 64 };
export const FIT_PADDING = 0.2;

/**
 * The viewport that shows the whole drawing in a canvas of this size, from the stored positions
 * alone. Opening a large process at this zoom draws compact nodes from the first frame, instead
 * of full cards at 100 % that a fitView would immediately throw away.
 */
export function fittedViewport(
  definition: Pick<ProcessDefinition, "nodes" | "layout">,
  width: number,
  height: number,
  zoom: { min: number; max: number },
): Viewport {
  if (definition.nodes.length === 0 || width === 0 || height === 0) return { x: 0, y: 0, zoom: 1 };
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  definition.nodes.forEach((node, index) => {
    const { x, y } = definition.layout.nodes[node.id] ?? fallbackPosition(index);
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + APPROXIMATE_NODE.width);
    bottom = Math.max(bottom, y + APPROXIMATE_NODE.height);
  });
  return getViewportForBounds(
    { x: left, y: top, width: right - left, height: bottom - top },
    width,
    height,
    zoom.min,
    zoom.max,
    FIT_PADDING,
  );
}

/** Centres the view on the first selected node when it is outside the visible canvas. */
export function revealFirstSelected(
  flow: Pick<ReactFlowInstance, "screenToFlowPosition" | "setCenter" | "getZoom">,
): void {
  const id = editorStore.getState().selection.nodes[0];
  const position = id ? editorStore.getState().definition?.layout.nodes[id] : undefined;
  if (!position || !landingIfOutOfView(flow, position)) return;
  void flow.setCenter(
    position.x + APPROXIMATE_NODE.width / 2,
    position.y + APPROXIMATE_NODE.height / 2,
    {
      zoom: flow.getZoom(),
      duration: 250,
    },
  );
}
