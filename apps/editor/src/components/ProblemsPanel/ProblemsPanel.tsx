// All problems of the definition: errors first, each with its severity icon, the message in the
// reader's language and where it is; clicking one hands it to the app to select and focus.
import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from "@ant-design/icons";
import type { LocalizedText, Problem, ProcessEdge, ProcessNode } from "@playbook/schema";
import { Tag, Typography } from "antd";
import { useMemo } from "react";
import { type Locale, pickText, useComponentsText } from "../locale";
import { countProblems, sortProblems } from "./order";
import "./ProblemsPanel.css";

export interface ProblemsPanelProps {
  problems: readonly Problem[];
  /** For ordering (flow order) and for naming the node a problem belongs to. */
  nodes: readonly ProcessNode[];
  /** For naming connections: by label, else by the nodes they join. */
  edges?: readonly ProcessEdge[] | undefined;
  /** A node type's title, for nodes without a label (as the canvas names them). */
  typeTitle?: ((node: ProcessNode) => LocalizedText | undefined) | undefined;
  onSelect(problem: Problem): void;
  locale?: Locale | undefined;
}

export function ProblemsPanel({
  problems,
  nodes,
  edges = [],
  typeTitle,
  onSelect,
  locale,
}: ProblemsPanelProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const sorted = useMemo(() => sortProblems(problems, nodes), [problems, nodes]);
  const counts = countProblems(problems);
  const nodeNames = useMemo(
    () =>
      new Map(
        nodes.map((node) => {
          const title = typeTitle?.(node);
          return [node.id, pickText(node.label, lang, title ? pickText(title, lang) : node.id)];
        }),
      ),
    [nodes, lang, typeTitle],
  );
  const edgeNames = useMemo(
    () =>
      new Map(
        edges.map((edge) => {
          const ends = `${nodeNames.get(edge.source) ?? edge.source} → ${nodeNames.get(edge.target) ?? edge.target}`;
          return [edge.id, pickText(edge.label, lang, ends)];
        }),
      ),
    [edges, lang, nodeNames],
  );

  const where = (problem: Problem): string => {
    if (problem.nodeId !== undefined) {
      return t("problems.where.node", { name: nodeNames.get(problem.nodeId) ?? problem.nodeId });
    }
    if (problem.edgeId !== undefined) {
      return t("problems.where.edge", { name: edgeNames.get(problem.edgeId) ?? problem.edgeId });
    }
    return t("problems.where.definition");
  };

  return (
    <section
      aria-label={t("problems.title")}
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
    >
      <header style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("problems.title")}
        </Typography.Title>
        {counts.errors > 0 && (
          <Tag color="error" icon={<CloseCircleFilled />} style={{ marginInlineEnd: 0 }}>
            {t("problems.errors", { count: counts.errors })}
          </Tag>
        )}
        {counts.warnings > 0 && (
          <Tag color="warning" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }}>
            {t("problems.warnings", { count: counts.warnings })}
          </Tag>
        )}
      </header>

      {sorted.length === 0 ? (
        <div style={{ display: "flex", alignItems: "center", gap: 10, padding: "16px 4px" }}>
          <CheckCircleFilled style={{ color: "#52c41a", fontSize: 22 }} />
          <div>
            <div style={{ fontWeight: 500 }}>{t("problems.none")}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("problems.noneHint")}
            </Typography.Text>
          </div>
        </div>
      ) : (
        <>
          {counts.errors > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("problems.blocking")}
            </Typography.Text>
          )}
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {sorted.map((problem, index) => (
              <ProblemItem
                // Problems have no id; the same code may repeat at different places.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={`${index}:${problem.code}`}
                problem={problem}
                message={pickText(problem.message, lang)}
                where={where(problem)}
                severityLabel={t(`problems.${problem.severity}`)}
                onSelect={onSelect}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface ProblemItemProps {
  problem: Problem;
  message: string;
  where: string;
  severityLabel: string;
  onSelect(problem: Problem): void;
}

function ProblemItem({ problem, message, where, severityLabel, onSelect }: ProblemItemProps) {
  const isError = problem.severity === "error";
  return (
    <li>
      <button
        type="button"
        className="playbook-problem-item"
        data-severity={problem.severity}
        onClick={() => onSelect(problem)}
        style={{
          display: "flex",
          gap: 8,
          width: "100%",
          padding: "8px 8px",
          border: "none",
          borderRadius: 6,
          background: "none",
          textAlign: "start",
          font: "inherit",
          color: "inherit",
        }}
      >
        <span aria-label={severityLabel} role="img" style={{ flex: "none", lineHeight: "20px" }}>
          {isError ? (
            <CloseCircleFilled style={{ color: "#ff4d4f" }} />
          ) : (
            <WarningFilled style={{ color: "#faad14" }} />
          )}
        </span>
        <span style={{ minWidth: 0 }}>
          <span
            style={{ display: "block", fontSize: 13, lineHeight: "20px", overflowWrap: "anywhere" }}
          >
            {message}
          </span>
          <span style={{ display: "block", fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{where}</span>
        </span>
      </button>
    </li>
  );
}
