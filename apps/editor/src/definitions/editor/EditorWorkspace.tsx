// The editing workspace: palette | canvas with the problems list below | side panel, and the
// toolbar above. It owns what the pieces share: manifests, validation, measured node sizes, the
// clipboard paster, node search, and the publish and versions dialogs.
import type { NodeManifest, ProcessDefinition } from "@playbook/schema";
import { manifestLookup } from "@playbook/schema";
import { useReactFlow } from "@xyflow/react";
import { App, Result, Spin } from "antd";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { useNodeTypes } from "../../api/queries";
import { autoLayout } from "../../canvas/auto-layout";
import { Canvas } from "../../canvas/Canvas";
import { readClipboard, writeClipboard } from "../../canvas/clipboard-io";
import { copyText, createPaster, deleteSelection } from "../../canvas/commands";
import { useFocusElement } from "../../canvas/focus";
import { useLocale } from "../../canvas/use-locale";
import { landingIfOutOfView, landingPoint, revealFirstSelected } from "../../canvas/viewport";
import { Palette } from "../../components/Palette/Palette";
import { ProblemsPanel } from "../../components/ProblemsPanel/ProblemsPanel";
import { editorStore } from "../../state/hooks";
import { freshId, idPrefixForType, usedIds } from "../../state/ids";
import { useDefinitionMeaning } from "../../state/meaning";
import { withServerProblems } from "../../validation/server-problems";
import { useValidation } from "../../validation/useValidation";
import { PublishDialog } from "../publish/PublishDialog";
import { VersionsDrawer } from "../publish/VersionsDrawer";
import type { Autosaver } from "../session/autosaver";
import { downloadDefinition } from "../transfer/definition-file";
import { EditorToolbar } from "./EditorToolbar";
import { SidePanel } from "./SidePanel";

const NO_MANIFESTS: NodeManifest[] = [];
/** Half a NodeCard, so a dropped node lands centred on the pointer. */
const DROP_OFFSET = { x: 110, y: 32 };

export function EditorWorkspace({ autosaver }: { autosaver: Autosaver }) {
  const { t } = useTranslation("app");
  const { message } = App.useApp();
  const locale = useLocale();
  const flow = useReactFlow();
  const nodeTypes = useNodeTypes();
  const manifests = nodeTypes.data ?? NO_MANIFESTS;
  const manifestOf = useMemo(() => {
    const lookup = manifestLookup(manifests);
    return (type: string, version: number) => lookup.get(type, version);
  }, [manifests]);
  const definition = useDefinitionMeaning();
  const saveStatus = useStore(autosaver.session, (state) => state.status);
  // The server's findings on the saved draft, while the screen shows exactly that draft.
  const serverReport = useStore(autosaver.session, (state) =>
    state.status === "saved" ? state.validation : undefined,
  );
  const localValidation = useValidation(definition, manifests);
  const validation = useMemo(
    () => withServerProblems(localValidation, serverReport),
    [localValidation, serverReport],
  );
  const measured = useRef(new Map<string, { width: number; height: number }>()).current;
  const [searchOpen, setSearchOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [layoutBusy, setLayoutBusy] = useState(false);
  const focus = useFocusElement();

  const paste = useMemo(() => {
    const paster = createPaster(editorStore, (topLeft) => landingIfOutOfView(flow, topLeft));
    return (text: string) => {
      const pasted = paster(text);
      // The copy may have had to move aside; keep it where the user can see it.
      if (pasted) revealFirstSelected(flow);
      return pasted;
    };
  }, [flow]);

  const addNode = useCallback((manifest: NodeManifest, at: { x: number; y: number }) => {
    const current = editorStore.getState().definition;
    if (!current) return;
    const id = freshId(idPrefixForType(manifest.type), usedIds(current));
    editorStore.getState().apply({
      kind: "addElements",
      // Labelled with the type's title, so problems and lists name it like the canvas does.
      nodes: [
        {
          id,
          type: manifest.type,
          typeVersion: manifest.version,
          label: { ...manifest.title },
          config: {},
        },
      ],
      positions: { [id]: { x: at.x - DROP_OFFSET.x, y: at.y - DROP_OFFSET.y } },
    });
    editorStore.getState().select({ nodes: [id], edges: [] });
  }, []);

  const addFromPalette = (type: string, version: number) => {
    const manifest = manifestOf(type, version);
    const at = landingPoint(flow);
    if (!manifest || !at) return;
    // Clicking several items in a row must not stack them exactly on top of each other.
    const nudge = (editorStore.getState().definition?.nodes.length ?? 0) % 5;
    addNode(manifest, { x: at.x + nudge * 24, y: at.y + nudge * 24 });
  };

  const runAutoLayout = async () => {
    setLayoutBusy(true);
    try {
      const current = editorStore.getState().definition;
      if (!current) return;
      const positions = await autoLayout(current, measured);
      editorStore.getState().apply({ kind: "moveNodes", positions });
      window.requestAnimationFrame(
        () => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }),
      );
    } catch (error) {
      void message.error(t("canvas.layoutFailed", { message: (error as Error).message }));
    } finally {
      setLayoutBusy(false);
    }
  };

  const copy = async () => {
    const text = copyText(editorStore);
    if (!text) return;
    await writeClipboard(text);
    const count = editorStore.getState().selection.nodes.length;
    void message.success(t("editor.copied", { count }));
  };

  const pasteFromClipboard = async () => {
    const text = await readClipboard();
    if (!text || !paste(text)) void message.info(t("editor.nothingToPaste"));
  };

  const importInto = (imported: ProcessDefinition, fileName: string) => {
    // The open process keeps its key: importing replaces its drawing, not its identity.
    const key = autosaver.session.getState().key;
    editorStore.getState().apply({ kind: "replaceDefinition", definition: { ...imported, key } });
    void message.success(t("importExport.replaced", { file: fileName }));
    if (imported.key !== key) {
      void message.info(t("importExport.keyKept", { fileKey: imported.key, key }));
    }
    window.requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }));
  };

  const exportFile = () => {
    const current = editorStore.getState().definition;
    if (current)
      void message.success(t("importExport.exported", { file: downloadDefinition(current) }));
  };

  if (nodeTypes.isError) {
    return (
      <Result
        status="warning"
        title={t("app.loadFailed", { message: (nodeTypes.error as Error).message })}
      />
    );
  }
  if (!nodeTypes.data || !definition) return <Spin style={{ margin: 48 }} />;

  const errorCount = validation.problems.filter((problem) => problem.severity === "error").length;
  return (
    <div className="pb-editor">
      <EditorToolbar
        errorCount={errorCount}
        inConflict={saveStatus === "conflict"}
        layoutBusy={layoutBusy}
        onCopy={() => void copy()}
        onPaste={() => void pasteFromClipboard()}
        onDelete={() => deleteSelection(editorStore)}
        onAutoLayout={() => void runAutoLayout()}
        onFitView={() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 })}
        onSearch={() => setSearchOpen(true)}
        onExport={exportFile}
        onImport={importInto}
        onVersions={() => setVersionsOpen(true)}
        onPublish={() => setPublishing(true)}
      />
      <aside className="pb-palette" data-testid="palette">
        <Palette manifests={manifests} onAdd={addFromPalette} locale={locale} />
      </aside>
      <main className="pb-canvas-area">
        <div className="pb-canvas" data-testid="canvas">
          <Canvas
            store={editorStore}
            manifestOf={manifestOf}
            problemsByNode={validation.byNode}
            problemsByEdge={validation.byEdge}
            onAddNode={addNode}
            measured={measured}
            paste={paste}
            searchOpen={searchOpen}
            onSearchOpenChange={setSearchOpen}
          />
        </div>
        <section className="pb-problems" aria-label={t("editor.problems")} data-testid="problems">
          <ProblemsPanel
            problems={validation.problems}
            nodes={definition.nodes}
            edges={definition.edges}
            typeTitle={(node) => manifestOf(node.type, node.typeVersion)?.title}
            locale={locale}
            onSelect={(problem) => focus({ nodeId: problem.nodeId, edgeId: problem.edgeId })}
          />
        </section>
      </main>
      <aside className="pb-side" data-testid="side-panel">
        <SidePanel
          definition={definition}
          manifestOf={manifestOf}
          byNode={validation.byNode}
          byEdge={validation.byEdge}
        />
      </aside>
      <PublishDialog open={publishing} autosaver={autosaver} onClose={() => setPublishing(false)} />
      <VersionsDrawer
        open={versionsOpen}
        definitionKey={definition.key}
        onClose={() => setVersionsOpen(false)}
      />
    </div>
  );
}
