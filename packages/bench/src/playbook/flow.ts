// The benchmarked definition: start → s1 … sN (no-op service tasks) → end.
import type { ProcessDefinitionInput } from "@playbook/schema";
import { NOOP_TYPE } from "./noop-node";

export const FLOW_KEY = "bench-steps";

export function stepIds(steps: number): string[] {
  return Array.from({ length: steps }, (_, i) => `s${i + 1}`);
}

export function benchFlow(steps: number): ProcessDefinitionInput {
  const nodes = [
    { id: "start", type: "playbook.start", typeVersion: 1, config: { trigger: "api" } },
    ...stepIds(steps).map((id) => ({ id, type: NOOP_TYPE, typeVersion: 1, config: {} })),
    { id: "end", type: "playbook.end", typeVersion: 1, config: {} },
  ];
  return {
    key: FLOW_KEY,
    name: { "zh-CN": `${steps} 步空操作`, en: `${steps} no-op steps` },
    schemaVersion: 1,
    variables: [],
    nodes,
    edges: nodes.slice(1).map((node, i) => ({
      id: `e${i + 1}`,
      source: nodes[i]?.id ?? "start",
      target: node.id,
    })),
  };
}
