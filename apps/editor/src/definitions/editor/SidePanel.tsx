// The right-hand panel: the selected node's properties, the selected connection's condition, or —
// with nothing selected — the process's name and its variables.
import type {
  Locale,
  NodeManifest,
  Problem,
  ProcessDefinition,
  ProcessNode,
} from "@playbook/schema";
import { App, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ManifestOf } from "../../canvas/connection-rules";
import { useLocale } from "../../canvas/use-locale";
import { EdgeConditionEditor } from "../../components/EdgeConditionEditor/EdgeConditionEditor";
import { pickText } from "../../components/locale";
import { PropertiesPanel } from "../../components/PropertiesPanel/PropertiesPanel";
import { VariablesPanel } from "../../components/VariablesPanel/VariablesPanel";
import { editorStore, useEditor } from "../../state/hooks";
import { planVariableRename, type VariableRename } from "../../state/rename-variable";
import { DefinitionDetails } from "./DefinitionDetails";

const NONE: Problem[] = [];

export interface SidePanelProps {
  definition: ProcessDefinition;
  manifestOf: ManifestOf;
  byNode: ReadonlyMap<string, Problem[]>;
  byEdge: ReadonlyMap<string, Problem[]>;
}

export function SidePanel({ definition, manifestOf, byNode, byEdge }: SidePanelProps) {
  const { t } = useTranslation("app");
  const locale = useLocale();
  const selection = useEditor((state) => state.selection);
  const apply = editorStore.getState().apply;

  if (selection.nodes.length === 1 && selection.edges.length === 0) {
    const node = definition.nodes.find((candidate) => candidate.id === selection.nodes[0]);
    if (node) {
      const manifest: NodeManifest | undefined = manifestOf(node.type, node.typeVersion);
      return (
        <section
          className="pb-side-section"
          aria-label={t("editor.node")}
          data-testid="node-properties"
        >
          <PropertiesPanel
            key={node.id}
            node={node}
            manifest={manifest}
            variables={definition.variables}
            problems={byNode.get(node.id) ?? NONE}
            locale={locale}
            onChange={(patch) =>
              apply(
                { kind: "updateNode", nodeId: node.id, patch },
                { group: `node:${node.id}:${Object.keys(patch).sort().join(",")}` },
              )
            }
          />
          {manifest ? null : (
            <Typography.Paragraph type="warning">
              {t("editor.unknownNodeType", { type: node.type, version: node.typeVersion })}
            </Typography.Paragraph>
          )}
        </section>
      );
    }
  }
  if (selection.edges.length === 1 && selection.nodes.length === 0) {
    const edge = definition.edges.find((candidate) => candidate.id === selection.edges[0]);
    const source = edge ? definition.nodes.find((node) => node.id === edge.source) : undefined;
    const target = edge ? definition.nodes.find((node) => node.id === edge.target) : undefined;
    if (edge) {
      const behaviour = source ? manifestOf(source.type, source.typeVersion)?.behaviour : undefined;
      return (
        <section
          className="pb-side-section"
          aria-label={t("editor.edge")}
          data-testid="edge-properties"
        >
          <EdgeConditionEditor
            key={edge.id}
            edge={edge}
            variables={definition.variables}
            problems={byEdge.get(edge.id) ?? NONE}
            isFromExclusiveGateway={behaviour === "exclusiveGateway"}
            from={source ? nodeName(source, manifestOf, locale) : edge.source}
            to={target ? nodeName(target, manifestOf, locale) : edge.target}
            locale={locale}
            onChange={(patch) =>
              apply(
                { kind: "updateEdge", edgeId: edge.id, patch },
                { group: `edge:${edge.id}:${Object.keys(patch).sort().join(",")}` },
              )
            }
          />
        </section>
      );
    }
  }
  return <ProcessPanels definition={definition} manifestOf={manifestOf} />;
}

/**
 * With nothing selected: the variables, or the process's name and description. A plain switch
 * rather than Tabs: Tabs measure themselves in a layout effect, which forces a full layout of a
 * large canvas while it first renders.
 */
function ProcessPanels({
  definition,
  manifestOf,
}: {
  definition: ProcessDefinition;
  manifestOf: ManifestOf;
}) {
  const { t } = useTranslation("app");
  const locale = useLocale();
  const { message } = App.useApp();
  const reportRename = (rename: VariableRename) => {
    if (rename.rewritten > 0) {
      void message.success(t("editor.renamed", { count: rename.rewritten, name: rename.to }));
    }
    if (rename.skipped.length > 0) {
      void message.warning(
        t("editor.renameSkipped", { count: rename.skipped.length, old: rename.from }),
        6,
      );
    }
  };
  const [panel, setPanel] = useState<"variables" | "details">("variables");
  return (
    <div className="pb-side-panels">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        size="small"
        value={panel}
        onChange={(event) => setPanel(event.target.value)}
        options={[
          { value: "variables", label: t("editor.variables") },
          { value: "details", label: t("editor.details") },
        ]}
        style={{ marginBottom: 12 }}
      />
      {panel === "variables" ? (
        <VariablesPanel
          variables={definition.variables}
          locale={locale}
          onChange={(variables) =>
            editorStore
              .getState()
              .apply({ kind: "setVariables", variables }, { group: "variables" })
          }
          onRename={(index, name) => {
            const current = editorStore.getState().definition;
            const rename = current && planVariableRename(current, index, name, manifestOf);
            if (!rename) return;
            editorStore.getState().apply({ kind: "renameVariable", rename });
            reportRename(rename);
          }}
        />
      ) : (
        <DefinitionDetails definition={definition} />
      )}
    </div>
  );
}

function nodeName(node: ProcessNode, manifestOf: ManifestOf, locale: Locale): string {
  const manifest = manifestOf(node.type, node.typeVersion);
  return pickText(node.label, locale, manifest ? pickText(manifest.title, locale) : node.id);
}
