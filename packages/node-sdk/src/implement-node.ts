// Attaches an executor to a node definition. Kept apart from `defineNode()` so a pack's
// manifests module never imports executor code and the editor bundle stays free of it.

import type { NodeContext, NodeExecute, NodeOutput } from "./context";
import type { ConfigSchema, NodeDefinition } from "./define-node";
import { NodeSdkError } from "./errors";

export interface ImplementedNode<TConfig extends ConfigSchema = ConfigSchema> {
  readonly definition: NodeDefinition<TConfig>;
  // Method syntax on purpose: lets a registry hold nodes with different config types.
  execute(ctx: NodeContext<TConfig>): Promise<NodeOutput | undefined> | NodeOutput | undefined;
}

export function implementNode<TConfig extends ConfigSchema>(
  definition: NodeDefinition<TConfig>,
  execute: NodeExecute<TConfig>,
): ImplementedNode<TConfig> {
  if (definition.behaviour !== "service") {
    throw new NodeSdkError(
      "definition.executorNotAllowed",
      `${definition.type}@${definition.version}: only service nodes run executors; ` +
        `"${definition.behaviour}" is interpreted by the engine`,
    );
  }
  return Object.freeze({ definition, execute });
}
