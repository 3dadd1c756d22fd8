import { describe, expect, test } from "vitest";
import { definition, edge, nodes, path, validate } from "./fixtures/builders";
import { expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";

describe("every node lies on a way from a start to an end", () => {
  test("a node nothing leads to", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("a"), nodes.task("orphan", "孤立任务"), nodes.end()],
      edges: [...path("start", "a", "end"), edge("orphan", "end")],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "node.unreachable",
      nodeId: "orphan",
    });
    expect(problem.message["zh-CN"]).toBe("节点「孤立任务」无法从开始节点到达");
  });

  test("a node that leads nowhere", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("a"), nodes.task("review", "审核"), nodes.end()],
      edges: [...path("start", "a", "end"), edge("a", "review")],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "node.cannotReachEnd",
      nodeId: "review",
    });
    expect(problem.message["zh-CN"]).toBe("节点「审核」无法到达结束节点");
    expect(problem.message.en).toBe("Node “审核” cannot reach an end");
  });

  test("an English label is used in the English message", () => {
    const review = { ...nodes.task("review"), label: { "zh-CN": "审核", en: "Review" } };
    const input = definition({
      nodes: [nodes.start(), nodes.task("a"), review, nodes.end()],
      edges: [...path("start", "a", "end"), edge("a", "review")],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "node.cannotReachEnd",
      nodeId: "review",
    });
    expect(problem.message.en).toBe("Node “Review” cannot reach an end");
  });

  test("a loop with no way out cannot reach an end from any of its nodes", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("a"), nodes.timer("t"), nodes.end()],
      edges: [...path("start", "a", "t", "a")],
    });
    expectProblems(validate(input), [
      { code: "node.cannotReachEnd", nodeId: "start" },
      { code: "node.cannotReachEnd", nodeId: "a" },
      { code: "node.cannotReachEnd", nodeId: "t" },
      { code: "node.unreachable", nodeId: "end" },
    ]);
  });

  test("a terminate end counts as an end", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.terminate("stop")],
      edges: path("start", "stop"),
    });
    expectProblems(validate(input), []);
  });
});
