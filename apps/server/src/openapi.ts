// The API's own description: an OpenAPI 3.1 document generated from the same zod schemas that
// validate requests, and an interactive reference page (Scalar). The page's script is served
// from our node_modules, not a CDN, so the docs work on machines with no internet access.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Scalar } from "@scalar/hono-api-reference";
import type { Router } from "./routes/shared";

export const OPENAPI_PATH = "/api/openapi.json";
export const DOCS_PATH = "/api/docs";
export const DOCS_SCRIPT_PATH = "/api/docs/standalone.js";

const require = createRequire(import.meta.url);

export function registerApiDocs(app: Router, version: string): void {
  app.doc31(OPENAPI_PATH, {
    openapi: "3.1.0",
    info: {
      title: "Playbook runtime API",
      version,
      description:
        "Start and query process instances, send events, complete tasks, manage definitions. Errors are RFC 9457 problem+json with a stable `code`.",
    },
    tags: [
      { name: "Definitions" },
      { name: "Instances" },
      { name: "Events" },
      { name: "Tasks" },
      { name: "Incidents" },
      { name: "Node types" },
      { name: "Health" },
    ],
  });

  app.get(
    DOCS_PATH,
    Scalar({
      url: OPENAPI_PATH,
      cdn: DOCS_SCRIPT_PATH,
      pageTitle: "Playbook API",
      // The default fonts come from a font CDN; the system font stack works offline.
      withDefaultFonts: false,
      showDeveloperTools: "never",
    }),
  );

  let script: Promise<Buffer> | undefined;
  app.get(DOCS_SCRIPT_PATH, async (c) => {
    script ??= readFile(require.resolve("@scalar/api-reference/browser/standalone.js"));
    const body = await script;
    return c.body(new Uint8Array(body), 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    });
  });
}
