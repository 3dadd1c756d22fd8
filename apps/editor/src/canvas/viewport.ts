// Where things land on the canvas: the visible area in flow coordinates, used to drop a clicked
// palette item in view and to bring a paste from elsewhere into view.
import type { ReactFlowInstance } from "@xyflow/react";
import type { XYPosition } from "../state/changes";

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
