import { describe, expect, test } from "vitest";
import { definition, edge, nodes, validate } from "./fixtures/builders";
import { contentSop } from "./fixtures/content-sop";
import { expectNoProblems } from "./fixtures/expect-problems";
import { largeDefinition } from "./fixtures/large-definition";

describe("definitions a team would actually publish", () => {
  test("the content-production SOP (选题 → 创作 → 审核 ⟲ → 发布 → 复盘) has no problems", () => {
    const result = validate(contentSop);
    expectNoProblems(result);
    expect(result.definition?.nodes).toHaveLength(contentSop.nodes.length);
  });

  test("the same SOP with its rework edge pointing at 审核 instead of 创作 is still sound", () => {
    const edges = contentSop.edges!.map((e) => (e.id === "e7" ? { ...e, target: "review" } : e));
    expectNoProblems(validate({ ...contentSop, edges }));
  });

  test("the SOP with the rejected branch dropped: the gateway loses its default", () => {
    const edges = contentSop.edges!.filter((e) => e.id !== "e6");
    const result = validate({ ...contentSop, edges });
    expect(result.problems.map((p) => [p.code, p.nodeId])).toEqual([
      ["gateway.noDefault", "approved"],
      ["node.unreachable", "countRejection"],
    ]);
  });

  test("a generated definition of 1,000 nodes has no problems", () => {
    const input = largeDefinition(1000);
    expect(input.nodes).toHaveLength(1000);
    expectNoProblems(validate(input));
  });

  test("a chain of 20,000 steps does not overflow the stack in any graph walk", () => {
    const count = 20_000;
    const steps = Array.from({ length: count }, (_, i) => nodes.task(`t${i}`));
    const chain = steps.map((step, i) => edge(i === 0 ? "start" : `t${i - 1}`, step.id));
    const input = definition({
      nodes: [nodes.start(), ...steps, nodes.end()],
      edges: [...chain, edge(`t${count - 1}`, "end")],
    });
    expectNoProblems(validate(input));
  });
});
