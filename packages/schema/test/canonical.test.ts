import { describe, expect, test } from "vitest";
import { canonicalizeDefinition, ProcessDefinition, stringifyDefinition } from "../src";
import { contentSop } from "./fixtures/content-sop";

function shuffled<T>(items: readonly T[]): T[] {
  // Deterministic reordering: reverse, then rotate by a third.
  const reversed = [...items].reverse();
  const cut = Math.floor(reversed.length / 3);
  return [...reversed.slice(cut), ...reversed.slice(0, cut)];
}

function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reorderKeys(v)]),
  );
}

describe("canonical JSON for git", () => {
  test("two saves of the same definition in different orders produce identical text", () => {
    const moved = reorderKeys({
      ...contentSop,
      nodes: shuffled(contentSop.nodes),
      edges: shuffled(contentSop.edges!),
    });
    expect(stringifyDefinition(moved as typeof contentSop)).toBe(stringifyDefinition(contentSop));
  });

  test("nodes and edges are sorted by id, keys are sorted, undefined is dropped", () => {
    const canonical = canonicalizeDefinition({
      ...ProcessDefinition.parse(contentSop),
      description: undefined,
    });
    const ids = canonical.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(canonical.edges.map((e) => e.id).slice(0, 4)).toEqual(["e1", "e10", "e11", "e12"]);
    expect(Object.keys(canonical)).toEqual([
      "edges",
      "key",
      "layout",
      "name",
      "nodes",
      "schemaVersion",
      "variables",
    ]);
    expect(Object.keys(canonical.nodes[0]!)).toEqual([
      "config",
      "id",
      "label",
      "type",
      "typeVersion",
    ]);
    expect("description" in canonical).toBe(false);
  });

  test("the order of variables and of assignments is meaning and is kept", () => {
    const canonical = canonicalizeDefinition(contentSop);
    expect(canonical.variables!.map((v) => v.name)).toEqual(
      contentSop.variables!.map((v) => v.name),
    );
  });

  test("canonical text parses back to the same definition, only reordered", () => {
    const text = stringifyDefinition(contentSop);
    expect(text.endsWith("}\n")).toBe(true);
    const original = ProcessDefinition.parse(contentSop);
    const reread = ProcessDefinition.parse(JSON.parse(text));
    expect(reread.nodes).toEqual(expect.arrayContaining(original.nodes));
    expect(reread.nodes).toHaveLength(original.nodes.length);
    expect(reread.edges).toEqual(expect.arrayContaining(original.edges));
    expect({ ...reread, nodes: [], edges: [] }).toEqual({ ...original, nodes: [], edges: [] });
    expect(stringifyDefinition(JSON.parse(text))).toBe(text);
  });

  test("a __proto__ key in a node's config stays data", () => {
    const config = JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}');
    const canonical = canonicalizeDefinition({
      ...contentSop,
      nodes: [{ id: "a", type: "playbook.userTask", typeVersion: 1, config }],
    });
    const node = canonical.nodes[0]!;
    expect(Object.keys(node.config!)).toEqual(["__proto__", "title"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
