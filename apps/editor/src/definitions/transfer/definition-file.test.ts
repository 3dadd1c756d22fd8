import { builtinManifests } from "@playbook/nodes/manifests";
import { describe, expect, test } from "vitest";
import { approvalDefinition } from "../../state/fixtures";
import { definitionFileText, parseDefinitionFile } from "./definition-file";

describe("importing and exporting definition files", () => {
  test("an exported file imports back to the same definition", () => {
    const definition = approvalDefinition();
    const text = definitionFileText(definition);
    const result = parseDefinitionFile(text);
    if (!result.ok) throw new Error("expected the file to import");
    // The file is canonical (sorted keys and elements), so only the order may differ.
    expect(definitionFileText(result.definition)).toBe(text);
    expect(result.definition.nodes.map((n) => n.id).sort()).toEqual(
      definition.nodes.map((n) => n.id).sort(),
    );
  });

  test("a file that is not JSON is refused with the parser's reason", () => {
    const result = parseDefinitionFile("{ nodes: [");
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ kind: "notJson" });
  });

  test("a definition with a broken edge is refused naming the edge and the missing field", () => {
    const broken = JSON.parse(definitionFileText(approvalDefinition()));
    delete broken.edges[0].target;
    broken.nodes[1].colour = "red";
    const result = parseDefinitionFile(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok || result.kind !== "invalid") throw new Error("expected invalid");
    const english = result.issues.map((issue) => issue.en);
    // Without node types a node is named by its id; the editor passes them (see below).
    expect(english).toContain("Field target of the connection from “start” is required");
    expect(english.some((text) => text.includes("colour"))).toBe(true);
    expect(result.issues.every((issue) => issue["zh-CN"].length > 0)).toBe(true);
  });

  test("with the installed node types, nodes are named as the canvas shows them", () => {
    const broken = JSON.parse(definitionFileText(approvalDefinition()));
    delete broken.edges[0].target;
    const result = parseDefinitionFile(JSON.stringify(broken), builtinManifests);
    if (result.ok || result.kind !== "invalid") throw new Error("expected invalid");
    expect(result.issues.map((issue) => issue["zh-CN"])).toContain(
      "从「开始」连出的连线的字段 target 是必填项",
    );
  });
});
