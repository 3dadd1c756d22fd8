// The definition as React Flow sees it: one flow node per process node (position from layout),
// one flow edge per process edge. Objects are reused while nothing about them changed, so a drag
// on a 1,000-node canvas re-renders the dragged node, not all of them.
import type {
  Locale,
  NodeManifest,
  Problem,
  ProcessDefinition,
  ProcessEdge,
  ProcessNode,
} from "@playbook/schema";
import type { Edge, Node } from "@xyflow/react";
import type { Selection } from "../state/store";
import type { FlowDirection } from "./direction";

export const NODE_TYPE = "playbook";
export const EDGE_TYPE = "playbook";

export interface PlaybookNodeData extends Record<string, unknown> {
  node: ProcessNode;
  direction: FlowDirection;
  manifest: NodeManifest | undefined;
  problems: readonly Problem[];
  locale: Locale;
}

export interface PlaybookEdgeData extends Record<string, unknown> {
  edge: ProcessEdge;
  /** "Default" in the UI language, resolved once per build rather than once per edge. */
  defaultLabel: string;
  problems: readonly Problem[];
  /** Conditions and defaults only mean something on edges leaving an exclusive gateway. */
  fromExclusiveGateway: boolean;
  locale: Locale;
}

export type PlaybookFlowNode = Node<PlaybookNodeData, typeof NODE_TYPE>;
export type PlaybookFlowEdge = Edge<PlaybookEdgeData, typeof EDGE_TYPE>;

export interface FlowInputs {
  definition: ProcessDefinition;
  manifestOf: (type: string, version: number) => NodeManifest | undefined;
  selection: Selection;
  problemsByNode: ReadonlyMap<string, readonly Problem[]>;
  problemsByEdge: ReadonlyMap<string, readonly Problem[]>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  locale: Locale;
  direction: FlowDirection;
  defaultLabel: string;
}

const NO_PROBLEMS: readonly Problem[] = [];

/** Builds flow nodes and edges, reusing objects from the previous build when unchanged. */
export function createFlowBuilder() {
  let previousNodes = new Map<string, PlaybookFlowNode>();
  let previousEdges = new Map<string, PlaybookFlowEdge>();

  function nodes(inputs: FlowInputs): PlaybookFlowNode[] {
    const { definition, manifestOf, selection, problemsByNode, measured, locale, direction } =
      inputs;
    const selected = new Set(selection.nodes);
    const next = new Map<string, PlaybookFlowNode>();
    const list = definition.nodes.map((node, index) => {
      const position = definition.layout.nodes[node.id] ?? fallbackPosition(index);
      const manifest = manifestOf(node.type, node.typeVersion);
      const problems = problemsByNode.get(node.id) ?? NO_PROBLEMS;
      const size = measured.get(node.id);
      const isSelected = selected.has(node.id);
      const old = previousNodes.get(node.id);
      // The data object outlives moves, selection and measuring, so the node body (a memo
      // component) only re-renders when what it shows changes.
      const sameData =
        old !== undefined &&
        old.data.node === node &&
        old.data.manifest === manifest &&
        old.data.problems === problems &&
        old.data.locale === locale &&
        old.data.direction === direction;
      const reusable =
        sameData &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.selected === isSelected &&
        old.measured?.width === size?.width &&
        old.measured?.height === size?.height;
      const flowNode: PlaybookFlowNode = reusable
        ? old
        : {
            id: node.id,
            type: NODE_TYPE,
            position: { x: position.x, y: position.y },
            data: sameData ? old.data : { node, direction, manifest, problems, locale },
            selected: isSelected,
            ...(size ? { measured: size } : {}),
          };
      next.set(node.id, flowNode);
      return flowNode;
    });
    previousNodes = next;
    return list;
  }

  function edges(inputs: FlowInputs): PlaybookFlowEdge[] {
    const { definition, manifestOf, selection, problemsByEdge, locale, defaultLabel } = inputs;
    const selected = new Set(selection.edges);
    const behaviourOf = new Map(
      definition.nodes.map((node) => [node.id, manifestOf(node.type, node.typeVersion)?.behaviour]),
    );
    const next = new Map<string, PlaybookFlowEdge>();
    const list = definition.edges.map((edge) => {
      const problems = problemsByEdge.get(edge.id) ?? NO_PROBLEMS;
      const fromExclusiveGateway = behaviourOf.get(edge.source) === "exclusiveGateway";
      const isSelected = selected.has(edge.id);
      const old = previousEdges.get(edge.id);
      const reusable =
        old !== undefined &&
        old.data?.edge === edge &&
        old.data.problems === problems &&
        old.data.fromExclusiveGateway === fromExclusiveGateway &&
        old.data.locale === locale &&
        old.data.defaultLabel === defaultLabel &&
        old.selected === isSelected;
      const flowEdge: PlaybookFlowEdge = reusable
        ? old
        : {
            id: edge.id,
            type: EDGE_TYPE,
            source: edge.source,
            sourceHandle: edge.sourcePort,
            target: edge.target,
            selected: isSelected,
            data: { edge, problems, fromExclusiveGateway, locale, defaultLabel },
          };
      next.set(edge.id, flowEdge);
      return flowEdge;
    });
    previousEdges = next;
    return list;
  }

  return { nodes, edges };
}

/** Where a node without a stored position goes until auto-layout runs: a loose grid. */
export function fallbackPosition(index: number): { x: number; y: number } {
  return { x: (index % 6) * 240, y: Math.floor(index / 6) * 140 };
}
