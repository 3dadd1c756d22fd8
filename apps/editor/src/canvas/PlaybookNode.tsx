// The canvas node: B's NodeCard for the body, plus React Flow handles for the node type's ports
// (input before, outputs after, along the drawing's direction; extra outputs such as "on error"
// labelled).
import type { PortSpec } from "@playbook/schema";
import { Handle, type NodeProps, useStore, useUpdateNodeInternals } from "@xyflow/react";
import { memo, useEffect, useRef } from "react";
import { pickText } from "../components/locale";
import { NodeCard } from "../components/NodeCard/NodeCard";
import { COMPACT_ZOOM, CompactNodeBody } from "./CompactNodeBody";
import { NO_INPUT_HANDLE } from "./connection-rules";
import { handlePositions } from "./direction";
import type { PlaybookFlowNode } from "./flow-elements";

const DEFAULT_OUT: PortSpec[] = [{ id: "out", multiple: true }];
const DEFAULT_IN: PortSpec[] = [{ id: "in", multiple: true }];
const isZoomedOut = (state: { transform: [number, number, number] }) =>
  state.transform[2] < COMPACT_ZOOM;

function PlaybookNodeView({ id, data, selected }: NodeProps<PlaybookFlowNode>) {
  const { node, manifest, problems, locale, direction } = data;
  const sides = handlePositions(direction);
  const along = direction === "LR" ? "top" : "left";
  const inPorts = manifest ? manifest.ports.in : DEFAULT_IN;
  const outPorts = manifest ? manifest.ports.out : DEFAULT_OUT;
  // A boolean selector: nodes re-render when the zoom crosses the threshold, not on every zoom step.
  const compact = useStore(isZoomedOut);
  const updateNodeInternals = useUpdateNodeInternals();
  const portSignature = `${direction}|${inPorts.length}|${outPorts.map((port) => port.id).join(",")}`;
  // Handles moved (direction flipped, ports changed): React Flow must measure them again. Not on
  // mount — React Flow measures new nodes itself, and an extra update then delays fitView.
  const measuredSignature = useRef(portSignature);
  useEffect(() => {
    if (measuredSignature.current === portSignature) return;
    measuredSignature.current = portSignature;
    updateNodeInternals(id);
  }, [id, portSignature, updateNodeInternals]);
  const hasError = problems.some((problem) => problem.severity === "error");
  const status = hasError ? "invalid" : selected ? "selected" : "default";
  const label = pickText(
    node.label,
    locale,
    manifest ? pickText(manifest.title, locale) : node.type,
  );

  return (
    <div className="pb-node" data-node-id={node.id} data-status={status}>
      {inPorts.length > 0 ? (
        <Handle
          type="target"
          position={sides.input}
          id={inPorts[0]?.id ?? "in"}
          className="pb-handle"
        />
      ) : (
        // Starts take no input; this invisible handle lets a drop on them be refused with a reason.
        <Handle
          type="target"
          position={sides.input}
          id={NO_INPUT_HANDLE}
          className={`pb-handle pb-handle--none pb-handle--none-${direction}`}
        />
      )}
      {compact ? (
        <CompactNodeBody manifest={manifest} label={label} status={status} />
      ) : (
        <NodeCard
          manifest={manifest}
          label={label}
          status={status}
          problems={problems}
          locale={locale}
        />
      )}
      {outPorts.map((port, index) => (
        <Handle
          key={port.id}
          type="source"
          position={sides.output}
          id={port.id}
          className={`pb-handle pb-handle--out pb-port-${port.id}`}
          style={{ [along]: `${((index + 1) / (outPorts.length + 1)) * 100}%` }}
        >
          {outPorts.length > 1 && index > 0 ? (
            <span className={`pb-port-label pb-port-label--${direction}`}>
              {pickText(port.label, locale, port.id)}
            </span>
          ) : null}
        </Handle>
      ))}
    </div>
  );
}

export const PlaybookNode = memo(PlaybookNodeView);
