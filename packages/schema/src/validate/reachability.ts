// Every node must be reachable from a start and able to reach an end; otherwise it is dead
// drawing, or a token that enters it can never finish the instance.
import type { Problem } from "../problems";
import { type GraphNode, isEnd, isStart, type ProcessGraph } from "./graph";
import { problem } from "./report";

export function checkReachability(graph: ProcessGraph): Problem[] {
  const problems: Problem[] = [];
  const starts = graph.nodes.filter(isStart);
  // Without a start everything is unreachable; start.missing already says the one thing to fix.
  if (starts.length > 0) {
    const reached = flood(graph, starts, "forward");
    for (const node of graph.nodes) {
      if (reached[node.index] || isStart(node)) continue;
      problems.push(problem("node.unreachable", { node: node.name }, { nodeId: node.node.id }));
    }
  }
  const finishing = flood(graph, graph.nodes.filter(isEnd), "backward");
  for (const node of graph.nodes) {
    if (finishing[node.index]) continue;
    problems.push(problem("node.cannotReachEnd", { node: node.name }, { nodeId: node.node.id }));
  }
  return problems;
}

/** Nodes reachable from `from` along edges (forward) or against them (backward). */
export function flood(
  graph: ProcessGraph,
  from: readonly GraphNode[],
  direction: "forward" | "backward",
): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const queue = [...from];
  for (const node of from) seen[node.index] = 1;
  while (queue.length > 0) {
    const node = queue.pop()!;
    const edges = direction === "forward" ? node.outgoing : node.incoming;
    for (const edge of edges) {
      const next = direction === "forward" ? edge.target : edge.source;
      if (seen[next.index]) continue;
      seen[next.index] = 1;
      queue.push(next);
    }
  }
  return seen;
}
