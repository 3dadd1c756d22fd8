// The process canvas: React Flow over the editor store. Moves, selection, connections, drops from
// the palette, copy/paste and shortcuts all end as typed changes on the store; React Flow only
// draws. Node sizes React Flow measures are kept here (they are view state, not the document).
import type { NodeManifest, Problem } from "@playbook/schema";
import {
  Background,
  Controls,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from "@xyflow/react";
import { App } from "antd";
import { type DragEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CATEGORY_COLOR, UNKNOWN_COLOR } from "../components/nodeVisuals";
import { PALETTE_DRAG_TYPE, readPaletteDrop } from "../components/Palette/search";
import { useEditor } from "../state/hooks";
import { freshId, usedIds } from "../state/ids";
import type { EditorStore } from "../state/store";
import { ConnectionLine } from "./ConnectionLine";
import { bindConnectionRules, ConnectionRulesProvider } from "./connection-context";
import type { ManifestOf } from "./connection-rules";
import { flowDirection } from "./direction";
import { edgeToggles, summarizeNodeChanges, toggledSelection } from "./flow-changes";
import {
  createFlowBuilder,
  EDGE_TYPE,
  NODE_TYPE,
  type PlaybookFlowEdge,
  type PlaybookFlowNode,
} from "./flow-elements";
import { useFocusElement } from "./focus";
import { NodeSearch } from "./NodeSearch";
import { EdgeMarkers, PlaybookEdge } from "./PlaybookEdge";
import { PlaybookNode } from "./PlaybookNode";
import { useLocale } from "./use-locale";
import { useCanvasShortcuts } from "./useCanvasShortcuts";
import { FIT_PADDING, fittedViewport } from "./viewport";

const nodeTypes = { [NODE_TYPE]: PlaybookNode };
const edgeTypes = { [EDGE_TYPE]: PlaybookEdge };
const NO_PROBLEMS = new Map<string, Problem[]>();
const ZOOM = { min: 0.05, max: 2 };

export interface CanvasProps {
  store: EditorStore;
  manifestOf: ManifestOf;
  problemsByNode?: ReadonlyMap<string, Problem[]>;
  problemsByEdge?: ReadonlyMap<string, Problem[]>;
  /** Adds a node of this type at a flow position (drop from the palette). */
  onAddNode(manifest: NodeManifest, position: { x: number; y: number }): void;
  /** Node sizes as measured, shared with auto-layout. */
  measured: Map<string, { width: number; height: number }>;
  /** Pastes clipboard text (see commands.createPaster); true when it was a copied selection. */
  paste(text: string): boolean;
  searchOpen: boolean;
  onSearchOpenChange(open: boolean): void;
}

export function Canvas(props: CanvasProps) {
  const { store, manifestOf, measured } = props;
  const { t } = useTranslation("app");
  const { message } = App.useApp();
  const locale = useLocale();
  const flow = useReactFlow<PlaybookFlowNode, PlaybookFlowEdge>();
  const definition = useEditor((state) => state.definition);
  const selection = useEditor((state) => state.selection);
  const builder = useRef(createFlowBuilder()).current;
  const dragGroup = useRef("drag:0");
  const [measureTick, setMeasureTick] = useState(0);
  const focus = useFocusElement();
  const container = useRef<HTMLDivElement>(null);
  const [initialViewport, setInitialViewport] = useState<Viewport>();
  // The first view is computed from the stored layout, so the canvas opens already fitted.
  useLayoutEffect(() => {
    if (initialViewport || !definition || !container.current) return;
    const { width, height } = container.current.getBoundingClientRect();
    setInitialViewport(fittedViewport(definition, width, height, { min: ZOOM.min, max: 1 }));
  }, [definition, initialViewport]);

  const problemsByNode = props.problemsByNode ?? NO_PROBLEMS;
  const problemsByEdge = props.problemsByEdge ?? NO_PROBLEMS;
  const layoutNodes = definition?.layout.nodes;
  const edgeList = definition?.edges;
  const direction = useMemo(
    () =>
      layoutNodes && edgeList
        ? flowDirection({ edges: edgeList, layout: { nodes: layoutNodes } })
        : "TB",
    [layoutNodes, edgeList],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: measureTick signals a change inside `measured`.
  const inputs = useMemo(
    () =>
      definition
        ? {
            definition,
            manifestOf,
            selection,
            problemsByNode,
            problemsByEdge,
            measured,
            locale,
            direction,
            defaultLabel: t("canvas.edge.default"),
          }
        : undefined,
    [
      definition,
      manifestOf,
      selection,
      problemsByNode,
      problemsByEdge,
      measured,
      locale,
      direction,
      measureTick,
      t,
    ],
  );
  const nodes = useMemo(() => (inputs ? builder.nodes(inputs) : []), [builder, inputs]);
  const edges = useMemo(() => (inputs ? builder.edges(inputs) : []), [builder, inputs]);
  const rules = useMemo(
    () => bindConnectionRules(() => store.getState().definition, manifestOf),
    [store, manifestOf],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<PlaybookFlowNode>[]) => {
      const { positions, toggled, resized } = summarizeNodeChanges(changes, measured);
      if (Object.keys(positions).length > 0) {
        store.getState().apply({ kind: "moveNodes", positions }, { group: dragGroup.current });
      }
      if (toggled.size > 0) {
        const current = store.getState().selection;
        store
          .getState()
          .select({ nodes: toggledSelection(current.nodes, toggled), edges: current.edges });
      }
      if (resized) setMeasureTick((tick) => tick + 1);
    },
    [store, measured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<PlaybookFlowEdge>[]) => {
      const toggled = edgeToggles(changes);
      if (toggled.size === 0) return;
      const current = store.getState().selection;
      store
        .getState()
        .select({ nodes: current.nodes, edges: toggledSelection(current.edges, toggled) });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: { source: string; sourceHandle?: string | null; target: string }) => {
      const verdict = rules.check(connection);
      const current = store.getState().definition;
      if (!verdict.ok || !current) return;
      const id = freshId("edge", usedIds(current));
      store.getState().apply({
        kind: "addEdge",
        edge: {
          id,
          source: connection.source,
          sourcePort: verdict.sourcePort,
          target: connection.target,
          isDefault: false,
          priority: 0,
        },
      });
      const source = current.nodes.find((node) => node.id === connection.source);
      const behaviour = source ? manifestOf(source.type, source.typeVersion)?.behaviour : undefined;
      // A new branch of a decision needs a condition: open it in the side panel right away.
      if (behaviour === "exclusiveGateway") store.getState().select({ nodes: [], edges: [id] });
    },
    [rules, store, manifestOf],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode || !state.fromHandle) return;
      const attempt =
        state.fromHandle.type === "source"
          ? {
              source: state.fromNode.id,
              sourceHandle: state.fromHandle.id,
              target: state.toNode.id,
            }
          : {
              source: state.toNode.id,
              sourceHandle: state.toHandle?.id,
              target: state.fromNode.id,
            };
      const verdict = rules.check(attempt);
      if (!verdict.ok) void message.warning(t(`canvas.connect.${verdict.reason}`));
    },
    [rules, message, t],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    // Must be one the palette allows (effectAllowed "move"), or the browser refuses the drop.
    event.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const dropped = readPaletteDrop(event.dataTransfer);
      if (!dropped) return;
      event.preventDefault();
      const manifest = manifestOf(dropped.type, dropped.version);
      if (!manifest) return;
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      props.onAddNode(manifest, at);
    },
    [flow, manifestOf, props.onAddNode],
  );

  const { onSearchOpenChange } = props;
  const openSearch = useCallback(() => onSearchOpenChange(true), [onSearchOpenChange]);
  useCanvasShortcuts({
    store,
    onSearch: openSearch,
    paste: props.paste,
    enabled: definition !== null,
  });

  if (!definition) return null;
  return (
    <ConnectionRulesProvider value={rules}>
      <EdgeMarkers />
      <div ref={container} className="pb-canvas-frame">
        {initialViewport ? (
          <ReactFlow<PlaybookFlowNode, PlaybookFlowEdge>
            defaultViewport={initialViewport}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStart={() => {
              dragGroup.current = `drag:${Date.now()}:${Math.random()}`;
            }}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={(connection) => rules.check(connection).ok}
            connectionLineComponent={ConnectionLine}
            connectionRadius={32}
            onDragOver={onDragOver}
            onDrop={onDrop}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={["Meta", "Control"]}
            onlyRenderVisibleElements={definition.nodes.length > 300}
            minZoom={ZOOM.min}
            maxZoom={ZOOM.max}
          >
            <Background gap={16} />
            <MiniMap<PlaybookFlowNode>
              pannable
              zoomable
              ariaLabel={t("canvas.minimap")}
              nodeColor={(node) => minimapColor(node.data.manifest)}
              style={{ width: 160, height: 110 }}
            />
            <Controls
              showInteractive={false}
              fitViewOptions={{ padding: FIT_PADDING, maxZoom: 1 }}
            />
          </ReactFlow>
        ) : null}
      </div>
      <NodeSearch
        open={props.searchOpen}
        nodes={definition.nodes}
        manifestOf={manifestOf}
        locale={locale}
        onPick={(nodeId) => focus({ nodeId })}
        onClose={() => onSearchOpenChange(false)}
      />
    </ConnectionRulesProvider>
  );
}

function minimapColor(manifest: NodeManifest | undefined): string {
  return manifest ? CATEGORY_COLOR[manifest.category] : UNKNOWN_COLOR;
}
