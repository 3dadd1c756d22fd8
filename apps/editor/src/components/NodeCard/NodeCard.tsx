// The visual body of a node on the canvas: icon, label, type title, a badge when the node waits
// (for a person or for time/events), and its state — selected, invalid (red marker whose tooltip
// shows the first problem), running or completed. The canvas wrapper adds the handles.
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  ExclamationCircleFilled,
  SyncOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { NodeManifest, Problem } from "@playbook/schema";
import { Tag, Tooltip } from "antd";
import type { CSSProperties } from "react";
import { type Locale, pickText, useComponentsText } from "../locale";
import { CATEGORY_COLOR, iconFor, UNKNOWN_COLOR } from "../nodeVisuals";
import "./NodeCard.css";

export type NodeStatus = "default" | "selected" | "invalid" | "running" | "completed";

export interface NodeCardProps {
  /** Undefined when the node's type is not installed; the card then says so. */
  manifest?: NodeManifest | undefined;
  /** The node's label in the reader's language; the type title is shown when it is blank. */
  label: string;
  status: NodeStatus;
  /** The node's problems; errors show the red marker whatever the status (a selected node too). */
  problems?: readonly Problem[] | undefined;
  /** Defaults to the UI language. */
  locale?: Locale | undefined;
}

export const NODE_CARD_WIDTH = 220;

const FRAME: Record<NodeStatus, CSSProperties> = {
  default: { borderColor: "#d9d9d9", background: "#fff" },
  selected: {
    borderColor: "#1677ff",
    background: "#fff",
    boxShadow: "0 0 0 3px rgba(22, 119, 255, 0.25)",
  },
  invalid: { borderColor: "#ff4d4f", background: "#fff2f0" },
  running: { borderColor: "#1677ff", borderStyle: "dashed", background: "#f0f7ff" },
  completed: { borderColor: "#52c41a", background: "#f6ffed" },
};

export function NodeCard({ manifest, label, status, problems = [], locale }: NodeCardProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const typeTitle = manifest
    ? pickText(manifest.title, lang, manifest.type)
    : t("nodeCard.unknownType");
  const shownLabel = label.trim() || typeTitle;
  const color = manifest ? CATEGORY_COLOR[manifest.category] : UNKNOWN_COLOR;
  const Icon = iconFor(manifest?.icon);
  const errors = problems.filter((problem) => problem.severity === "error");

  return (
    <div
      className={status === "running" ? "playbook-node-card--running" : undefined}
      data-status={status}
      style={{
        position: "relative",
        width: NODE_CARD_WIDTH,
        minHeight: 60,
        boxSizing: "border-box",
        display: "flex",
        alignItems: "center",
        gap: 10,
        padding: "10px 12px 10px 14px",
        borderWidth: status === "default" ? 1 : 2,
        borderStyle: "solid",
        borderRadius: 10,
        fontSize: 13,
        lineHeight: 1.4,
        ...FRAME[status],
        // The category stripe stays whatever the state colours the rest of the border.
        borderLeftWidth: 5,
        borderLeftStyle: "solid",
        borderLeftColor: color,
      }}
    >
      <span
        aria-hidden
        style={{
          flex: "none",
          display: "grid",
          placeItems: "center",
          width: 32,
          height: 32,
          borderRadius: 8,
          background: `${color}1a`,
          color,
          fontSize: 17,
        }}
      >
        <Icon />
      </span>
      <div style={{ minWidth: 0, flex: 1 }}>
        <div style={{ display: "flex", alignItems: "flex-start", gap: 6 }}>
          <div
            title={shownLabel}
            style={{
              flex: 1,
              minWidth: 0,
              fontWeight: 600,
              color: "rgba(0, 0, 0, 0.88)",
              overflow: "hidden",
              display: "-webkit-box",
              WebkitLineClamp: 2,
              WebkitBoxOrient: "vertical",
              overflowWrap: "anywhere",
            }}
          >
            {shownLabel}
          </div>
          {manifest && manifest.kind !== "automatic" && <KindBadge kind={manifest.kind} t={t} />}
        </div>
        {shownLabel !== typeTitle && (
          <div
            style={{
              color: "rgba(0, 0, 0, 0.5)",
              fontSize: 12,
              overflow: "hidden",
              textOverflow: "ellipsis",
              whiteSpace: "nowrap",
            }}
          >
            {typeTitle}
          </div>
        )}
        <StatusLine status={status} t={t} />
      </div>
      {errors.length > 0 && <ProblemMarker errors={errors} locale={lang} t={t} />}
    </div>
  );
}

type T = ReturnType<typeof useComponentsText>["t"];

function KindBadge({ kind, t }: { kind: "human" | "waiting"; t: T }) {
  return (
    <Tooltip title={t(`nodeCard.kindHint.${kind}`)}>
      <Tag
        color={kind === "human" ? "blue" : "orange"}
        icon={kind === "human" ? <UserOutlined /> : <ClockCircleOutlined />}
        style={{
          flex: "none",
          marginInlineEnd: 0,
          fontSize: 11,
          lineHeight: "18px",
          paddingInline: 5,
        }}
      >
        {t(`nodeCard.kind.${kind}`)}
      </Tag>
    </Tooltip>
  );
}

function StatusLine({ status, t }: { status: NodeStatus; t: T }) {
  if (status === "running") {
    return (
      <div style={{ color: "#1677ff", fontSize: 12, marginTop: 2 }}>
        <SyncOutlined spin /> {t("nodeCard.status.running")}
      </div>
    );
  }
  if (status === "completed") {
    return (
      <div style={{ color: "#389e0d", fontSize: 12, marginTop: 2 }}>
        <CheckCircleFilled /> {t("nodeCard.status.completed")}
      </div>
    );
  }
  return null;
}

function ProblemMarker({ errors, locale, t }: { errors: Problem[]; locale: Locale; t: T }) {
  const [first] = errors;
  if (!first) return null;
  const more = errors.length - 1;
  const title = (
    <div style={{ maxWidth: 280 }}>
      <div>{pickText(first.message, locale)}</div>
      {more > 0 && (
        <div style={{ opacity: 0.75, marginTop: 4 }}>
          {t("nodeCard.moreProblems", { count: more })}
        </div>
      )}
    </div>
  );
  return (
    <Tooltip title={title} color="#cf1322">
      <span
        role="img"
        data-problem-marker
        aria-label={pickText(first.message, locale)}
        style={{
          position: "absolute",
          top: -9,
          right: -9,
          display: "grid",
          placeItems: "center",
          width: 20,
          height: 20,
          borderRadius: "50%",
          background: "#fff",
          color: "#ff4d4f",
          fontSize: 20,
          lineHeight: 1,
          cursor: "help",
        }}
      >
        <ExclamationCircleFilled />
      </span>
    </Tooltip>
  );
}
