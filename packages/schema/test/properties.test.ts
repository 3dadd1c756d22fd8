import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ProcessDefinitionInput } from "../src";
import { validate } from "./fixtures/builders";
import { buildFlow, structuredBlock } from "./fixtures/structured-flows";

function retype(
  definition: ProcessDefinitionInput,
  nodeId: string,
  type: string,
): ProcessDefinitionInput {
  return {
    ...definition,
    nodes: definition.nodes.map((n) => (n.id === nodeId ? { ...n, type } : n)),
  };
}

const flows = structuredBlock.map(buildFlow);

describe("block-structured processes (sound by construction)", () => {
  test("validate without a single problem, however they nest", () => {
    fc.assert(
      fc.property(flows, ({ definition }) => {
        expect(
          validate(definition).problems.map((p) => `${p.code} ${p.nodeId ?? p.edgeId}`),
        ).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test("closing a choice with a parallel join instead makes that join wait forever", () => {
    const withChoice = flows.filter((flow) => flow.choiceMerges.length > 0);
    fc.assert(
      fc.property(withChoice, fc.nat(), ({ definition, choiceMerges }, pick) => {
        const merge = choiceMerges[pick % choiceMerges.length]!;
        const problems = validate(retype(definition, merge, "playbook.parallelGateway")).problems;
        expect(problems.map((p) => [p.code, p.nodeId])).toContainEqual([
          "parallel.unbalanced",
          merge,
        ]);
      }),
      { numRuns: 150 },
    );
  });

  test("closing parallel branches with an exclusive merge instead lets them through unsynchronised", () => {
    const withParallel = flows.filter((flow) => flow.parallelJoins.length > 0);
    fc.assert(
      fc.property(withParallel, fc.nat(), ({ definition, parallelJoins }, pick) => {
        const join = parallelJoins[pick % parallelJoins.length]!;
        const problems = validate(retype(definition, join, "playbook.exclusiveGateway")).problems;
        expect(problems.map((p) => [p.code, p.nodeId])).toContainEqual([
          "parallel.unsynchronized",
          join,
        ]);
      }),
      { numRuns: 150 },
    );
  });
});
