import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const serverDir = resolve(import.meta.dirname, "..");
const tsx = resolve(serverDir, "node_modules/.bin/tsx");

/** Resolves with the URL the process prints, or rejects with everything it printed. */
function startedAt(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`no URL printed within 60 s:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Playbook is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
}

describe("the server process", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  test("starts on PGlite with PORT=0, prints its URL, serves the seeded examples and stops on SIGTERM", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "playbook-server-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const child = spawn(tsx, ["src/main.ts"], {
      cwd: serverDir,
      env: {
        ...process.env,
        PORT: "0",
        DATABASE_URL: "",
        PGLITE_DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: tsx runs the server in a child node process, and a failed test
      // must not leave that grandchild running.
      detached: true,
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    });

    const url = await startedAt(child);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: "ok",
      database: "pglite",
      role: "all",
      workers: true,
    });

    const definitions = (await (await fetch(`${url}/api/definitions`)).json()) as {
      items: Array<{ key: string; latestVersion: number }>;
    };
    expect(definitions.items.map((d) => [d.key, d.latestVersion])).toEqual([
      ["budget-approval", 1],
      ["content-production", 1],
      ["welcome-journey", 1],
    ]);

    const exited = new Promise<number | null>((resolvePromise) =>
      child.once("exit", (code) => resolvePromise(code)),
    );
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 90_000);
});
