// Which start nodes of a definition are started by an incoming message, and by which name.
import { startConfig } from "@playbook/engine";
import type { ProcessDefinition } from "@playbook/schema";
import type { ResolveNodeType } from "../ports";

export interface MessageStart {
  startNodeId: string;
  messageName: string;
}

export function messageStartsOf(
  definition: ProcessDefinition,
  resolveNodeType: ResolveNodeType,
): MessageStart[] {
  const starts: MessageStart[] = [];
  for (const node of definition.nodes) {
    if (resolveNodeType(node.type, node.typeVersion)?.behaviour !== "start") continue;
    const config = startConfig.safeParse(node.config);
    if (config.success && config.data.trigger === "message" && config.data.messageName) {
      starts.push({ startNodeId: node.id, messageName: config.data.messageName });
    }
  }
  return starts;
}
