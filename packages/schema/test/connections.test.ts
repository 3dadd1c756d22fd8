import { describe, expect, test } from "vitest";
import { validateDefinition } from "../src";
import { definition, edge, nodes, path, validate } from "./fixtures/builders";
import { expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";
import { fakeAnalyzer } from "./fixtures/fake-analyzer";
import { nodeTypes } from "./fixtures/node-types";

describe("connections follow the node types' ports", () => {
  test("an edge out of an end", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("a"), nodes.end(), nodes.end("end2")],
      edges: [...path("start", "a", "end"), edge("end", "end2")],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "edge.fromEnd",
      edgeId: "end-end2",
    });
    expect(problem.message.en).toBe("“End” ends the process; no connection may leave it");
  });

  test("an edge into a start", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.task("a", "审核"), nodes.xor("x"), nodes.end()],
      edges: [
        ...path("start", "a", "x"),
        edge("x", "end", { condition: '审核结果 = "通过"' }),
        edge("x", "start", { isDefault: true }),
      ],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "edge.intoStart",
      edgeId: "x-start",
    });
    expect(problem.message["zh-CN"]).toContain("起点");
  });

  test("an edge leaving by a port the node does not have lists the ports it has", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.http("call"), nodes.end()],
      edges: [
        ...path("start", "call", "end"),
        edge("call", "end", { id: "oops", sourcePort: "failure" }),
      ],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "edge.unknownPort",
      edgeId: "oops",
      field: "sourcePort",
    });
    expect(problem.message.en).toBe(
      "The connection to “End” leaves “HTTP request” by port “failure”, which it does not have (ports: out, error)",
    );
  });

  test("ports are called by the labels the canvas shows on them", () => {
    const labelled = nodeTypes.map((manifest) =>
      manifest.type === "acme.httpRequest"
        ? {
            ...manifest,
            ports: {
              in: manifest.ports.in,
              out: manifest.ports.out.map((port) =>
                port.id === "error"
                  ? { ...port, label: { "zh-CN": "出错时", en: "On error" } }
                  : port,
              ),
            },
          }
        : manifest,
    );
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.http("call"),
        nodes.task("fix"),
        nodes.task("alert"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "call", "end"),
        edge("call", "fix", { sourcePort: "error" }),
        edge("call", "alert", { sourcePort: "error" }),
        edge("fix", "end"),
        edge("alert", "end"),
      ],
    });
    const [problem] = validateDefinition(input, labelled, { expressions: fakeAnalyzer }).problems;
    expect(problem?.message["zh-CN"]).toBe(
      "「HTTP 请求」的输出端口「出错时」只能连出一条连线，现在有 2 条",
    );
  });

  test("a single-edge port with two edges", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.http("call"),
        nodes.task("fix"),
        nodes.task("alert"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "call", "end"),
        edge("call", "fix", { sourcePort: "error" }),
        edge("call", "alert", { sourcePort: "error" }),
        edge("fix", "end"),
        edge("alert", "end"),
      ],
    });
    expectProblems(validate(input), [{ code: "port.tooManyEdges", nodeId: "call" }]);
  });
});
