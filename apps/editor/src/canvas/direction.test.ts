import { describe, expect, test } from "vitest";
import { approvalDefinition } from "../state/fixtures";
import { flowDirection } from "./direction";

describe("which way a drawing flows", () => {
  test("a flow drawn left to right keeps its handles on the sides", () => {
    expect(flowDirection(approvalDefinition())).toBe("LR");
  });

  test("a top-down flow whose branches spread sideways still reads top-down", () => {
    const definition = approvalDefinition();
    const layout = {
      nodes: {
        start: { x: 300, y: 0 },
        approve: { x: 300, y: 100 },
        decide: { x: 300, y: 200 },
        approved: { x: 0, y: 300 },
        rejected: { x: 600, y: 300 },
      },
    };
    expect(flowDirection({ ...definition, layout })).toBe("TB");
  });

  test("a flow drawn top-down, or not drawn yet, reads top-down", () => {
    const definition = approvalDefinition();
    const turned = Object.fromEntries(
      Object.entries(definition.layout.nodes).map(([id, { x, y }]) => [id, { x: y, y: x }]),
    );
    expect(flowDirection({ ...definition, layout: { nodes: turned } })).toBe("TB");
    expect(flowDirection({ ...definition, layout: { nodes: {} } })).toBe("TB");
  });
});
