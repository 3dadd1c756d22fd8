import { describe, expect, test } from "vitest";
import { definition, nodes, path, validate } from "./fixtures/builders";
import { expectNoProblems, expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";

describe("starts", () => {
  test("a process without a start", () => {
    const input = definition({ nodes: [nodes.task("a"), nodes.end()], edges: path("a", "end") });
    expectOnlyProblem(validate(input), { code: "start.missing" });
  });

  test("a manual start and an API start may live side by side", () => {
    const input = definition({
      nodes: [
        nodes.start("byHand", { trigger: "manual" }),
        nodes.start("byApp", { trigger: "api" }),
        nodes.task("a"),
        nodes.end(),
      ],
      edges: [...path("byHand", "a", "end"), ...path("byApp", "a")],
    });
    expectNoProblems(validate(input));
  });

  test("two starts with the same trigger: the second one is reported, naming the first", () => {
    const first = {
      ...nodes.start("one", { trigger: "manual" }),
      label: { "zh-CN": "手动发起一" },
    };
    const input = definition({
      nodes: [first, nodes.start("two", { trigger: "manual" }), nodes.task("a"), nodes.end()],
      edges: [...path("one", "a", "end"), ...path("two", "a")],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "start.multiple",
      nodeId: "two",
      field: "config.trigger",
    });
    expect(problem.message["zh-CN"]).toContain("「手动发起一」");
  });

  test("two starts that omit the trigger both default to an API start", () => {
    const input = definition({
      nodes: [nodes.start("one"), nodes.start("two"), nodes.task("a"), nodes.end()],
      edges: [...path("one", "a", "end"), ...path("two", "a")],
    });
    expectOnlyProblem(validate(input), {
      code: "start.multiple",
      nodeId: "two",
      field: "config.trigger",
    });
  });

  test("message starts clash only on the same message name", () => {
    const message = (id: string, messageName: string) =>
      nodes.start(id, { trigger: "message", messageName });
    const input = definition({
      nodes: [
        message("paid", "order_paid"),
        message("refunded", "order_refunded"),
        message("paidAgain", "order_paid"),
        nodes.task("a"),
        nodes.end(),
      ],
      edges: [...path("paid", "a", "end"), ...path("refunded", "a"), ...path("paidAgain", "a")],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "start.multiple",
      nodeId: "paidAgain",
      field: "config.trigger",
    });
    expect(problem.message.en).toContain("order_paid");
  });

  test("a message start without a message name could never be triggered", () => {
    const input = definition({
      nodes: [nodes.start("s", { trigger: "message" }), nodes.end()],
      edges: path("s", "end"),
    });
    expectProblems(validate(input), [
      { code: "node.config", nodeId: "s", field: "config.messageName" },
    ]);
  });
});
