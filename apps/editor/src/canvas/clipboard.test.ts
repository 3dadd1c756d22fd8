import { describe, expect, test } from "vitest";
import { applyChange } from "../state/changes";
import { approvalDefinition } from "../state/fixtures";
import { copySelection, parseClipboard, pastedElements, serializeClipboard } from "./clipboard";
import { clearOffset } from "./commands";

describe("copying and pasting part of a flow", () => {
  const source = approvalDefinition();
  const copied = copySelection(source, { nodes: ["decide", "approved"], edges: [] });

  test("the copy holds the selected nodes, the edges between them and the variables they use", () => {
    expect(copied?.nodes.map((n) => n.id)).toEqual(["decide", "approved"]);
    expect(copied?.edges.map((e) => e.id)).toEqual(["e3"]);
    expect(copied?.variables.map((v) => v.name)).toEqual(["amount"]);
  });

  test("pasting into the same flow renames ids and offsets positions", () => {
    const text = serializeClipboard(copied!);
    const pasted = pastedElements(source, parseClipboard(text)!, { x: 40, y: 40 });
    const ids = pasted.nodes.map((n) => n.id);
    expect(ids.every((id) => !source.nodes.some((n) => n.id === id))).toBe(true);
    expect(ids[0]).toMatch(/^exclusiveGateway_/);
    expect(pasted.edges[0]).toMatchObject({
      source: ids[0],
      target: ids[1],
      condition: "amount < 1000",
    });
    expect(pasted.positions[ids[0]!]).toEqual({ x: 440, y: 40 });
  });

  test("pasting into another definition declares the variables the condition needs", () => {
    const other = applyChange(approvalDefinition(), { kind: "setVariables", variables: [] });
    const pasted = pastedElements(other, copied!, { x: 0, y: 0 });
    const next = applyChange(other, { kind: "addElements", ...pasted });
    expect(next.variables.map((v) => v.name)).toEqual(["amount"]);
    expect(next.nodes).toHaveLength(7);
  });

  test("text that is not a copied selection is ignored", () => {
    expect(parseClipboard("hello")).toBeNull();
    expect(parseClipboard(JSON.stringify({ format: "something.else" }))).toBeNull();
    expect(
      parseClipboard(JSON.stringify({ format: "playbook.selection", version: 1, nodes: [{}] })),
    ).toBeNull();
  });
});

describe("where a paste lands", () => {
  test("a copy moves sideways until it covers no existing node", () => {
    const existing = { a: { x: 0, y: 0 }, b: { x: 240, y: 40 } };
    expect(clearOffset(existing, [{ x: 0, y: 0 }], { x: 40, y: 40 })).toEqual({ x: 480, y: 40 });
    expect(clearOffset({}, [{ x: 0, y: 0 }], { x: 40, y: 40 })).toEqual({ x: 40, y: 40 });
  });
});
