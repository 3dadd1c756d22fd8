import { describe, expect, test } from "vitest";
import { validateDefinition } from "../src";
import { definition, edge, nodes, path } from "./fixtures/builders";
import { expectProblems } from "./fixtures/expect-problems";
import { fakeAnalyzer } from "./fixtures/fake-analyzer";
import { nodeTypes } from "./fixtures/node-types";

// With checkParsedParts a user fixing one broken field still sees every other problem, but never
// one that the broken element itself causes.
const validateParts = (input: unknown) =>
  validateDefinition(input, nodeTypes, { expressions: fakeAnalyzer, checkParsedParts: true });

/** A decision with no default, a task nothing reaches and a timer with a bad duration. */
function flawed() {
  return definition({
    nodes: [
      nodes.start(),
      nodes.xor("decide", "金额判断"),
      nodes.task("big", "大单审批"),
      nodes.task("orphan", "孤立任务"),
      nodes.timer("wait", "3 days"),
      nodes.end(),
    ],
    edges: [
      ...path("start", "decide"),
      edge("decide", "big", { condition: "渠道 > 1" }),
      edge("decide", "wait", { condition: "金额 > 100" }),
      ...path("big", "end"),
      ...path("wait", "end"),
      ...path("orphan", "end"),
    ],
  });
}

describe("a document with shape errors, checked part by part", () => {
  test("a bad key hides nothing: the graph came through whole", () => {
    const result = validateParts({ ...flawed(), key: "Bad Key" });
    expectProblems(result, [
      { code: "definition.shape", field: "key" },
      { code: "gateway.noDefault", nodeId: "decide" },
      { code: "node.config", nodeId: "wait", field: "config.duration" },
      { code: "expression.undeclaredVariable", edgeId: "decide-big", field: "condition" },
      { code: "node.unreachable", nodeId: "orphan" },
    ]);
    expect(result.definition).toBeUndefined();
  });

  test("a broken edge holds back what its absence would cause, not what is wrong elsewhere", () => {
    const input = flawed();
    // Emptied condition: the edge does not parse, so decide→wait is missing from the parts.
    input.edges = input.edges?.map((e) => (e.id === "decide-wait" ? { ...e, condition: "" } : e));
    expectProblems(validateParts(input), [
      { code: "definition.shape", edgeId: "decide-wait", field: "condition" },
      { code: "node.config", nodeId: "wait", field: "config.duration" },
      { code: "expression.undeclaredVariable", edgeId: "decide-big", field: "condition" },
    ]);
  });

  test("a broken variable declaration holds back undeclared-variable problems", () => {
    const input = flawed();
    input.variables = [...(input.variables ?? []), { name: "渠道", type: "text" as "string" }];
    expectProblems(validateParts(input), [
      { code: "definition.shape", field: "variables.3.type" },
      { code: "gateway.noDefault", nodeId: "decide" },
      { code: "node.config", nodeId: "wait", field: "config.duration" },
      { code: "node.unreachable", nodeId: "orphan" },
    ]);
  });

  test("without the option, shape problems come alone, as an import explaining a file expects", () => {
    const result = validateDefinition({ ...flawed(), key: "Bad Key" }, [], {
      expressions: fakeAnalyzer,
    });
    expectProblems(result, [{ code: "definition.shape", field: "key" }]);
  });
});
