// Loop structure for the parallel-balance check: a depth-first order from the starts, the back
// edges that close loops, and per loop header its body, its exits and which of its edges only
// ever lead round again. Cutting the back edges leaves an acyclic graph that can be analysed in
// topological order; the loops are then judged one iteration at a time.
import { stronglyConnectedComponents } from "./components";
import { type GraphEdge, type GraphNode, isEnd, isStart, type ProcessGraph } from "./graph";

export interface Loop {
  readonly header: GraphNode;
  /** Edges from the body back to the header. */
  readonly backEdges: readonly GraphEdge[];
  /** Node indexes of the header and every node that can go round to it. */
  readonly body: ReadonlySet<number>;
  /** Edges from the body to outside it. */
  readonly exits: readonly GraphEdge[];
  /** Edge indexes inside the loop after which no exit can be reached before the header again. */
  readonly looping: ReadonlySet<number>;
}

export interface FlowStructure {
  /** Nodes reachable from a start, each after all its forward predecessors. */
  readonly order: readonly GraphNode[];
  /** Per edge index: 1 when the edge goes back to a node still being explored (closes a loop). */
  readonly isBackEdge: Uint8Array;
  readonly loops: readonly Loop[];
  /** Per edge index: the loops the edge leaves, innermost first. */
  readonly exitedLoops: ReadonlyMap<number, readonly Loop[]>;
}

/**
 * Edges into a start or out of an end carry no token (they are reported as errors of their
 * own); leaving them out keeps them from creating phantom loops.
 */
export function carriesTokens(edge: GraphEdge): boolean {
  return !isStart(edge.target) && !isEnd(edge.source);
}

export function analyseFlow(graph: ProcessGraph): FlowStructure {
  const { order, isBackEdge } = depthFirst(graph);
  const { componentOf } = stronglyConnectedComponents(graph, () => true, carriesTokens);
  const backEdgesByHeader = new Map<GraphNode, GraphEdge[]>();
  for (const edge of graph.edges) {
    if (!isBackEdge[edge.index]) continue;
    const list = backEdgesByHeader.get(edge.target) ?? [];
    list.push(edge);
    backEdgesByHeader.set(edge.target, list);
  }
  const loops: Loop[] = [];
  for (const [header, backEdges] of backEdgesByHeader) {
    loops.push(describeLoop(header, backEdges, componentOf));
  }
  // Smaller bodies are nested inside larger ones, so sorting by size gives innermost first.
  loops.sort((a, b) => a.body.size - b.body.size);
  const exitedLoops = new Map<number, Loop[]>();
  for (const loop of loops) {
    for (const exit of loop.exits) {
      const list = exitedLoops.get(exit.index) ?? [];
      list.push(loop);
      exitedLoops.set(exit.index, list);
    }
  }
  return { order, isBackEdge, loops, exitedLoops };
}

/**
 * True when the part of the process reachable from `exit` is entered by `exit` alone: tokens
 * sent down it (say, once per round of a loop) meet no token from anywhere else, so however
 * many are sent, each runs through that part as through its own copy and ends there.
 */
export function entersClosedRegion(exit: GraphEdge): boolean {
  const region = new Set<number>([exit.target.index]);
  const members = [exit.target];
  for (let i = 0; i < members.length; i++) {
    for (const edge of members[i]!.outgoing) {
      if (!carriesTokens(edge) || region.has(edge.target.index)) continue;
      region.add(edge.target.index);
      members.push(edge.target);
    }
  }
  return members.every((node) =>
    node.incoming.every(
      (edge) => edge === exit || !carriesTokens(edge) || region.has(edge.source.index),
    ),
  );
}

/** Iterative depth-first search from every start: reverse post-order and back edges. */
function depthFirst(graph: ProcessGraph): { order: GraphNode[]; isBackEdge: Uint8Array } {
  const state = new Uint8Array(graph.nodes.length); // 0 new, 1 on the path, 2 finished
  const isBackEdge = new Uint8Array(graph.edges.length);
  const postOrder: GraphNode[] = [];
  const frames: { node: GraphNode; next: number }[] = [];
  for (const start of graph.nodes) {
    if (!isStart(start) || state[start.index] !== 0) continue;
    state[start.index] = 1;
    frames.push({ node: start, next: 0 });
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const edge = frame.node.outgoing[frame.next];
      if (!edge) {
        frames.pop();
        state[frame.node.index] = 2;
        postOrder.push(frame.node);
        continue;
      }
      frame.next++;
      if (!carriesTokens(edge)) continue;
      const target = edge.target;
      if (state[target.index] === 1) isBackEdge[edge.index] = 1;
      else if (state[target.index] === 0) {
        state[target.index] = 1;
        frames.push({ node: target, next: 0 });
      }
    }
  }
  return { order: postOrder.reverse(), isBackEdge };
}

function describeLoop(
  header: GraphNode,
  backEdges: readonly GraphEdge[],
  componentOf: Int32Array,
): Loop {
  const component = componentOf[header.index];
  // The body: walk backwards from the back edges' sources to the header, inside its component.
  const body = new Set<number>([header.index]);
  const pending: GraphNode[] = [];
  for (const edge of backEdges) {
    if (body.has(edge.source.index)) continue;
    body.add(edge.source.index);
    pending.push(edge.source);
  }
  while (pending.length > 0) {
    const node = pending.pop()!;
    for (const edge of node.incoming) {
      const source = edge.source;
      if (body.has(source.index) || componentOf[source.index] !== component || !carriesTokens(edge))
        continue;
      body.add(source.index);
      pending.push(source);
    }
  }
  const exits: GraphEdge[] = [];
  const bodyNodes: GraphNode[] = [];
  collectBody(header, body, exits, bodyNodes);
  return { header, backEdges, body, exits, looping: loopingEdges(header, body, exits, bodyNodes) };
}

function collectBody(
  header: GraphNode,
  body: ReadonlySet<number>,
  exits: GraphEdge[],
  nodes: GraphNode[],
): void {
  const seen = new Set<number>([header.index]);
  const pending = [header];
  while (pending.length > 0) {
    const node = pending.pop()!;
    nodes.push(node);
    for (const edge of node.outgoing) {
      if (!carriesTokens(edge)) continue;
      if (!body.has(edge.target.index)) {
        exits.push(edge);
      } else if (!seen.has(edge.target.index)) {
        seen.add(edge.target.index);
        pending.push(edge.target);
      }
    }
  }
}

/**
 * Edges in the body from which every path returns to the header before any exit: taking one
 * means "go round again". An exit label may treat those choices as eventually not taken.
 */
function loopingEdges(
  header: GraphNode,
  body: ReadonlySet<number>,
  exits: readonly GraphEdge[],
  nodes: readonly GraphNode[],
): Set<number> {
  const canExit = new Set<number>();
  const pending: GraphNode[] = [];
  for (const exit of exits) {
    if (canExit.has(exit.source.index)) continue;
    canExit.add(exit.source.index);
    pending.push(exit.source);
  }
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node === header) continue; // reaching an exit through the header means going round first
    for (const edge of node.incoming) {
      const source = edge.source;
      if (!body.has(source.index) || canExit.has(source.index) || !carriesTokens(edge)) continue;
      canExit.add(source.index);
      pending.push(source);
    }
  }
  const looping = new Set<number>();
  for (const node of nodes) {
    for (const edge of node.outgoing) {
      if (!carriesTokens(edge) || !body.has(edge.target.index)) continue;
      if (edge.target === header || !canExit.has(edge.target.index)) looping.add(edge.index);
    }
  }
  return looping;
}
