import { describe, expect, test } from "vitest";
import { displayName, type MessageParams, ProblemCode, problemMessages, severityOf } from "../src";

const review = displayName("review", { "zh-CN": "审核", en: "Review" });
const edgeName = displayName("e1");

// One example per code (with ASCII names, so the English text can be checked for stray Chinese);
// the mapped type makes a new code without an example a type error.
const examples: { [C in ProblemCode]: MessageParams<C> } = {
  "definition.shape": {
    field: "key",
    detail: { "zh-CN": "格式不正确", en: "has the wrong format" },
  },
  "node.duplicateId": { id: "review" },
  "edge.duplicateId": { id: "e1" },
  "node.unknownType": { node: review, type: "acme.crmTag", version: 2, installed: [1] },
  "node.config": {
    node: review,
    field: "dueIn",
    detail: { "zh-CN": "格式不正确", en: "has the wrong format" },
  },
  "node.configUnchecked": { node: review, type: "acme.crmTag" },
  "start.missing": undefined,
  "start.multiple": { node: review, first: review, trigger: "message", messageName: "order_paid" },
  "node.unreachable": { node: review },
  "node.cannotReachEnd": { node: review },
  "edge.fromEnd": { node: review },
  "edge.intoStart": { node: review },
  "edge.unknownNode": { edge: edgeName, end: "target", id: "gone" },
  "edge.unknownPort": { edge: edgeName, node: review, port: "failure", ports: ["out", "error"] },
  "port.tooManyEdges": { node: review, port: "error", direction: "out", count: 2 },
  "gateway.noDefault": { node: review },
  "gateway.multipleDefaults": { node: review, count: 2 },
  "gateway.missingCondition": { node: review, edge: edgeName },
  "expression.syntax": {
    where: { kind: "edgeCondition", edge: edgeName },
    detail: "unexpected end",
  },
  "expression.undeclaredVariable": {
    where: { kind: "nodeConfig", node: review, field: "assignee" },
    name: "channel",
  },
  "parallel.unbalanced": { node: review, reason: "branchesDiffer" },
  "parallel.unsynchronized": { node: review, reason: "merge" },
  "cycle.noWait": { node: review },
  "variable.duplicate": { name: "amount" },
  "variable.defaultType": { name: "amount", type: "money" },
  "variable.undeclared": { node: review, field: "assignments.0.variable", name: "discount" },
};

describe("problem messages", () => {
  test.each(ProblemCode.options)("%s reads naturally in Chinese and in English", (code) => {
    const build = problemMessages[code] as (params: unknown) => { "zh-CN": string; en: string };
    const message = build(examples[code]);
    expect(message["zh-CN"]).toMatch(/\p{Script=Han}/u);
    expect(message.en).toMatch(/^[A-Z“]/);
    expect(message.en).not.toMatch(/\p{Script=Han}/u);
    expect(message["zh-CN"]).not.toEqual(message.en);
  });

  test("nodes are named by their label in each language, else by id", () => {
    expect(displayName("n1", { "zh-CN": "审核" })).toEqual({ "zh-CN": "审核", en: "审核" });
    expect(displayName("n1", { en: "Review", "zh-CN": " " })).toEqual({
      "zh-CN": "Review",
      en: "Review",
    });
    expect(displayName("n1")).toEqual({ "zh-CN": "n1", en: "n1" });
  });

  test("only problems a node type's author must fix are warnings", () => {
    const warnings = ProblemCode.options.filter((code) => severityOf(code) === "warning");
    expect(warnings).toEqual(["node.configUnchecked"]);
  });
});
