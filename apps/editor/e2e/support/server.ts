// The real Playbook server for a test file: `tsx apps/server/src/main.ts` on a free port, on a
// throw-away database — a temp PGlite directory, or a fresh database on DATABASE_URL's server
// when it is set (CI) — serving the built editor. Examples are seeded as on a fresh install.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DIST_DIR, EDITOR_DIR } from "./build";

const SERVER_DIR = resolve(EDITOR_DIR, "../server");
const START_TIMEOUT_MS = 120_000;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

interface Database {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function freshDatabase(): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const name = `playbook_e2e_${Date.now().toString(36)}_${process.pid}`;
    execFileSync("psql", [configured, "-q", "-c", `CREATE DATABASE ${name}`]);
    const url = new URL(configured);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      async drop() {
        execFileSync("psql", [
          configured,
          "-q",
          "-c",
          `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
        ]);
      },
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), "playbook-e2e-"));
  return {
    env: { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir },
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = "";
    const timer = setTimeout(
      () =>
        reject(new Error(`the server printed no URL within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Playbook is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening:\n${output}`));
    });
  });
}

export async function startServer(): Promise<RunningServer> {
  // Iterating on the tests against a server you already run: PLAYBOOK_E2E_URL=http://...
  const external = process.env.PLAYBOOK_E2E_URL;
  if (external) return { url: external, stop: async () => undefined };

  const database = await freshDatabase();
  const child = spawn(join(SERVER_DIR, "node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      ...database.env,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      EDITOR_DIST: DIST_DIR,
      PLAYBOOK_SEED: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx runs the server in a grandchild that must not outlive the test.
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((done) => child.once("exit", done));
      process.kill(-child.pid, "SIGTERM");
      const timeout = setTimeout(() => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }, 15_000);
      await exited;
      clearTimeout(timeout);
    }
    await database.drop();
  };
  try {
    return { url: await printedUrl(child), stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
