// The line drawn while the user drags a new connection. Over a node that refuses it, the line
// turns red and says why ("nothing can lead into a start"), instead of silently not snapping.
import { type ConnectionLineComponentProps, getSmoothStepPath } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { useConnectionRules } from "./connection-context";
import type { PlaybookFlowNode } from "./flow-elements";

export function ConnectionLine(props: ConnectionLineComponentProps<PlaybookFlowNode>) {
  const { t } = useTranslation("app");
  const rules = useConnectionRules();
  const { fromX, fromY, toX, toY, fromPosition, toPosition, fromNode, fromHandle, toNode } = props;
  const [path] = getSmoothStepPath({
    sourceX: fromX,
    sourceY: fromY,
    sourcePosition: fromPosition,
    targetX: toX,
    targetY: toY,
    targetPosition: toPosition,
    borderRadius: 10,
  });
  const verdict =
    toNode && props.connectionStatus === "invalid"
      ? rules.check(
          fromHandle.type === "source"
            ? { source: fromNode.id, sourceHandle: fromHandle.id, target: toNode.id }
            : { source: toNode.id, sourceHandle: props.toHandle?.id, target: fromNode.id },
        )
      : undefined;
  const refused = verdict !== undefined && !verdict.ok;
  return (
    <g>
      <path
        d={path}
        fill="none"
        stroke={refused ? "#ff4d4f" : "#1677ff"}
        strokeWidth={2}
        strokeDasharray={refused ? "5 4" : undefined}
      />
      {refused ? (
        <foreignObject
          x={toX + 12}
          y={toY + 10}
          width={260}
          height={48}
          style={{ overflow: "visible" }}
        >
          <div className="pb-connection-refusal" role="alert">
            {t(`canvas.connect.${verdict.reason}`)}
          </div>
        </foreignObject>
      ) : null}
    </g>
  );
}
