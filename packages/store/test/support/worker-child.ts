// A worker process for crash and multi-process tests, run with `node --import tsx`.
// MODE=block: runs service jobs with an executor that never finishes (to be killed mid-job).
// MODE=timers: only fires timers. Prints one JSON line per event on stdout.
import { applyEvent } from "@playbook/engine";
import { type ApplyEvent, createStore, type Executor } from "../../src/index";
import { resolveNodeType } from "./node-types";

const databaseUrl = process.env.DATABASE_URL;
const workspaceId = process.env.WORKSPACE_ID;
const mode = process.env.MODE;
if (!databaseUrl || !workspaceId || (mode !== "block" && mode !== "timers")) {
  throw new Error("DATABASE_URL, WORKSPACE_ID and MODE=block|timers are required");
}

function say(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

const blockForever: Executor = (job) => {
  say({
    event: "started",
    idempotencyKey: job.idempotencyKey,
    attempt: job.attempt,
    pid: process.pid,
  });
  return new Promise(() => {});
};

// Counts the timers this process fired, reported when it stops.
let timersFired = 0;
const countingEngine: ApplyEvent = (ctx, state, event) => {
  const result = applyEvent(ctx, state, event);
  if (result.ok && event.type === "timerFired") timersFired++;
  return result;
};

const store = await createStore({
  databaseUrl,
  applyEvent: countingEngine,
  resolveNodeType,
  executorFor: (type) => (type === "test.service" ? blockForever : undefined),
  applicationName: `child-${process.pid}`,
});
await store.startWorkers({
  concurrency: mode === "block" ? 1 : 2,
  leaseMs: Number(process.env.LEASE_MS ?? 30_000),
  timers: mode === "timers",
  timerPollMs: 100,
  timerBatchSize: 10,
  pollMs: 100,
  workspaceIds: [workspaceId],
});
say({ event: "ready", pid: process.pid });

process.on("SIGTERM", () => {
  void store.close({ graceMs: 1_000 }).then(() => {
    say({ event: "stopped", timersFired });
    process.exit(0);
  });
});
