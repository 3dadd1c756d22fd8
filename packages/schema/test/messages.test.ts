import { describe, expect, test } from "vitest";
import {
  displayName,
  type EdgeName,
  type MessageParams,
  ProblemCode,
  problemMessages,
  severityOf,
  type TypedNode,
} from "../src";

const review = displayName("review", { "zh-CN": "审核", en: "Review" });
const publish = displayName("publish", { "zh-CN": "发布", en: "Publish" });
const edgeName: EdgeName = { kind: "ends", from: review, to: publish };
const exclusive = { "zh-CN": "条件分支", en: "Exclusive gateway" };
const parallel = { "zh-CN": "并行分支", en: "Parallel gateway" };
const gateway: TypedNode = {
  name: displayName("ok", { "zh-CN": "通过？", en: "Approved?" }),
  type: exclusive,
};

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
    field: { "zh-CN": "「截止时间」", en: "“Due in”" },
    detail: { "zh-CN": "格式不正确", en: "has the wrong format" },
  },
  "node.configUnchecked": {
    node: review,
    type: "acme.crmTag",
    title: { "zh-CN": "客户标签", en: "CRM tag" },
  },
  "start.missing": undefined,
  "start.multiple": { node: review, first: review, trigger: "message", messageName: "order_paid" },
  "node.unreachable": { node: review },
  "node.cannotReachEnd": { node: review },
  "edge.fromEnd": { node: review },
  "edge.intoStart": { node: review },
  "edge.unknownNode": { edge: edgeName, end: "target", id: "gone" },
  "edge.unknownPort": {
    edge: edgeName,
    node: review,
    port: "failure",
    ports: [displayName("out"), displayName("error")],
  },
  "port.tooManyEdges": { node: review, port: displayName("error"), direction: "out", count: 2 },
  "gateway.noDefault": { node: gateway },
  "gateway.multipleDefaults": { node: gateway, count: 2 },
  "gateway.missingCondition": { node: gateway, edge: edgeName },
  "expression.syntax": {
    where: { kind: "edgeCondition", edge: edgeName },
    detail: "unexpected end",
  },
  "expression.undeclaredVariable": {
    where: { kind: "nodeConfig", node: review, field: { "zh-CN": " assignee ", en: "assignee" } },
    name: "channel",
  },
  "parallel.unbalanced": {
    node: { name: review, type: parallel },
    reason: "branchesDiffer",
    decision: exclusive,
  },
  "parallel.unsynchronized": { node: review, reason: "merge", join: parallel },
  "cycle.noWait": {
    node: review,
    waiting: [
      { "zh-CN": "人工任务", en: "User task" },
      { "zh-CN": "定时等待", en: "Timer" },
    ],
  },
  "variable.duplicate": { name: "amount" },
  "variable.defaultType": { name: "amount", type: "money" },
  "variable.undeclared": {
    node: review,
    field: { "zh-CN": "「赋值」（0.variable）", en: "“Assignments” (0.variable)" },
    name: "discount",
  },
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

  test("nodes are named by their label in each language, else their type's title, else by id", () => {
    const title = { "zh-CN": "人工任务", en: "User task" };
    expect(displayName("n1", { "zh-CN": "审核" }, title)).toEqual({ "zh-CN": "审核", en: "审核" });
    expect(displayName("n1", { en: "Review", "zh-CN": " " })).toEqual({
      "zh-CN": "Review",
      en: "Review",
    });
    expect(displayName("n1", {}, title)).toEqual(title);
    expect(displayName("n1")).toEqual({ "zh-CN": "n1", en: "n1" });
  });

  test("a connection is named by what the canvas shows, best first", () => {
    const build = problemMessages["edge.unknownNode"];
    const missing = (edge: EdgeName) => build({ edge, end: "target", id: "gone" });
    expect(missing({ kind: "label", label: { "zh-CN": "通过", en: "Approved" } })).toEqual({
      "zh-CN": "连线「通过」的终点「gone」不存在",
      en: "The connection “Approved” ends at “gone”, which does not exist",
    });
    expect(missing({ kind: "condition", condition: "金额 > 10000" })).toEqual({
      "zh-CN": "条件为「金额 > 10000」的连线的终点「gone」不存在",
      en: "The connection with condition “金额 > 10000” ends at “gone”, which does not exist",
    });
    expect(missing({ kind: "ends", from: review })).toEqual({
      "zh-CN": "从「审核」连出的连线的终点「gone」不存在",
      en: "The connection from “Review” ends at “gone”, which does not exist",
    });
    expect(missing({ kind: "id", id: "e1" })["zh-CN"]).toBe("连线「e1」的终点「gone」不存在");
  });

  test("a node is named with its type as the palette shows it, once when it has no label", () => {
    const build = problemMessages["gateway.noDefault"];
    expect(build({ node: gateway })).toEqual({
      "zh-CN": "条件分支「通过？」没有默认分支：所有条件都不满足时流程会停在这里",
      en: "Exclusive gateway “Approved?” has no default branch: the process stops there when no condition matches",
    });
    const unlabeled = { name: displayName("decide", undefined, exclusive), type: exclusive };
    expect(build({ node: unlabeled })["zh-CN"]).toMatch(/^「条件分支」没有默认分支/);
    expect(build({ node: unlabeled }).en).toMatch(/^“Exclusive gateway” has no default branch/);
  });

  test("only problems a node type's author must fix are warnings", () => {
    const warnings = ProblemCode.options.filter((code) => severityOf(code) === "warning");
    expect(warnings).toEqual(["node.configUnchecked"]);
  });
});
