// Group commit: steps that workers finish while other writes are in flight are committed
// together, each still checked and recorded exactly once; a step the database refuses fails
// alone.
import { describe, expect } from "vitest";
import type { ExecutorFor, Store } from "../src/index";
import { test } from "./db";
import { commitsWhile } from "./support/commits";
import { chain, service } from "./support/definitions";
import {
  expectOk,
  freshWorkspace,
  gate,
  historyOf,
  NO_POLL,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction } from "./support/node-types";

const INSTANCES = 16;
const STEPS = ["brief", "draft", "review", "publish", "recap"];

/** 16 instances of a 5-step chain whose first steps all finish at the same moment. */
async function runTogether(store: Store, release: ReturnType<typeof gate>) {
  const ws = await freshWorkspace(store);
  await publish(
    ws,
    chain(
      "sop",
      STEPS.map((id) => service(id, id === "brief" ? "held" : "go")),
    ),
  );
  await store.startWorkers({ concurrency: INSTANCES, workspaceIds: [ws.id], ...NO_POLL });
  const ids: string[] = [];
  for (let i = 0; i < INSTANCES; i++)
    ids.push(expectOk(await ws.instances.start({ definitionKey: "sop" })).instance.id);
  release.open();
  for (const id of ids) await untilStatus(ws, id, "completed", 15_000);
  return { ws, ids };
}

function executors(release: ReturnType<typeof gate>): ExecutorFor {
  return executorsByAction({
    held: async (job) => {
      await release.opened;
      return { [job.nodeId]: "done" };
    },
    go: async (job) => ({ [job.nodeId]: "done" }),
  });
}

describe("group commit", () => {
  test("steps finishing together are committed together, each recorded once and in order", async ({
    database,
  }) => {
    const release = gate();
    const store = await openStore(database, { executorFor: executors(release) });
    const { ws, ids } = await runTogether(store, release);
    for (const id of ids) {
      const instance = expectOk(await ws.instances.get(id));
      expect(Object.keys(instance.variables).sort()).toEqual([...STEPS].sort());
      const left = (await historyOf(ws, id))
        .filter((entry) => entry.type === "nodeLeft")
        .map((entry) => entry.nodeId);
      expect(left).toEqual(["start", ...STEPS, "end"]);
    }
  });

  test("with group commit, 80 steps of 16 instances take far fewer commits than steps", async ({
    database,
  }) => {
    if (database.kind !== "postgres") return;
    const commits = (groupCommit: false | undefined) => {
      const release = gate();
      return commitsWhile(
        database,
        async (store) => {
          await runTogether(store, release);
        },
        { executorFor: executors(release), ...(groupCommit === false ? { groupCommit } : {}) },
      );
    };
    const alone = await commits(false);
    const grouped = await commits(undefined);
    const steps = INSTANCES * STEPS.length;
    expect(alone).toBeGreaterThanOrEqual(steps);
    expect(grouped).toBeLessThan(alone - steps / 2);
  });

  test("a step whose output the database refuses fails alone; the others in its batch are recorded", async ({
    database,
  }) => {
    const release = gate();
    let resumed = 0;
    const store = await openStore(database, {
      executorFor: executorsByAction({
        held: async (job) => {
          await release.opened;
          // The last to resume: its write queues behind the first two and goes in a batch.
          if (++resumed === 8) {
            // Postgres' jsonb cannot hold a NUL character.
            return { summary: "bad\u0000byte", poisoned: job.instanceId };
          }
          return { summary: "ok" };
        },
        go: async () => ({}),
      }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("sop", [service("brief", "held"), service("draft", "go")]));
    await store.startWorkers({ concurrency: 8, workspaceIds: [ws.id], ...NO_POLL });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push(expectOk(await ws.instances.start({ definitionKey: "sop" })).instance.id);
    release.open();

    const incidents = await (async () => {
      for (let i = 0; i < 200; i++) {
        const page = expectOk(await ws.incidents.list({ status: "open" }));
        if (page.items.length > 0) return page.items;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return [];
    })();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.message).toMatch(/could not be saved/);
    const bad = incidents[0]?.instanceId;
    for (const id of ids.filter((candidate) => candidate !== bad))
      await untilStatus(ws, id, "completed", 10_000);
  });
});
