// The definition as a graph the checks can walk in linear time: nodes by id, edges with both
// ends resolved, and each node's manifest. Duplicate ids and dangling edges are left out here
// (their own checks report them) so later checks see one consistent graph.
import type { ProcessDefinition, ProcessEdge, ProcessNode } from "../definition";
import type { LocalizedText } from "../i18n";
import type { Behaviour, NodeManifest } from "../manifest";
import { assertNever } from "../variables";
import {
  builtinTypeTitles,
  type DisplayName,
  displayName,
  type EdgeName,
  edgeName,
  type TypedNode,
} from "./names";
import type { NodeManifestLookup } from "./node-types";

/** What the checks read of a definition: its elements, not its key, names or layout. */
export type DefinitionElements = Pick<ProcessDefinition, "variables" | "nodes" | "edges">;

export interface GraphNode {
  /** Position in `ProcessGraph.nodes`; checks use it to index plain arrays. */
  readonly index: number;
  readonly node: ProcessNode;
  /** Undefined when the node's type is not installed. */
  readonly manifest: NodeManifest | undefined;
  /** Its label, else its type's title, else its id (see names.ts). */
  readonly name: DisplayName;
  readonly outgoing: GraphEdge[];
  readonly incoming: GraphEdge[];
}

export interface GraphEdge {
  readonly index: number;
  readonly edge: ProcessEdge;
  readonly source: GraphNode;
  readonly target: GraphNode;
  /** Its label, else its condition, else its ends (see names.ts). */
  readonly name: EdgeName;
}

export interface ProcessGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly nodeById: ReadonlyMap<string, GraphNode>;
}

export function buildGraph(
  definition: DefinitionElements,
  lookup: NodeManifestLookup,
): ProcessGraph {
  const nodes: GraphNode[] = [];
  const nodeById = new Map<string, GraphNode>();
  for (const node of definition.nodes) {
    if (nodeById.has(node.id)) continue;
    const manifest = lookup.get(node.type, node.typeVersion);
    const graphNode: GraphNode = {
      index: nodes.length,
      node,
      manifest,
      name: displayName(node.id, node.label, manifest?.title),
      outgoing: [],
      incoming: [],
    };
    nodes.push(graphNode);
    nodeById.set(node.id, graphNode);
  }
  const edges: GraphEdge[] = [];
  const edgeIds = new Set<string>();
  for (const edge of definition.edges) {
    if (edgeIds.has(edge.id)) continue;
    edgeIds.add(edge.id);
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    if (!source || !target) continue;
    const graphEdge: GraphEdge = {
      index: edges.length,
      edge,
      source,
      target,
      name: edgeName(edge, { from: source.name, to: target.name }),
    };
    edges.push(graphEdge);
    source.outgoing.push(graphEdge);
    target.incoming.push(graphEdge);
  }
  return { nodes, edges, nodeById };
}

/** The node with its type's title, for messages that name both (条件分支「通过？」). */
export function typed(node: GraphNode): TypedNode {
  // Without a manifest there is no title; naming the type as the node leaves just the name.
  return { name: node.name, type: node.manifest?.title ?? node.name };
}

/**
 * What the palette calls the node type of a behaviour: the title of such a node's manifest in
 * this definition, else the built-in type's title.
 */
export function typeTitle(graph: ProcessGraph, behaviour: Behaviour): LocalizedText {
  const node = graph.nodes.find((candidate) => behaviourOf(candidate) === behaviour);
  return node?.manifest?.title ?? builtinTypeTitles[behaviour];
}

export function behaviourOf(node: GraphNode): Behaviour | undefined {
  return node.manifest?.behaviour;
}

export function isStart(node: GraphNode): boolean {
  return behaviourOf(node) === "start";
}

export function isEnd(node: GraphNode): boolean {
  const behaviour = behaviourOf(node);
  return behaviour === "end" || behaviour === "terminateEnd";
}

/**
 * Whether a node ends the synchronous run of the engine (the token rests until an outside event).
 * Unknown types answer undefined: the validator cannot tell, so cycle checks give them the benefit.
 */
export function waits(node: GraphNode): boolean | undefined {
  const behaviour = behaviourOf(node);
  if (behaviour === undefined) return undefined;
  switch (behaviour) {
    case "userTask":
    case "timer":
    case "messageWait":
    case "service":
      return true;
    case "start":
    case "end":
    case "terminateEnd":
    case "exclusiveGateway":
    case "parallelGateway":
    case "setVariables":
      return false;
    default:
      return assertNever(behaviour);
  }
}
