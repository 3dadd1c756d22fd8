// Opens stores on the test database with the fake node types, publishes definitions, and waits
// for instances to reach a state. Every store opened here is closed when the test ends.
import type { ProcessDefinitionInput } from "@playbook/schema";
import { onTestFinished } from "vitest";
import {
  createStore,
  type InstanceDetail,
  type Result,
  type Store,
  type StoreOptions,
  type WorkspaceApi,
} from "../../src/index";
import type { TestDatabase } from "../db";
import { resolveNodeType } from "./node-types";

export async function openStore(
  database: TestDatabase,
  options: Partial<StoreOptions> = {},
): Promise<Store> {
  const store = await createStore({ ...database.connection, resolveNodeType, ...options });
  onTestFinished(() => store.close({ graceMs: 2_000 }));
  return store;
}

/** A fresh workspace per test keeps tests in one database file from seeing each other. */
export async function freshWorkspace(store: Store, prefix = "ws"): Promise<WorkspaceApi> {
  const id = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  await store.workspaces.ensure(id);
  return store.workspace(id);
}

export async function publish(
  ws: WorkspaceApi,
  definition: ProcessDefinitionInput,
  note?: string,
): Promise<number> {
  const saved = expectOk(
    await ws.definitions.saveDraft({
      key: definition.key,
      definition: definition as Record<string, unknown>,
    }),
  );
  const published = expectOk(
    await ws.definitions.publish(definition.key, { note, expectedRevision: saved.revision }),
  );
  return published.version;
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs = 15_000, everyMs = 25 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function untilStatus(
  ws: WorkspaceApi,
  instanceId: string,
  status: InstanceDetail["status"],
  timeoutMs?: number,
): Promise<InstanceDetail> {
  return eventually(
    async () => {
      const instance = expectOk(await ws.instances.get(instanceId));
      return instance.status === status ? instance : undefined;
    },
    { timeoutMs },
  );
}

export async function historyOf(ws: WorkspaceApi, instanceId: string) {
  const page = expectOk(await ws.instances.history(instanceId, { limit: 500 }));
  return page.items;
}

/** A promise the test opens when it wants: executors await `opened` to hold a step. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Worker options with polling so slow that a test passing in time was woken, not polled. */
export const NO_POLL = { pollMs: 600_000, timerPollMs: 600_000 };
