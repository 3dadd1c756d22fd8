// Small definitions for the editor's unit tests, built the way a user would draw them.
import { ProcessDefinition } from "@playbook/schema";

/** start → approve (user task) → decide (exclusive gateway) → approved / rejected ends. */
export function approvalDefinition(): ProcessDefinition {
  return ProcessDefinition.parse({
    key: "budget",
    name: { "zh-CN": "预算审批", en: "Budget approval" },
    schemaVersion: 1,
    variables: [{ name: "amount", type: "number" }],
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1 },
      { id: "approve", type: "playbook.userTask", typeVersion: 1, label: { en: "Approve" } },
      { id: "decide", type: "playbook.exclusiveGateway", typeVersion: 1 },
      { id: "approved", type: "playbook.end", typeVersion: 1 },
      { id: "rejected", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "e1", source: "start", target: "approve" },
      { id: "e2", source: "approve", target: "decide" },
      { id: "e3", source: "decide", target: "approved", condition: "amount < 1000" },
      { id: "e4", source: "decide", target: "rejected", isDefault: true },
    ],
    layout: {
      nodes: {
        start: { x: 0, y: 0 },
        approve: { x: 200, y: 0 },
        decide: { x: 400, y: 0 },
        approved: { x: 600, y: -100 },
        rejected: { x: 600, y: 100 },
      },
    },
  });
}
