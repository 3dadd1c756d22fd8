import { describe, expect, test } from "vitest";
import { definitionJsonSchema, manifestJsonSchema } from "../src";

// The committed artifacts must match the zod schemas. After changing a schema, refresh them with
// `pnpm --filter @playbook/schema json-schema` (vitest -u on this file) and commit the result.
const artifact = (schema: Record<string, unknown>) => `${JSON.stringify(schema, null, 2)}\n`;

describe("JSON Schema of the formats", () => {
  test("the definition format is JSON Schema 2020-12 with a title, description and the top-level fields", () => {
    const schema = definitionJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("Playbook process definition");
    expect(typeof schema.description).toBe("string");
    expect(schema.required).toEqual(["key", "name", "schemaVersion", "nodes"]);
    expect(Object.keys(schema.properties as object)).toEqual([
      "key",
      "name",
      "description",
      "schemaVersion",
      "variables",
      "nodes",
      "edges",
      "layout",
    ]);
  });

  test("variable names are Unicode patterns, so 金额 is a valid name for any 2020-12 validator", () => {
    const schema = definitionJsonSchema() as {
      properties: { variables: { items: { properties: { name: { pattern: string } } } } };
    };
    const pattern = new RegExp(schema.properties.variables.items.properties.name.pattern, "u");
    expect(pattern.test("金额")).toBe(true);
    expect(pattern.test("1st")).toBe(false);
  });

  test("the manifest format carries the config schema as an open object", () => {
    const schema = manifestJsonSchema() as {
      title: string;
      properties: { configSchema: { type: string } };
    };
    expect(schema.title).toBe("Playbook node type manifest");
    expect(schema.properties.configSchema.type).toBe("object");
  });

  test("definition.schema.json is up to date", async () => {
    await expect(artifact(definitionJsonSchema())).toMatchFileSnapshot("../definition.schema.json");
  });

  test("manifest.schema.json is up to date", async () => {
    await expect(artifact(manifestJsonSchema())).toMatchFileSnapshot("../manifest.schema.json");
  });
});
