// The definition as a graph the checks can walk in linear time: nodes by id, edges with both
// ends resolved, and each node's manifest. Duplicate ids and dangling edges are left out here
// (their own checks report them) so later checks see one consistent graph.
import type { ProcessDefinition, ProcessEdge, ProcessNode } from "../definition";
import type { Behaviour, NodeManifest } from "../manifest";
import { assertNever } from "../variables";
import { type DisplayName, displayName } from "./messages";
import type { NodeManifestLookup } from "./node-types";

export interface GraphNode {
  /** Position in `ProcessGraph.nodes`; checks use it to index plain arrays. */
  readonly index: number;
  readonly node: ProcessNode;
  /** Undefined when the node's type is not installed. */
  readonly manifest: NodeManifest | undefined;
  readonly name: DisplayName;
  readonly outgoing: GraphEdge[];
  readonly incoming: GraphEdge[];
}

export interface GraphEdge {
  readonly index: number;
  readonly edge: ProcessEdge;
  readonly source: GraphNode;
  readonly target: GraphNode;
  readonly name: DisplayName;
}

export interface ProcessGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly nodeById: ReadonlyMap<string, GraphNode>;
}

export function buildGraph(
  definition: ProcessDefinition,
  lookup: NodeManifestLookup,
): ProcessGraph {
  const nodes: GraphNode[] = [];
  const nodeById = new Map<string, GraphNode>();
  for (const node of definition.nodes) {
    if (nodeById.has(node.id)) continue;
    const graphNode: GraphNode = {
      index: nodes.length,
      node,
      manifest: lookup.get(node.type, node.typeVersion),
      name: displayName(node.id, node.label),
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
      name: displayName(edge.id, edge.label),
    };
    edges.push(graphEdge);
    source.outgoing.push(graphEdge);
    target.incoming.push(graphEdge);
  }
  return { nodes, edges, nodeById };
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
