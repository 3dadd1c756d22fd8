// Exclusive gateway rules: once a gateway decides (two or more ways out, or any condition),
// every way but one needs a condition and exactly one is the default, so a token never stalls
// because nothing matched.
import type { Problem } from "../problems";
import { behaviourOf, type ProcessGraph, typed } from "./graph";
import { problem } from "./report";

export function checkGateways(graph: ProcessGraph): Problem[] {
  const problems: Problem[] = [];
  for (const node of graph.nodes) {
    if (behaviourOf(node) !== "exclusiveGateway") continue;
    const outgoing = node.outgoing;
    const decides =
      outgoing.length > 1 || outgoing.some((edge) => edge.edge.condition !== undefined);
    if (!decides) continue; // a plain merge: one unconditional way out
    const defaults = outgoing.filter((edge) => edge.edge.isDefault);
    if (defaults.length === 0) {
      problems.push(problem("gateway.noDefault", { node: typed(node) }, { nodeId: node.node.id }));
    } else if (defaults.length > 1) {
      problems.push(
        problem(
          "gateway.multipleDefaults",
          { node: typed(node), count: defaults.length },
          { nodeId: node.node.id },
        ),
      );
    }
    for (const edge of outgoing) {
      if (edge.edge.isDefault || edge.edge.condition !== undefined) continue;
      problems.push(
        problem(
          "gateway.missingCondition",
          { node: typed(node), edge: edge.name },
          { nodeId: node.node.id, edgeId: edge.edge.id, field: "condition" },
        ),
      );
    }
  }
  return problems;
}
