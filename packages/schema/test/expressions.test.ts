import { describe, expect, test } from "vitest";
import { type ExpressionAnalyzer, validateDefinition } from "../src";
import { definition, edge, nodes, path, validate } from "./fixtures/builders";
import { expectNoProblems, expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";
import { fakeAnalyzer } from "./fixtures/fake-analyzer";
import { nodeTypes } from "./fixtures/node-types";

function decision(condition: string) {
  return definition({
    nodes: [nodes.start(), nodes.xor("decide"), nodes.task("big", "大单审批"), nodes.end()],
    edges: [
      edge("start", "decide"),
      edge("decide", "big", { condition, label: { "zh-CN": "大单" } }),
      edge("decide", "end", { isDefault: true }),
      edge("big", "end"),
    ],
  });
}

describe("expressions", () => {
  test("a condition over declared variables and FEEL built-ins is fine", () => {
    expectNoProblems(
      validate(decision('金额 > 10000 and count(客户ID) > 0 and 审核结果 != "驳回"')),
    );
  });

  test("a condition that does not parse carries the range to underline", () => {
    const result = validate(decision("金额 > "));
    const problem = expectOnlyProblem(result, {
      code: "expression.syntax",
      edgeId: "decide-big",
      field: "condition",
    });
    expect(problem.range).toEqual({ from: 3, to: 5 });
    expect(problem.message["zh-CN"]).toContain("连线「大单」的条件有语法错误");
  });

  test("a condition reading an undeclared variable names it", () => {
    const result = validate(decision('金额 > 10000 and 渠道 = "抖音"'));
    const problem = expectOnlyProblem(result, {
      code: "expression.undeclaredVariable",
      edgeId: "decide-big",
      field: "condition",
    });
    expect(problem.message["zh-CN"]).toBe("连线「大单」的条件用到了未声明的变量「渠道」");
    expect(problem.message.en).toBe(
      "The condition of the connection “大单” uses the undeclared variable “渠道”",
    );
  });

  test("a condition on a connection without a label names it by the nodes it joins, not its id", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        { ...nodes.xor("decide"), label: { "zh-CN": "金额判断", en: "Amount check" } },
        { ...nodes.task("big"), label: { "zh-CN": "大单审批", en: "Big order approval" } },
        nodes.end(),
      ],
      edges: [
        edge("start", "decide"),
        edge("decide", "big", { condition: '渠道 = "抖音"' }),
        edge("decide", "end", { isDefault: true }),
        edge("big", "end"),
      ],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "expression.undeclaredVariable",
      edgeId: "decide-big",
      field: "condition",
    });
    expect(problem.message["zh-CN"]).toBe(
      "从「金额判断」到「大单审批」的连线的条件用到了未声明的变量「渠道」",
    );
    expect(problem.message.en).toBe(
      "The condition of the connection from “Amount check” to “Big order approval” uses the undeclared variable “渠道”",
    );
  });

  test("an undeclared variable carries the range where it is read, past strings and members", () => {
    // 渠道 and 来源 are undeclared; "来源" is a text and 客户ID.来源 a member, not reads of 来源.
    const source = '金额 > 10000 and 渠道 = "来源" or 客户ID.来源 = 1 or 来源 = 渠道';
    const result = validate(decision(source));
    const ranges = result.problems.map((p) => [p.code, p.range]);
    expect(ranges).toEqual([
      ["expression.undeclaredVariable", { from: 15, to: 17 }],
      ["expression.undeclaredVariable", { from: 43, to: 45 }],
    ]);
    expect(result.problems.map((p) => source.slice(p.range!.from, p.range!.to))).toEqual([
      "渠道",
      "来源",
    ]);
  });

  test("an undeclared variable in a node's FEEL setting carries its range in that setting", () => {
    const task = nodes.task("review", "审核", { assignee: "if 金额 > 100 then 主管 else 专员" });
    const input = definition({
      nodes: [nodes.start(), task, nodes.end()],
      edges: path("start", "review", "end"),
    });
    const problems = validate(input).problems;
    expect(problems.map((p) => [p.field, p.range])).toEqual([
      ["config.assignee", { from: 17, to: 19 }],
      ["config.assignee", { from: 25, to: 27 }],
    ]);
  });

  test("where the analyzer reports where names are read, its ranges are used", () => {
    const withRanges: ExpressionAnalyzer = {
      ...fakeAnalyzer,
      analyze(source, kind) {
        const analysis = fakeAnalyzer.analyze(source, kind);
        // Points at the second 渠道, which a scan from the start would not pick.
        return analysis.ok
          ? { ...analysis, nameRanges: [{ name: "渠道", from: 9, to: 11 }] }
          : analysis;
      },
    };
    const result = validateDefinition(decision("渠道 = 1 or 渠道 = 2"), nodeTypes, {
      expressions: withRanges,
    });
    expect(result.problems.map((p) => p.range)).toEqual([{ from: 9, to: 11 }]);
  });

  test("each undeclared variable is reported once per expression", () => {
    const result = validate(decision("渠道 = 来源 or 渠道 = 来源2"));
    expect(result.problems.map((p) => p.message.en.split("“").at(-1))).toEqual([
      "渠道”",
      "来源”",
      "来源2”",
    ]);
  });

  test("members of a declared variable are not variables themselves", () => {
    expectNoProblems(validate(decision("客户ID.length > 3")));
  });

  test("a FEEL setting of a node is checked too, at its config path", () => {
    const task = nodes.task("review", "审核", { assignee: "负责人" });
    const input = definition({
      nodes: [nodes.start(), task, nodes.end()],
      edges: path("start", "review", "end"),
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "expression.undeclaredVariable",
      nodeId: "review",
      field: "config.assignee",
    });
    expect(problem.message["zh-CN"]).toBe(
      "节点「审核」的配置项 assignee 用到了未声明的变量「负责人」",
    );
  });

  test("each {{ placeholder }} of a text setting is checked, with ranges in the whole text", () => {
    const url = "https://crm.example.com/users/{{ 客户ID }}/tags/{{标签 + }}?by={{操作人}}";
    const input = definition({
      variables: [{ name: "客户ID", type: "string" }],
      nodes: [nodes.start(), nodes.http("call", { url }), nodes.end()],
      edges: path("start", "call", "end"),
    });
    const problems = validate(input).problems;
    expect(problems.map((p) => [p.code, p.field, url.slice(p.range!.from, p.range!.to)])).toEqual([
      ["expression.syntax", "config.url", expect.any(String)],
      ["expression.undeclaredVariable", "config.url", "操作人"],
    ]);
    // The syntax error points inside the broken placeholder, not at the start of the text.
    const syntax = problems[0]!.range!;
    expect(syntax.from).toBeGreaterThanOrEqual(url.indexOf("{{标签"));
    expect(syntax.to).toBeLessThanOrEqual(url.indexOf("}}?by"));
  });

  test("text without placeholders is not read as FEEL", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.http("call", { url: "https://crm.example.com/a b/c?x=1&y={2}" }),
        nodes.end(),
      ],
      edges: path("start", "call", "end"),
    });
    expectNoProblems(validate(input));
  });

  test("each assignment of a mapping is parsed, with the range inside that expression", () => {
    const set = nodes.set("calc", [
      { variable: "金额", expression: "金额 * 2" },
      { variable: "审核结果", expression: '"通过' },
    ]);
    const input = definition({
      nodes: [nodes.start(), set, nodes.end()],
      edges: path("start", "calc", "end"),
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "expression.syntax",
      nodeId: "calc",
      field: "config.assignments.1.expression",
    });
    expect(problem.range).toEqual({ from: 0, to: 3 });
  });

  test("a mapping that writes an undeclared variable", () => {
    const set = nodes.set("calc", [{ variable: "折扣", expression: "金额 * 0.9" }]);
    const input = definition({
      nodes: [nodes.start(), set, nodes.end()],
      edges: path("start", "calc", "end"),
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "variable.undeclared",
      nodeId: "calc",
      field: "config.assignments.0.variable",
    });
    expect(problem.message.en).toContain("“折扣”");
  });

  test("form fields and result variables of tasks and waits are writes too", () => {
    const task = nodes.task("fill", "填写", {
      form: [{ name: "预算", type: "number" }],
      outcomeVariable: "审核结果",
    });
    const wait = {
      ...nodes.wait("reply"),
      config: { ...nodes.wait("reply").config, resultVariable: "回复" },
    };
    const input = definition({
      nodes: [nodes.start(), task, wait, nodes.end()],
      edges: [
        ...path("start", "fill", "reply", "end"),
        edge("reply", "end", { id: "timeout", sourcePort: "timeout" }),
      ],
    });
    expectProblems(validate(input), [
      { code: "variable.undeclared", nodeId: "fill", field: "config.form.0.name" },
      { code: "variable.undeclared", nodeId: "reply", field: "config.resultVariable" },
    ]);
  });
});
