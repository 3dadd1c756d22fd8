// Exclusive gateway (XOR): exactly one outgoing edge, the first whose condition holds in
// (priority, id) order, else the default; with neither, an incident an operator can retry once
// the data is fixed. As a merge it simply passes every token through.
import { chooseExclusive } from "../edges";
import { defineBehaviour, incidentOnEntry } from "./behaviour";
import { exclusiveGatewayConfig } from "./configs";

export const exclusiveGateway = defineBehaviour(exclusiveGatewayConfig, {
  enter(run, _token, node) {
    const edges = run.index.outgoing(node.id, "normal");
    if (edges.length === 0) return { type: "take", edges };
    const choice = chooseExclusive(run, edges);
    return choice.ok ? { type: "take", edges: choice.edges } : incidentOnEntry(choice.message);
  },
});
