// The e2e tests exercise the built editor as the server serves it. dist/ is rebuilt when any
// source it is made from (the editor, the schema/expr/nodes packages it bundles) is newer.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export const EDITOR_DIR = resolve(import.meta.dirname, "../..");
export const DIST_DIR = join(EDITOR_DIR, "dist");
const REPO = resolve(EDITOR_DIR, "../..");

const SOURCES = [
  join(EDITOR_DIR, "src"),
  join(EDITOR_DIR, "index.html"),
  join(EDITOR_DIR, "vite.config.ts"),
  join(EDITOR_DIR, "package.json"),
  join(REPO, "packages/schema/src"),
  join(REPO, "packages/expr/src"),
  join(REPO, "packages/nodes/src"),
];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  let newest = info.mtimeMs;
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, await newestChange(join(path, entry.name)));
  }
  return newest;
}

export async function distIsFresh(): Promise<boolean> {
  const index = join(DIST_DIR, "index.html");
  if (!existsSync(index)) return false;
  const built = (await stat(index)).mtimeMs;
  const sources = await Promise.all(SOURCES.map(newestChange));
  return Math.max(...sources) <= built;
}

export async function ensureEditorBuilt(): Promise<void> {
  if (await distIsFresh()) return;
  const vite = join(EDITOR_DIR, "node_modules/.bin/vite");
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(vite, ["build", "--logLevel", "warn"], {
      cwd: EDITOR_DIR,
      // Vitest runs with NODE_ENV=test, which would make Vite build a development bundle.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`vite build failed (${code}):\n${output}`)),
    );
  });
}
