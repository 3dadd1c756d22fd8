// What a node looks like when zoomed far out (a whole large process in view): a plain box with
// the category colour and the label. Icons, badges and tooltips cannot be read at that size, and
// drawing a thousand of them makes the overview slow to open and to pan.
import type { NodeManifest } from "@playbook/schema";
import { NODE_CARD_WIDTH } from "../components/NodeCard/NodeCard";
import { CATEGORY_COLOR, UNKNOWN_COLOR } from "../components/nodeVisuals";

/** Below this zoom the canvas draws compact nodes. */
export const COMPACT_ZOOM = 0.45;

const BORDER = { default: "#d9d9d9", selected: "#1677ff", invalid: "#ff4d4f" } as const;

export interface CompactNodeBodyProps {
  manifest: NodeManifest | undefined;
  label: string;
  status: keyof typeof BORDER;
}

export function CompactNodeBody({ manifest, label, status }: CompactNodeBodyProps) {
  const color = manifest ? CATEGORY_COLOR[manifest.category] : UNKNOWN_COLOR;
  return (
    <div
      className="pb-node-compact"
      data-status={status}
      style={{
        width: NODE_CARD_WIDTH,
        borderColor: BORDER[status],
        borderLeftColor: color,
        background: status === "invalid" ? "#fff2f0" : "#fff",
      }}
    >
      {label}
    </div>
  );
}
