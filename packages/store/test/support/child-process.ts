// Spawns worker-child.ts as a real OS process (node --import tsx, so SIGKILL hits the worker
// itself, not a wrapper) and reads its JSON lines.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";

export interface WorkerChild {
  process: ChildProcess;
  /** Resolves with the first line whose `event` matches. */
  next(event: string): Promise<Record<string, unknown>>;
}

const script = fileURLToPath(new URL("./worker-child.ts", import.meta.url));
const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

export function spawnWorker(env: {
  DATABASE_URL: string;
  WORKSPACE_ID: string;
  MODE: "block" | "timers";
  LEASE_MS?: string;
}): WorkerChild {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: packageRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const lines: Record<string, unknown>[] = [];
  const waiting: Array<{ event: string; resolve: (line: Record<string, unknown>) => void }> = [];
  let buffer = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    buffer += chunk;
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      const text = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (!text.startsWith("{")) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      const index = waiting.findIndex((w) => w.event === line.event);
      if (index >= 0) waiting.splice(index, 1)[0]?.resolve(line);
      else lines.push(line);
    }
  });
  return {
    process: child,
    next(event) {
      const index = lines.findIndex((line) => line.event === event);
      if (index >= 0) return Promise.resolve(lines.splice(index, 1)[0]!);
      return new Promise((resolve, reject) => {
        waiting.push({ event, resolve });
        child.once("exit", (code, signal) =>
          reject(new Error(`worker exited (${code ?? signal}) before "${event}"`)),
        );
      });
    },
  };
}
