// Strongly connected components by Tarjan's algorithm, iterative so a 10,000-node chain does not
// overflow the call stack. Linear in nodes + edges.
import type { GraphEdge, GraphNode, ProcessGraph } from "./graph";

export interface Components {
  /** Component number per node index; -1 for nodes left out by `include`. */
  readonly componentOf: Int32Array;
  /** Components with a cycle in them: two or more nodes, or one node with an edge to itself. */
  readonly cyclic: readonly (readonly GraphNode[])[];
}

export function stronglyConnectedComponents(
  graph: ProcessGraph,
  include: (node: GraphNode) => boolean = () => true,
  follow: (edge: GraphEdge) => boolean = () => true,
): Components {
  const count = graph.nodes.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const componentOf = new Int32Array(count).fill(-1);
  const stack: GraphNode[] = [];
  const cyclic: GraphNode[][] = [];
  // Explicit call stack: the node being explored and how many of its edges were tried.
  const frames: { node: GraphNode; next: number }[] = [];
  let counter = 0;
  let components = 0;

  const enter = (node: GraphNode) => {
    order[node.index] = low[node.index] = counter++;
    stack.push(node);
    onStack[node.index] = 1;
    frames.push({ node, next: 0 });
  };
  const usable = (edge: GraphEdge) => include(edge.target) && follow(edge);

  for (const root of graph.nodes) {
    if (order[root.index] !== -1 || !include(root)) continue;
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const { node } = frame;
      const edge = node.outgoing[frame.next];
      if (edge) {
        frame.next++;
        if (!usable(edge)) continue;
        const target = edge.target.index;
        if (order[target] === -1) enter(edge.target);
        else if (onStack[target]) low[node.index] = Math.min(low[node.index]!, order[target]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.node.index] = Math.min(low[parent.node.index]!, low[node.index]!);
      if (low[node.index] !== order[node.index]) continue;
      const members: GraphNode[] = [];
      let member: GraphNode | undefined;
      do {
        member = stack.pop()!;
        onStack[member.index] = 0;
        componentOf[member.index] = components;
        members.push(member);
      } while (member !== node);
      components++;
      const selfLoop =
        members.length === 1 && node.outgoing.some((e) => e.target === node && usable(e));
      if (members.length > 1 || selfLoop) cyclic.push(members);
    }
  }
  return { componentOf, cyclic };
}
