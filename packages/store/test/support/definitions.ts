// Small definitions for store tests, written as a chain of nodes from a start to an end.
import type { ProcessDefinitionInput, VariableDeclaration } from "@playbook/schema";

export interface ChainNode {
  id: string;
  type: "test.service" | "test.task" | "test.timer" | "test.wait" | "test.set";
  config: Record<string, unknown>;
}

export function chain(
  key: string,
  steps: ChainNode[],
  options: {
    variables?: Array<Partial<VariableDeclaration> & Pick<VariableDeclaration, "name" | "type">>;
    start?: Record<string, unknown>;
  } = {},
): ProcessDefinitionInput {
  const nodes = [
    { id: "start", type: "test.start", typeVersion: 1, config: options.start ?? {} },
    ...steps.map((step) => ({ id: step.id, type: step.type, typeVersion: 1, config: step.config })),
    { id: "end", type: "test.end", typeVersion: 1, config: {} },
  ];
  const edges = nodes.slice(1).map((node, index) => ({
    id: `e${index}`,
    source: nodes[index]?.id ?? "start",
    target: node.id,
  }));
  return {
    key,
    name: { "zh-CN": key, en: key },
    schemaVersion: 1,
    variables: options.variables ?? [],
    nodes,
    edges,
  };
}

export const service = (id: string, action: string): ChainNode => ({
  id,
  type: "test.service",
  config: { action },
});
export const task = (id: string, config: Record<string, unknown> = {}): ChainNode => ({
  id,
  type: "test.task",
  config,
});
export const timer = (id: string, duration: string): ChainNode => ({
  id,
  type: "test.timer",
  config: { mode: "duration", duration },
});
export const waitFor = (
  id: string,
  messageName: string,
  correlationKey: string,
  extra: Record<string, unknown> = {},
): ChainNode => ({
  id,
  type: "test.wait",
  config: { messageName, correlationKey, ...extra },
});
