// Writes src/api/openapi.json and src/api/schema.d.ts from the server's routes.
// Run: pnpm --filter @playbook/editor api:generate
import { writeFile } from "node:fs/promises";
import {
  documentText,
  OPENAPI_FILE,
  openApiDocument,
  SCHEMA_FILE,
  schemaTypes,
} from "./api-document";

const document = await openApiDocument();
await writeFile(OPENAPI_FILE, documentText(document));
await writeFile(SCHEMA_FILE, await schemaTypes(document));
console.log(`wrote ${OPENAPI_FILE.pathname} and ${SCHEMA_FILE.pathname}`);
