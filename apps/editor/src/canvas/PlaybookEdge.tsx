// The canvas edge: an orthogonal path with an arrow, red while invalid; edges out of a decision
// carry a label — the condition, or "default" drawn apart (dashed, with the BPMN slash mark).
import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getSmoothStepPath,
  Position,
} from "@xyflow/react";
import { memo } from "react";
import { pickText } from "../components/locale";
import { editorStore } from "../state/hooks";
import { EDGE_COLORS, edgeLook, shortCondition } from "./edge-style";
import type { PlaybookFlowEdge } from "./flow-elements";

function PlaybookEdgeView(props: EdgeProps<PlaybookFlowEdge>) {
  const { id, data, selected = false, sourceX, sourceY, targetX, targetY } = props;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition: props.sourcePosition,
    targetPosition: props.targetPosition,
    borderRadius: 10,
  });
  if (!data) return <BaseEdge id={id} path={path} />;
  const look = edgeLook(data, selected);
  const color = EDGE_COLORS[look];
  const { edge, locale } = data;
  const named = pickText(edge.label, locale);
  const text =
    look === "default" || (data.fromExclusiveGateway && edge.isDefault)
      ? named || data.defaultLabel
      : edge.condition !== undefined
        ? named || shortCondition(edge.condition)
        : named;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#pb-arrow-${look})`}
        interactionWidth={16}
        style={{
          stroke: color,
          strokeWidth: selected || look === "invalid" ? 2.2 : 1.5,
          strokeDasharray: look === "default" ? "6 4" : undefined,
        }}
      />
      {look === "default" ? (
        <path
          d={
            props.sourcePosition === Position.Right
              ? `M ${sourceX + 8} ${sourceY + 6} L ${sourceX + 16} ${sourceY - 6}`
              : `M ${sourceX - 6} ${sourceY + 16} L ${sourceX + 6} ${sourceY + 8}`
          }
          stroke={color}
          strokeWidth={2}
        />
      ) : null}
      {text ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`pb-edge-label pb-edge-label--${look} nodrag nopan`}
            data-edge-id={id}
            title={edge.condition ?? text}
            onClick={() => editorStore.getState().select({ nodes: [], edges: [id] })}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {text}
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const PlaybookEdge = memo(PlaybookEdgeView);

/** Arrow heads for each look, drawn once per canvas (referenced by url(#pb-arrow-<look>)). */
export function EdgeMarkers() {
  return (
    <svg style={{ position: "absolute", width: 0, height: 0 }} aria-hidden="true">
      <defs>
        {Object.entries(EDGE_COLORS).map(([look, color]) => (
          <marker
            key={look}
            id={`pb-arrow-${look}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
