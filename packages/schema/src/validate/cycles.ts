// Busy loops: a cycle the engine could run round forever inside one transaction because no node
// on it waits (for a person, a timer, a message or a job). Such a cycle exists exactly when the
// graph without its waiting nodes still has a cycle, so that is what is searched.
import type { Problem } from "../problems";
import { stronglyConnectedComponents } from "./components";
import { type ProcessGraph, typeTitle, waits } from "./graph";
import { problem } from "./report";

export function checkBusyLoops(graph: ProcessGraph): Problem[] {
  // Unknown node types might wait; leaving them out avoids blaming a loop we cannot judge.
  const { cyclic } = stronglyConnectedComponents(graph, (node) => waits(node) === false);
  if (cyclic.length === 0) return [];
  const waiting = (["userTask", "timer", "messageWait"] as const).map((behaviour) =>
    typeTitle(graph, behaviour),
  );
  return cyclic.map((members) => {
    const first = members.reduce((a, b) => (b.index < a.index ? b : a));
    return problem("cycle.noWait", { node: first.name, waiting }, { nodeId: first.node.id });
  });
}
