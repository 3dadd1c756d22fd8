import { builtinManifests } from "@playbook/nodes/manifests";
import { manifestLookup, ProcessDefinition } from "@playbook/schema";
import { describe, expect, test } from "vitest";
import { applyChange } from "./changes";
import { planVariableRename } from "./rename-variable";
import { createEditorStore } from "./store";

const lookup = manifestLookup(builtinManifests);
const manifestOf = (type: string, version: number) => lookup.get(type, version);

/** A budget flow whose settings and conditions read 金额 in every way a flow can. */
function budgetFlow(): ProcessDefinition {
  return ProcessDefinition.parse({
    key: "budget",
    name: { "zh-CN": "预算", en: "Budget" },
    schemaVersion: 1,
    variables: [
      { name: "金额", type: "number" },
      { name: "折后", type: "number" },
      { name: "回执", type: "object" },
      { name: "明细", type: "list" },
    ],
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1 },
      {
        id: "discount",
        type: "playbook.setVariables",
        typeVersion: 1,
        config: {
          assignments: [
            { variable: "折后", expression: "金额 * 0.9" },
            { variable: "金额", expression: "金额 + 明细[金额 > 0].金额" },
          ],
        },
      },
      {
        id: "notify",
        type: "playbook.webhook",
        typeVersion: 1,
        config: {
          method: "POST",
          url: "https://crm.example.com/budget/{{ 金额 }}?net={{折后}}&raw={{金额}}",
          body: '{ amount: 金额, note: "金额已确认" }',
          resultVariable: "回执",
        },
      },
      { id: "decide", type: "playbook.exclusiveGateway", typeVersion: 1 },
      { id: "big", type: "playbook.end", typeVersion: 1 },
      { id: "small", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "e1", source: "start", target: "discount" },
      { id: "e2", source: "discount", target: "notify" },
      { id: "e3", source: "notify", target: "decide" },
      { id: "e4", source: "decide", target: "big", condition: "金额 > 10000" },
      { id: "e5", source: "decide", target: "small", condition: "折后 <= 10000" },
    ],
  });
}

const rename = (definition: ProcessDefinition, index: number, to: string) => {
  const plan = planVariableRename(definition, index, to, manifestOf);
  if (!plan) throw new Error("nothing to rename");
  return { plan, next: applyChange(definition, { kind: "renameVariable", rename: plan }) };
};

describe("renaming a variable carries its uses along", () => {
  test("conditions, settings and assignment targets follow; text and other names do not", () => {
    const { plan, next } = rename(budgetFlow(), 0, "预算");

    expect(next.variables.map((variable) => variable.name)).toEqual([
      "预算",
      "折后",
      "回执",
      "明细",
    ]);
    expect(next.nodes.find((node) => node.id === "discount")?.config).toEqual({
      assignments: [
        { variable: "折后", expression: "预算 * 0.9" },
        // The filter reads 金额 of each item: left as written, and reported.
        { variable: "预算", expression: "预算 + 明细[金额 > 0].金额" },
      ],
    });
    expect(next.nodes.find((node) => node.id === "notify")?.config).toMatchObject({
      // Placeholders follow; the text around them, spaces inside braces included, stays.
      url: "https://crm.example.com/budget/{{ 预算 }}?net={{折后}}&raw={{预算}}",
      body: '{ amount: 预算, note: "金额已确认" }',
      resultVariable: "回执",
    });
    expect(next.edges.find((edge) => edge.id === "e4")?.condition).toBe("预算 > 10000");
    expect(next.edges.find((edge) => edge.id === "e5")?.condition).toBe("折后 <= 10000");
    expect(plan.rewritten).toBe(7);
    expect(plan.skipped).toEqual([{ nodeId: "discount", reason: "inFilter" }]);
  });

  test("a result variable setting follows its variable", () => {
    const { next } = rename(budgetFlow(), 2, "crmReceipt");
    expect(next.nodes.find((node) => node.id === "notify")?.config).toMatchObject({
      resultVariable: "crmReceipt",
    });
  });

  test("an expression with a syntax error is left as written and reported", () => {
    const broken = budgetFlow();
    const edge = broken.edges.find((candidate) => candidate.id === "e4");
    if (edge) edge.condition = "金额 > (10000";
    const { plan, next } = rename(broken, 0, "预算");
    expect(next.edges.find((candidate) => candidate.id === "e4")?.condition).toBe("金额 > (10000");
    expect(plan.skipped).toContainEqual({ edgeId: "e4", reason: "syntax" });
  });

  test("while another row declares the same old name, uses stay with that one", () => {
    const duplicated = budgetFlow();
    duplicated.variables.push({ name: "金额", type: "number", required: false });
    const { plan, next } = rename(duplicated, 0, "预算");
    expect(plan.rewritten).toBe(0);
    expect(next.variables.map((variable) => variable.name)).toContain("金额");
    expect(next.edges.find((edge) => edge.id === "e4")?.condition).toBe("金额 > 10000");
  });

  test("one undo restores the old name and every use at once", () => {
    const store = createEditorStore();
    store.getState().load(budgetFlow());
    const plan = planVariableRename(store.getState().definition!, 0, "预算", manifestOf);
    store.getState().apply({ kind: "renameVariable", rename: plan! });
    expect(store.getState().definition?.edges.find((e) => e.id === "e4")?.condition).toBe(
      "预算 > 10000",
    );

    store.getState().undo();
    const restored = store.getState().definition!;
    expect(restored.variables[0]?.name).toBe("金额");
    expect(restored.edges.find((e) => e.id === "e4")?.condition).toBe("金额 > 10000");
    expect(restored.nodes.find((n) => n.id === "notify")?.config).toMatchObject({
      body: '{ amount: 金额, note: "金额已确认" }',
    });
  });
});
