import { builtinManifests } from "@playbook/nodes/manifests";
import type { ProcessDefinitionInput } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import { problemsAt } from "./problemIndex";
import { validateForEditor } from "./validate";

function flow(condition: string): ProcessDefinitionInput {
  return {
    key: "vip-approval",
    name: { "zh-CN": "大额审批", en: "Large order approval" },
    schemaVersion: 1,
    variables: [{ name: "金额", type: "number" }],
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1 },
      { id: "gw", type: "playbook.exclusiveGateway", typeVersion: 1 },
      {
        id: "approve",
        type: "playbook.userTask",
        typeVersion: 1,
        config: { title: "审批", dueIn: "tomorrow" },
      },
      { id: "end", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "e1", source: "start", target: "gw" },
      { id: "e2", source: "gw", target: "approve", condition },
      { id: "e3", source: "gw", target: "end", isDefault: true },
      { id: "e4", source: "approve", target: "end" },
    ],
  };
}

describe("editor validation", () => {
  const manifests = [...builtinManifests];

  it("files each problem under its node and its edge", () => {
    const result = validateForEditor(flow("金额 > 10000 and 渠道 = 1"), manifests);
    expect(result.ok).toBe(false);
    const approve = result.byNode.get("approve") ?? [];
    expect(problemsAt(approve, "config.dueIn").map((p) => p.code)).toEqual(["node.config"]);
    expect(result.byEdge.get("e2")?.map((p) => p.code)).toEqual(["expression.undeclaredVariable"]);
    expect(result.byNode.has("start")).toBe(false);
  });

  it("names a setting by the title its form field shows, in both languages", () => {
    const approve = validateForEditor(flow("金额 > 10000"), manifests).byNode.get("approve") ?? [];
    expect(problemsAt(approve, "config.dueIn")[0]?.message).toEqual({
      "zh-CN": "节点「人工任务」的配置项「处理时限」格式不正确",
      en: "Setting “Due within” of node “User task” has the wrong format",
    });
  });

  it("gives the same result object for the same definition object", () => {
    const definition = flow("金额 > 10000");
    expect(validateForEditor(definition, manifests)).toBe(validateForEditor(definition, manifests));
  });

  it("validates again when the definition is a new object", () => {
    const first = validateForEditor(flow("金额 >"), manifests);
    const fixed = validateForEditor(flow("金额 > 10000"), manifests);
    expect(first.byEdge.get("e2")?.[0]?.code).toBe("expression.syntax");
    expect(fixed.byEdge.has("e2")).toBe(false);
  });
});
