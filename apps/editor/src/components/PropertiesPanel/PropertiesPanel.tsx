// The properties of the selected node: what it is, its bilingual label, and its settings as a
// form generated from the node type's config schema — so a node type added by a developer gets
// a form with no editor change. Problems not tied to one setting are listed on top.
import type {
  NodeManifest,
  PartialLocalizedText,
  Problem,
  ProcessNode,
  VariableDeclaration,
} from "@playbook/schema";
import { Alert, Divider, Typography } from "antd";
import { type Locale, pickText, useComponentsText } from "../locale";
import { CATEGORY_COLOR, iconFor, UNKNOWN_COLOR } from "../nodeVisuals";
import { ProblemList } from "../ProblemList";
import { LabelInput } from "../widgets/LabelInput";
import { ConfigForm } from "./ConfigForm";

export interface NodePatch {
  label?: PartialLocalizedText;
  config?: Record<string, unknown>;
}

export interface PropertiesPanelProps {
  node: ProcessNode;
  /** Undefined when the node's type is not installed: label editable, settings read-only. */
  manifest: NodeManifest | undefined;
  variables: readonly VariableDeclaration[];
  /** This node's problems (e.g. useValidation().byNode.get(node.id)). */
  problems: readonly Problem[];
  onChange(patch: NodePatch): void;
  locale?: Locale | undefined;
}

export function PropertiesPanel({
  node,
  manifest,
  variables,
  problems,
  onChange,
  locale,
}: PropertiesPanelProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const Icon = iconFor(manifest?.icon);
  const color = manifest ? CATEGORY_COLOR[manifest.category] : UNKNOWN_COLOR;
  const title = manifest ? pickText(manifest.title, lang, manifest.type) : node.type;
  const description = manifest ? pickText(manifest.description, lang) : "";
  const properties = manifest?.configSchema.properties;
  const hasSettings =
    typeof properties === "object" && properties !== null && Object.keys(properties).length > 0;
  // Problems the form shows on its fields are not repeated in the summary.
  const general = problems.filter((problem) => !problem.field?.startsWith("config."));

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <header style={{ display: "flex", gap: 10, alignItems: "flex-start" }}>
        <span
          aria-hidden
          style={{
            flex: "none",
            display: "grid",
            placeItems: "center",
            width: 36,
            height: 36,
            borderRadius: 9,
            background: `${color}1a`,
            color,
            fontSize: 18,
          }}
        >
          <Icon />
        </span>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: node.id }}>
            {t("properties.panel.nodeId", { id: node.id })}
          </Typography.Text>
          {description && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "4px 0 0" }}>
              {description}
            </Typography.Paragraph>
          )}
        </div>
      </header>

      <ProblemList problems={general} heading={t("properties.panel.otherProblems")} locale={lang} />

      <section>
        <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
          {t("properties.panel.name")}
        </Typography.Text>
        <LabelInput
          value={node.label}
          placeholder={manifest?.title}
          locale={lang}
          onChange={(label) => onChange({ label })}
        />
      </section>

      <Divider titlePlacement="start" style={{ margin: "4px 0" }}>
        {t("properties.panel.settings")}
      </Divider>

      {!manifest ? (
        <Alert
          type="warning"
          showIcon
          title={t("properties.panel.unknownType", { type: node.type, version: node.typeVersion })}
        />
      ) : hasSettings ? (
        <ConfigForm
          // A new node must not inherit the form state of the previous one.
          key={node.id}
          manifest={manifest}
          config={node.config}
          variables={variables}
          problems={problems}
          locale={lang}
          onChange={(config) => onChange({ config })}
        />
      ) : (
        <Typography.Text type="secondary">{t("properties.panel.noSettings")}</Typography.Text>
      )}
    </div>
  );
}
