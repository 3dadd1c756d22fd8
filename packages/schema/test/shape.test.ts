import { describe, expect, test } from "vitest";
import { definition, edge, nodes, validate } from "./fixtures/builders";
import { expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";

const valid = () =>
  definition({
    nodes: [nodes.start(), nodes.task("review", "审核"), nodes.end()],
    edges: [edge("start", "review"), edge("review", "end")],
  });

describe("a document that is not a process definition", () => {
  test("a missing schema version is reported at that field of the definition", () => {
    const { schemaVersion: _, ...withoutVersion } = valid();
    const result = validate(withoutVersion);
    const problem = expectOnlyProblem(result, { code: "definition.shape", field: "schemaVersion" });
    expect(problem.message.en).toContain("is required");
    expect(result.definition).toBeUndefined();
  });

  test("a bad field inside a node points at the node by id, with the field relative to it", () => {
    const input = valid();
    input.nodes[1] = { ...input.nodes[1]!, typeVersion: 0 };
    const problem = expectOnlyProblem(validate(input), {
      code: "definition.shape",
      nodeId: "review",
      field: "typeVersion",
    });
    expect(problem.message["zh-CN"]).toContain("节点「审核」");
  });

  test("a bad field inside an edge points at the edge by id and names it by the nodes it joins", () => {
    const input = valid();
    input.edges = [edge("start", "review"), { ...edge("review", "end"), priority: 1.5 }];
    const problem = expectOnlyProblem(validate(input), {
      code: "definition.shape",
      edgeId: "review-end",
      field: "priority",
    });
    expect(problem.message["zh-CN"]).toMatch(/^从「审核」到「结束」的连线的字段 priority /);
    expect(problem.message.en).toMatch(/^Field priority of the connection from “审核” to “End” /);
  });

  test("an edge missing its target is named by the node it leaves", () => {
    const input = { ...valid(), edges: [{ id: "e1", source: "start" }] };
    const problem = expectOnlyProblem(validate(input), {
      code: "definition.shape",
      edgeId: "e1",
      field: "target",
    });
    expect(problem.message["zh-CN"]).toBe("从「开始」连出的连线的字段 target 是必填项");
    expect(problem.message.en).toBe("Field target of the connection from “Start” is required");
  });

  test("an unknown key on a node is reported on the node itself", () => {
    const input = valid();
    input.nodes[1] = { ...input.nodes[1]!, colour: "red" } as (typeof input.nodes)[number];
    const problem = expectOnlyProblem(validate(input), {
      code: "definition.shape",
      nodeId: "review",
    });
    expect(problem.message["zh-CN"]).toBe("节点「审核」中有不认识的字段：colour");
    expect(problem.message.en).toBe("Node “审核” has unknown fields: colour");
  });

  test("a node without a usable id is pointed at by its position", () => {
    const input = valid();
    input.nodes[2] = { ...input.nodes[2]!, id: "结束 节点" };
    expectOnlyProblem(validate(input), { code: "definition.shape", field: "nodes.2.id" });
  });

  test("every shape problem is reported, and graph checks wait until the shape is right", () => {
    const input = { ...valid(), key: "Bad Key", nodes: [{ id: "a" }] };
    const result = validate(input);
    expectProblems(result, [
      { code: "definition.shape", field: "key" },
      { code: "definition.shape", nodeId: "a", field: "type" },
      { code: "definition.shape", nodeId: "a", field: "typeVersion" },
    ]);
  });

  test("something that is not even an object gets one problem about the whole document", () => {
    expectOnlyProblem(validate("not a definition"), { code: "definition.shape" });
  });
});
