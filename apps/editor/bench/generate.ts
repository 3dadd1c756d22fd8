// A large generated definition for the canvas benchmark: a start, then `size - 2` user tasks and
// decisions in columns (each decision branching to the next column), then an end — laid out
// top-down in a grid the way auto-layout would, so the canvas shows a realistic dense flow.
import type { ProcessDefinitionInput } from "@playbook/schema";

const COLUMN_GAP = 300;
const ROW_GAP = 130;

export function generatedDefinition(size: number, key = `bench-${size}`): ProcessDefinitionInput {
  const columns = Math.ceil(Math.sqrt(size));
  const nodes: ProcessDefinitionInput["nodes"] = [];
  const edges: NonNullable<ProcessDefinitionInput["edges"]> = [];
  const positions: Record<string, { x: number; y: number }> = {};
  const place = (id: string, index: number) => {
    positions[id] = { x: (index % columns) * COLUMN_GAP, y: Math.floor(index / columns) * ROW_GAP };
  };

  nodes.push({
    id: "start",
    type: "playbook.start",
    typeVersion: 1,
    label: { en: "Start", "zh-CN": "开始" },
  });
  place("start", 0);
  let previous = "start";
  for (let index = 1; index < size - 1; index++) {
    const decision = index % 5 === 0;
    const id = `${decision ? "decide" : "task"}${index}`;
    nodes.push({
      id,
      type: decision ? "playbook.exclusiveGateway" : "playbook.userTask",
      typeVersion: 1,
      label: decision
        ? { en: `Check ${index}`, "zh-CN": `判断 ${index}` }
        : { en: `Step ${index}`, "zh-CN": `步骤 ${index}` },
    });
    place(id, index);
    edges.push({ id: `e${index}`, source: previous, target: id });
    previous = id;
  }
  nodes.push({
    id: "end",
    type: "playbook.end",
    typeVersion: 1,
    label: { en: "End", "zh-CN": "结束" },
  });
  place("end", size - 1);
  edges.push({ id: "e-end", source: previous, target: "end" });

  return {
    key,
    name: { "zh-CN": `${size} 个节点`, en: `${size} nodes` },
    schemaVersion: 1,
    variables: [{ name: "amount", type: "number" }],
    nodes,
    edges,
    layout: { nodes: positions },
  };
}
