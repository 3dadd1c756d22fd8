// Parallel balance: no parallel join may wait forever, and concurrent tokens may not run through
// a merge (or round a loop) unsynchronised.
//
// Method: symbolic execution over decision labels (after Favre & Völzer, "Symbolic execution of
// acyclic workflow graphs", BPM 2010), extended to loops by judging one iteration at a time.
//  1. Cut the back edges found by a depth-first search from the starts; what remains is acyclic
//     and is walked once in topological order (loops.ts).
//  2. Every edge gets a label (labels.ts): the set of choices under which it gets a token. A
//     start gives "always" (or its own outcome when there are several starts); an exclusive
//     gateway, or a node leaving by one of several ports, is a decision and labels each way out
//     with a fresh outcome; parallel gateways and ordinary nodes pass their label on, to every
//     edge. Where a decision's outcomes all meet again the label folds back to the decision's
//     input, so an exclusive split and its merge restore the label from before the split.
//  3. A parallel join is sound only if all its incoming labels are equivalent: otherwise some run
//     brings a token on one edge and never on another, and the join waits forever (an exclusive
//     choice feeding a join, a branch that went to an end instead). A join fed by a back edge
//     waits for a token that can only come after it fires.
//  4. Any other node with several incoming edges merges: their labels must be pairwise exclusive,
//     or one run brings two tokens through it (branches of a parallel split merged without a
//     join). Ends are exempt: each token is simply consumed there, so a split whose branches each
//     run to their own end is fine.
//  5. Loops: the body is analysed as one iteration. A back edge must exclude every other way the
//     iteration can be left (other back edges, exits), or a parallel branch is still running when
//     the loop goes round and every round leaves an extra token — unless that branch left the
//     loop into a part of the process nothing else enters, where its tokens run to ends without
//     meeting any other (again as BPMN allows). On an exit, choices that only
//     lead round again count as taken, so "approve or rework" leaves the loop with the label the
//     loop was entered with, and a join after it sees a balanced branch.
// After the first problem on a path its label is "unknown" and checks downstream of it are
// skipped, so one mistake yields one problem. Cost: one pass over nodes and edges, with labels
// that stay as small as the nesting of choices.
import type { LocalizedText } from "../i18n";
import type { Problem } from "../problems";
import {
  behaviourOf,
  type GraphEdge,
  type GraphNode,
  isEnd,
  isStart,
  type ProcessGraph,
  typed,
  typeTitle,
} from "./graph";
import { ALWAYS, DecisionLabels, type Label } from "./labels";
import {
  analyseFlow,
  carriesTokens,
  entersClosedRegion,
  type FlowStructure,
  type Loop,
} from "./loops";
import { problem } from "./report";

/** undefined: no token ever arrives (unreachable); null: unknown after an earlier problem. */
type EdgeLabel = Label | null | undefined;

/** The palette's words for the two gateway types, which the messages explain with. */
interface GatewayWords {
  readonly decision: LocalizedText;
  readonly join: LocalizedText;
}

export function checkParallelBalance(graph: ProcessGraph): Problem[] {
  const flow = analyseFlow(graph);
  const labels = new DecisionLabels();
  const problems: Problem[] = [];
  /** The label each edge carries out of its source (before exit folding). */
  const raw: EdgeLabel[] = new Array(graph.edges.length);
  /** The label each edge delivers to its target (exits folded). */
  const delivered: EdgeLabel[] = new Array(graph.edges.length);
  const startLabels = labelStarts(graph, labels);
  const words: GatewayWords = {
    decision: typeTitle(graph, "exclusiveGateway"),
    join: typeTitle(graph, "parallelGateway"),
  };

  for (const node of flow.order) {
    const input = isStart(node)
      ? startLabels.get(node)
      : arrivingLabel(node, flow, labels, delivered, problems, words);
    if (input === undefined) continue;
    for (const [edges, label] of leavingLabels(node, input, labels)) {
      for (const edge of edges) {
        raw[edge.index] = label;
        delivered[edge.index] = label && foldExits(edge, label, flow, labels);
      }
    }
  }
  for (const loop of flow.loops) problems.push(...checkLoopRounds(loop, raw, labels, words));
  return problems;
}

/** One instance starts at one start: several starts are a decision taken before the process. */
function labelStarts(graph: ProcessGraph, labels: DecisionLabels): Map<GraphNode, Label> {
  const starts = graph.nodes.filter(isStart);
  const result = new Map<GraphNode, Label>();
  if (starts.length === 1) {
    result.set(starts[0]!, [ALWAYS]);
    return result;
  }
  const outcomes = labels.decide(
    [ALWAYS],
    starts.map(() => []),
  );
  for (const [i, start] of starts.entries()) result.set(start, outcomes[i]!);
  return result;
}

function arrivingLabel(
  node: GraphNode,
  flow: FlowStructure,
  labels: DecisionLabels,
  delivered: readonly EdgeLabel[],
  problems: Problem[],
  words: GatewayWords,
): EdgeLabel {
  const incoming = node.incoming.filter(carriesTokens);
  const forward = incoming.filter((edge) => !flow.isBackEdge[edge.index]);
  const arrived = forward
    .map((edge) => delivered[edge.index])
    .filter((label) => label !== undefined);
  if (arrived.length === 0) return undefined;
  const isJoin = behaviourOf(node) === "parallelGateway" && incoming.length > 1;
  if (isJoin) {
    if (forward.length < incoming.length) {
      problems.push(
        problem(
          "parallel.unbalanced",
          { node: typed(node), reason: "loopIntoJoin", decision: words.decision },
          { nodeId: node.node.id },
        ),
      );
      return null;
    }
    if (arrived.some((label) => label === null)) return null;
    const [first, ...others] = arrived as Label[];
    // An edge that never gets a token (from an unreachable node) also leaves the join waiting.
    if (
      arrived.length < forward.length ||
      others.some((label) => !labels.equivalent(first!, label))
    ) {
      problems.push(
        problem(
          "parallel.unbalanced",
          { node: typed(node), reason: "branchesDiffer", decision: words.decision },
          { nodeId: node.node.id },
        ),
      );
      return null;
    }
    return labels.normalize(first!);
  }
  if (arrived.length === 1) return arrived[0];
  if (arrived.some((label) => label === null)) return null;
  const inputs = arrived as Label[];
  if (!isEnd(node) && !pairwiseExclusive(inputs, labels)) {
    problems.push(
      problem(
        "parallel.unsynchronized",
        { node: node.name, reason: "merge", join: words.join },
        { nodeId: node.node.id },
      ),
    );
    return null;
  }
  return labels.union(inputs);
}

/** Groups of outgoing edges that get a token together, each with its label. */
function leavingLabels(
  node: GraphNode,
  input: Label | null,
  labels: DecisionLabels,
): [GraphEdge[], Label | null][] {
  const ways = waysOut(node);
  if (input === null || ways.length <= 1) return ways.map((edges) => [edges, input]);
  const outcomes = labels.decide(input, ways);
  return ways.map((edges, i) => [edges, outcomes[i]!]);
}

/**
 * An exclusive gateway sends one token down one edge; a parallel gateway one down every edge.
 * Any other node leaves by one port (e.g. `out` or `timeout`), down every edge of that port.
 */
function waysOut(node: GraphNode): GraphEdge[][] {
  const outgoing = node.outgoing.filter(carriesTokens);
  switch (behaviourOf(node)) {
    case "exclusiveGateway":
      return outgoing.map((edge) => [edge]);
    case "parallelGateway":
      return outgoing.length > 0 ? [outgoing] : [];
    default: {
      const byPort = new Map<string, GraphEdge[]>();
      for (const edge of outgoing) {
        const group = byPort.get(edge.edge.sourcePort) ?? [];
        group.push(edge);
        byPort.set(edge.edge.sourcePort, group);
      }
      return [...byPort.values()];
    }
  }
}

function foldExits(
  edge: GraphEdge,
  label: Label,
  flow: FlowStructure,
  labels: DecisionLabels,
): Label {
  const loops = flow.exitedLoops.get(edge.index);
  if (!loops) return label;
  const isLooping = (edges: readonly GraphEdge[]) =>
    edges.length > 0 && edges.every((e) => loops.some((loop) => loop.looping.has(e.index)));
  return labels.normalize(label, isLooping);
}

function pairwiseExclusive(inputs: readonly Label[], labels: DecisionLabels): boolean {
  for (let i = 0; i < inputs.length; i++) {
    for (let j = i + 1; j < inputs.length; j++) {
      if (!labels.exclusive(inputs[i]!, inputs[j]!)) return false;
    }
  }
  return true;
}

/**
 * Going round must be the only thing an iteration still does at that moment, except for branches
 * that left the loop into a part of the process nothing else enters (a reminder sent each round,
 * then an end): their tokens never meet another's.
 */
function checkLoopRounds(
  loop: Loop,
  raw: readonly EdgeLabel[],
  labels: DecisionLabels,
  words: GatewayWords,
): Problem[] {
  const { header, backEdges, exits } = loop;
  for (const back of backEdges) {
    const label = raw[back.index];
    if (!label) continue;
    const concurrent = (other: GraphEdge) => {
      const otherLabel = raw[other.index];
      return other !== back && otherLabel != null && !labels.exclusive(label, otherLabel);
    };
    const clash =
      backEdges.some(concurrent) ||
      exits.some((exit) => concurrent(exit) && !entersClosedRegion(exit));
    if (clash) {
      return [
        problem(
          "parallel.unsynchronized",
          { node: header.name, reason: "loop", join: words.join },
          { nodeId: header.node.id, edgeId: back.edge.id },
        ),
      ];
    }
  }
  return [];
}
