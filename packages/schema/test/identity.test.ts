import { describe, expect, test } from "vitest";
import { validateDefinition } from "../src";
import { definition, edge, nodes, path, validate } from "./fixtures/builders";
import { expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";
import { fakeAnalyzer } from "./fixtures/fake-analyzer";
import { nodeTypes } from "./fixtures/node-types";

describe("ids and types", () => {
  test("two nodes with the same id: the second copy is reported", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("review"), nodes.task("review"), nodes.end()],
      edges: path("start", "review", "end"),
    });
    expectOnlyProblem(validate(input), { code: "node.duplicateId", nodeId: "review", field: "id" });
  });

  test("two edges with the same id", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("a"), nodes.task("b"), nodes.end()],
      edges: [...path("start", "a", "end"), edge("start", "b", { id: "a-end" }), edge("b", "end")],
    });
    // The copy is left out of the graph, so b is also unreachable: both facts are true.
    expectProblems(validate(input), [
      { code: "edge.duplicateId", edgeId: "a-end", field: "id" },
      { code: "node.unreachable", nodeId: "b" },
    ]);
  });

  test("an edge to a node that was deleted names the missing end", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("a"), nodes.end()],
      edges: [...path("start", "a", "end"), edge("a", "gone")],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "edge.unknownNode",
      edgeId: "a-gone",
      field: "target",
    });
    expect(problem.message["zh-CN"]).toBe("从「人工任务」连出的连线的终点「gone」不存在");
    expect(problem.message.en).toBe(
      "The connection from “User task” ends at “gone”, which does not exist",
    );
  });

  test("a node whose type is not installed says which versions are", () => {
    const input = definition({
      nodes: [nodes.start(), { ...nodes.task("a", "审批"), typeVersion: 3 }, nodes.end()],
      edges: path("start", "a", "end"),
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "node.unknownType",
      nodeId: "a",
      field: "type",
    });
    expect(problem.message["zh-CN"]).toContain("已安装的版本：1");
  });

  test("a node registry can be passed instead of a manifest list", () => {
    const lookup = {
      get: (type: string, version: number) =>
        nodeTypes.find((m) => m.type === type && m.version === version),
      versions: () => [],
    };
    const input = definition({ nodes: [nodes.start(), nodes.end()], edges: path("start", "end") });
    expect(validateDefinition(input, lookup, { expressions: fakeAnalyzer }).problems).toEqual([]);
  });
});
