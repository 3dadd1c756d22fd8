// The Playbook side of a round: a store on the bench database with the no-op node registered,
// workers in this process, and instances started through the public workspace API.
import { applyEvent } from "@playbook/engine";
import { createStore, type Store } from "@playbook/store";
import type { RoundRequest, SideSession } from "../rounds/protocol";
import { CompletionWatcher } from "./completion";
import { benchFlow, FLOW_KEY } from "./flow";
import { benchRegistry, registryExecutors } from "./noop-node";

/** Migrates the fresh database and publishes the flow (once per run, before any round). */
export async function preparePlaybook(databaseUrl: string, steps: number): Promise<void> {
  const registry = benchRegistry();
  const store = await createStore({ databaseUrl, resolveNodeType: registry.resolveNodeType });
  try {
    const ws = store.workspace();
    const definition = benchFlow(steps);
    const saved = await ws.definitions.saveDraft({
      key: FLOW_KEY,
      definition: definition as Record<string, unknown>,
    });
    if (!saved.ok) throw new Error(`saveDraft failed: ${JSON.stringify(saved.error)}`);
    const published = await ws.definitions.publish(FLOW_KEY, {
      expectedRevision: saved.value.revision,
    });
    if (!published.ok) throw new Error(`publish failed: ${JSON.stringify(published.error)}`);
  } finally {
    await store.close();
  }
}

function groupCommitFromEnv(value: string | undefined) {
  if (value === undefined || value === "") return {};
  if (value === "off") return { groupCommit: false as const };
  const maxInFlight = Number(value);
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1)
    throw new Error(`BENCH_GROUP_COMMIT must be "off" or a positive integer, got ${value}`);
  return { groupCommit: { maxInFlight } };
}

export async function openPlaybook(request: RoundRequest): Promise<SideSession> {
  const registry = benchRegistry();
  const watcher = new CompletionWatcher();
  const store: Store = await createStore({
    databaseUrl: request.databaseUrl,
    resolveNodeType: registry.resolveNodeType,
    executorFor: registryExecutors(registry),
    applyEvent: watcher.wrap(applyEvent),
    logger: watcher.logger,
    poolSize: request.poolSize,
    applicationName: "bench-playbook",
    // BENCH_GROUP_COMMIT: "off", or the number of step writes in flight at once (default 2).
    ...groupCommitFromEnv(process.env.BENCH_GROUP_COMMIT),
  });
  await store.startWorkers({ concurrency: request.workerConcurrency });
  const ws = store.workspace();

  return {
    get fallbacks() {
      return watcher.fallbacks;
    },
    async runInstance() {
      const started = await ws.instances.start({ definitionKey: FLOW_KEY });
      if (!started.ok) throw new Error(`start failed: ${JSON.stringify(started.error)}`);
      await watcher.ended(ws, started.value.instance.id);
      if (watcher.notCompleted > 0)
        throw new Error(`${watcher.notCompleted} instance(s) ended without completing`);
    },
    async close() {
      await store.close({ graceMs: 5_000 });
    },
  };
}
