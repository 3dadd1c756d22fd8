// Parallel gateway (AND). Join: a token waits (wait `join`) until a token has arrived by every
// incoming edge; the last arrival consumes one waiting token per other edge (the earliest) and
// continues. Split: one token leaves by every outgoing edge; conditions are ignored, as in BPMN.
import type { Token } from "../types";
import { defineBehaviour } from "./behaviour";
import { parallelGatewayConfig } from "./configs";

export const parallelGateway = defineBehaviour(parallelGatewayConfig, {
  enter(run, token, node) {
    const edges = run.index.outgoing(node.id, "normal");
    const incoming = run.index.incoming(node.id);
    if (incoming.length <= 1 || token.viaEdgeId === undefined) return { type: "take", edges };
    const merged: Token[] = [];
    for (const edge of incoming) {
      if (edge.id === token.viaEdgeId) continue;
      const waiting = run.tokens.find(
        (t) => t.nodeId === node.id && t.wait.type === "join" && t.viaEdgeId === edge.id,
      );
      if (!waiting) return { type: "wait", wait: { type: "join" } };
      merged.push(waiting);
    }
    return { type: "take", edges, merged };
  },
});
