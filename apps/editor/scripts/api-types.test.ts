// The committed API description must match the server's routes: a route change without
// `pnpm --filter @playbook/editor api:generate` fails here instead of at run time in the editor.
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import {
  documentText,
  OPENAPI_FILE,
  openApiDocument,
  SCHEMA_FILE,
  schemaTypes,
} from "./api-document";

const regenerate = "run `pnpm --filter @playbook/editor api:generate` and commit the result";

describe("the editor's typed API client", () => {
  test("src/api/openapi.json and schema.d.ts are what the server describes today", async () => {
    const document = await openApiDocument();
    const committedDocument = await readFile(OPENAPI_FILE, "utf8");
    expect(
      committedDocument === documentText(document),
      `openapi.json is stale: ${regenerate}`,
    ).toBe(true);
    const committedTypes = await readFile(SCHEMA_FILE, "utf8");
    expect(
      committedTypes === (await schemaTypes(document)),
      `schema.d.ts is stale: ${regenerate}`,
    ).toBe(true);
  }, 60_000);
});
