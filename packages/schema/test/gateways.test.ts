import { describe, expect, test } from "vitest";
import { validateDefinition } from "../src";
import { definition, edge, nodes, path, validate } from "./fixtures/builders";
import { expectNoProblems, expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";
import { fakeAnalyzer } from "./fixtures/fake-analyzer";
import { nodeTypes } from "./fixtures/node-types";

function approval(edges: ReturnType<typeof edge>[]) {
  return definition({
    nodes: [
      nodes.start(),
      nodes.task("review", "审核"),
      nodes.xor("decide", "通过？"),
      nodes.task("publish"),
      nodes.task("fix"),
      nodes.end(),
    ],
    edges: [
      ...path("start", "review", "decide"),
      ...edges,
      edge("publish", "end"),
      edge("fix", "end"),
    ],
  });
}

describe("exclusive gateways", () => {
  test("a decision with a default edge is fine", () => {
    const input = approval([
      edge("decide", "publish", { condition: '审核结果 = "通过"' }),
      edge("decide", "fix", { isDefault: true }),
    ]);
    expectNoProblems(validate(input));
  });

  test("a decision without a default edge would stall when no condition matches", () => {
    const input = approval([
      edge("decide", "publish", { condition: '审核结果 = "通过"' }),
      edge("decide", "fix", { condition: '审核结果 = "驳回"' }),
    ]);
    const problem = expectOnlyProblem(validate(input), {
      code: "gateway.noDefault",
      nodeId: "decide",
    });
    expect(problem.message["zh-CN"]).toBe(
      "条件分支「通过？」没有默认分支：所有条件都不满足时流程会停在这里",
    );
  });

  test("a single conditional way out also needs a default", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.xor("decide"), nodes.end()],
      edges: [edge("start", "decide"), edge("decide", "end", { condition: "金额 > 100" })],
    });
    expectOnlyProblem(validate(input), { code: "gateway.noDefault", nodeId: "decide" });
  });

  test("two default edges", () => {
    const input = approval([
      edge("decide", "publish", { isDefault: true }),
      edge("decide", "fix", { isDefault: true }),
    ]);
    expectOnlyProblem(validate(input), { code: "gateway.multipleDefaults", nodeId: "decide" });
  });

  test("a way out that is neither conditional nor the default", () => {
    const input = approval([edge("decide", "publish"), edge("decide", "fix", { isDefault: true })]);
    const problem = expectOnlyProblem(validate(input), {
      code: "gateway.missingCondition",
      nodeId: "decide",
      edgeId: "decide-publish",
      field: "condition",
    });
    // publish has no label, so it is called by its type's title, as the canvas draws it.
    expect(problem.message["zh-CN"]).toBe(
      "条件分支「通过？」连到「人工任务」的连线既没有条件，也不是默认分支",
    );
    expect(problem.message.en).toBe(
      "The connection to “User task” out of exclusive gateway “通过？” has no condition and is not the default branch",
    );
  });

  test("a gateway type of another node pack is called by its own title", () => {
    const routing = nodeTypes.map((manifest) =>
      manifest.behaviour === "exclusiveGateway"
        ? { ...manifest, title: { "zh-CN": "审批路由", en: "Approval routing" } }
        : manifest,
    );
    const input = approval([
      edge("decide", "publish", { condition: '审核结果 = "通过"' }),
      edge("decide", "fix", { condition: '审核结果 = "驳回"' }),
    ]);
    const [problem] = validateDefinition(input, routing, { expressions: fakeAnalyzer }).problems;
    expect(problem?.message["zh-CN"]).toMatch(/^审批路由「通过？」没有默认分支/);
    expect(problem?.message.en).toMatch(/^Approval routing “通过？” has no default branch/);
  });

  test("an exclusive gateway used only to merge needs nothing", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.xor("split"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.xor("merge"),
        nodes.end(),
      ],
      edges: [
        edge("split", "a", { condition: "金额 > 100" }),
        edge("split", "b", { isDefault: true }),
        ...path("start", "split"),
        ...path("a", "merge", "end"),
        edge("b", "merge"),
      ],
    });
    expectProblems(validate(input), []);
  });
});
