// Compact builders for test definitions: `node("approve", "userTask", {...})`, `edge("a", "b")`,
// `flow({ nodes, edges })` — parsed by the real definition schema, so defaults apply as in prod.
import {
  ProcessDefinition,
  type ProcessDefinitionInput,
  type VariableDeclaration,
} from "@playbook/schema";
import type { NodeTypeInfo, RetryPolicy } from "../src";

type NodeInput = ProcessDefinitionInput["nodes"][number];
type EdgeInput = NonNullable<ProcessDefinitionInput["edges"]>[number];

/** A node of a built-in type (`playbook.<type>`) unless `type` already has a dot. */
export function node(id: string, type: string, config: Record<string, unknown> = {}): NodeInput {
  return { id, type: type.includes(".") ? type : `playbook.${type}`, typeVersion: 1, config };
}

export function edge(
  source: string,
  target: string,
  extra: {
    id?: string;
    port?: string;
    condition?: string;
    isDefault?: boolean;
    priority?: number;
  } = {},
): EdgeInput {
  const { id, port, ...rest } = extra;
  return {
    id: id ?? `${source}_to_${target}${port ? `_${port}` : ""}`,
    source,
    target,
    ...(port ? { sourcePort: port } : {}),
    ...rest,
  };
}

export function flow(spec: {
  nodes: NodeInput[];
  edges: EdgeInput[];
  variables?: Array<Pick<VariableDeclaration, "name" | "type"> & { default?: unknown }>;
}): ProcessDefinition {
  return ProcessDefinition.parse({
    key: "test-flow",
    name: { en: "Test flow", "zh-CN": "测试流程" },
    schemaVersion: 1,
    variables: spec.variables ?? [],
    nodes: spec.nodes,
    edges: spec.edges,
  });
}

const BEHAVIOURS = [
  "start",
  "end",
  "terminateEnd",
  "userTask",
  "exclusiveGateway",
  "parallelGateway",
  "timer",
  "messageWait",
  "setVariables",
] as const;

/** The node types the built-in pack registers, plus service types used by the tests. */
export function nodeTypes(extra: Record<string, NodeTypeInfo> = {}): Record<string, NodeTypeInfo> {
  const types: Record<string, NodeTypeInfo> = {
    "playbook.webhook": { behaviour: "service" },
    "playbook.sendEmail": { behaviour: "service" },
  };
  for (const behaviour of BEHAVIOURS) types[`playbook.${behaviour}`] = { behaviour };
  return { ...types, ...extra };
}

export const quickRetry: RetryPolicy = {
  maxAttempts: 3,
  initialBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  jitter: 0,
};
