// Serves the built editor (apps/editor/dist) at / with an SPA fallback: any GET outside /api that
// is not a file answers index.html, so deep links into the editor work on reload. Skipped when
// the editor has not been built.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Router } from "./routes/shared";

export function registerEditor(app: Router, distDir: string | undefined): boolean {
  if (distDir === undefined) return false;
  const root = resolve(distDir);
  const indexFile = resolve(root, "index.html");
  if (!existsSync(indexFile)) return false;
  // serveStatic resolves paths against the working directory.
  const servedRoot = relative(process.cwd(), root) || ".";
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/") || c.req.path === "/api") return next();
    return serveStatic({ root: servedRoot })(c, next);
  });
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/") || c.req.path === "/api") return next();
    return c.html(await readFile(indexFile, "utf8"));
  });
  return true;
}
