import { describe, expect, test } from "vitest";
import { definition, edge, nodes, path, validate } from "./fixtures/builders";
import { expectNoProblems, expectOnlyProblem } from "./fixtures/expect-problems";

describe("loops must wait somewhere", () => {
  test("a retry loop of only automatic steps would spin forever", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.set("count", [{ variable: "金额", expression: "金额 + 1" }]),
        nodes.xor("enough", "够了吗"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "count", "enough"),
        edge("enough", "end", { condition: "金额 > 10" }),
        edge("enough", "count", { isDefault: true }),
      ],
    });
    const problem = expectOnlyProblem(validate(input), { code: "cycle.noWait", nodeId: "count" });
    expect(problem.message["zh-CN"]).toContain("会无限空转");
  });

  test("the same loop through a timer is a polling loop, which is fine", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.timer("tick", "PT1H"),
        nodes.set("count", [{ variable: "金额", expression: "金额 + 1" }]),
        nodes.xor("enough"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "tick", "count", "enough"),
        edge("enough", "end", { condition: "金额 > 10" }),
        edge("enough", "tick", { isDefault: true }),
      ],
    });
    expectNoProblems(validate(input));
  });

  test("a busy inner loop is found even when an outer loop around it waits", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.task("review"),
        nodes.xor("again"),
        nodes.set("bump", [{ variable: "金额", expression: "金额 + 1" }]),
        nodes.end(),
      ],
      edges: [
        ...path("start", "review", "again"),
        edge("again", "review", { condition: '审核结果 = "重审"' }),
        edge("again", "bump", { condition: "金额 < 10" }),
        edge("bump", "again"),
        edge("again", "end", { isDefault: true }),
      ],
    });
    expectOnlyProblem(validate(input), { code: "cycle.noWait", nodeId: "again" });
  });

  test("a self-loop on a gateway", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.xor("spin"), nodes.end()],
      edges: [
        edge("start", "spin"),
        edge("spin", "spin", { condition: "金额 > 0" }),
        edge("spin", "end", { isDefault: true }),
      ],
    });
    expectOnlyProblem(validate(input), { code: "cycle.noWait", nodeId: "spin" });
  });
});
