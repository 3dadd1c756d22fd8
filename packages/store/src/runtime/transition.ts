// Applying one event to one instance inside the caller's transaction: run the pure engine on the
// locked state, deliver buffered messages to any new subscription, write state + history + waits.
// Nothing here commits or talks to the outside world; callers commit, then wake workers.
import type { EngineContext, EngineEvent, EngineRejection, InstanceState } from "@playbook/engine";
import { nowMs } from "../database/clock";
import type { Db, Tx } from "../database/transaction";
import type { LoadedDefinition } from "../definitions/cache";
import { peekBuffered, removeBuffered } from "../messages/buffer";
import type { StoreResources } from "../resources";
import { type InlineLease, type WriteSummary, writePlan } from "./write";
import { addOutcome, clearActivation, emptyPlan, type WritePlan } from "./write-plan";

/** An instance row locked FOR UPDATE by the current transaction. */
export interface LockedInstance {
  id: string;
  workspaceId: string;
  definitionKey: string;
  definitionVersion: number;
  state: InstanceState;
  version: number;
  /** The database's now() for this transaction, in epoch ms: the engine's clock. */
  nowMs: number;
}

export type TransitionResult =
  | { ok: true; state: InstanceState; summary: WriteSummary }
  | { ok: false; rejection: EngineRejection };

export interface TransitionOptions {
  /** Activations this event resolves: their remaining waits are removed. */
  clear?: readonly string[];
  inline?: InlineLease;
}

// Bounds the "subscribe, find a buffered message, move on, subscribe again" loop per event.
const MAX_BUFFER_ROUNDS = 100;

export async function lockInstance(
  tx: Tx,
  workspaceId: string,
  instanceId: string,
): Promise<LockedInstance | undefined> {
  const row = await selectInstances(tx)
    .where("id", "=", instanceId)
    .where("workspace_id", "=", workspaceId)
    .forUpdate()
    .executeTakeFirst();
  return row ? toLocked(row) : undefined;
}

/** Locks the instances nobody else holds (never waits), for batch work such as timers. */
export async function lockFreeInstances(tx: Tx, instanceIds: string[]): Promise<LockedInstance[]> {
  if (instanceIds.length === 0) return [];
  const rows = await selectInstances(tx)
    .where("id", "in", instanceIds)
    .orderBy("id")
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toLocked);
}

function selectInstances(tx: Tx) {
  return tx
    .selectFrom("instances")
    .select([
      "id",
      "workspace_id",
      "definition_key",
      "definition_version",
      "state",
      "version",
      nowMs.as("now_ms"),
    ]);
}

function toLocked(row: {
  id: string;
  workspace_id: string;
  definition_key: string;
  definition_version: number;
  state: unknown;
  version: number;
  now_ms: number;
}): LockedInstance {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    state: row.state as InstanceState,
    version: row.version,
    nowMs: Number(row.now_ms),
  };
}

export function engineContext(
  res: StoreResources,
  loaded: LoadedDefinition,
  now: number,
): EngineContext {
  return {
    definition: loaded.definition,
    resolveNodeType: res.resolveNodeType,
    clock: { now: () => now },
    ids: res.ids,
    random: res.random,
    ...(res.settings.maxStepsPerEvent === undefined
      ? {}
      : { maxSteps: res.settings.maxStepsPerEvent }),
  };
}

export async function loadDefinitionOf(
  tx: Db,
  res: StoreResources,
  instance: { workspaceId: string; definitionKey: string; definitionVersion: number },
): Promise<LoadedDefinition> {
  const loaded = await res.definitions.get(
    tx,
    instance.workspaceId,
    instance.definitionKey,
    instance.definitionVersion,
  );
  // The foreign key from instances to definition_versions makes this unreachable.
  if (!loaded)
    throw new Error(`definition ${instance.definitionKey} v${instance.definitionVersion} missing`);
  return loaded;
}

/** Applies `event` to a locked instance and writes the outcome. Updates `locked` in place. */
export async function applyEventToInstance(
  tx: Tx,
  res: StoreResources,
  locked: LockedInstance,
  event: EngineEvent,
  options: TransitionOptions = {},
): Promise<TransitionResult> {
  res.clock.observe(locked.nowMs);
  const loaded = await loadDefinitionOf(tx, res, locked);
  const ctx = engineContext(res, loaded, locked.nowMs);
  const result = res.applyEvent(ctx, locked.state, event);
  if (!result.ok) return { ok: false, rejection: result.error };

  const plan = emptyPlan();
  for (const activationId of options.clear ?? []) clearActivation(plan, activationId);
  addOutcome(plan, result.effects, result.history);
  const state = await deliverBufferedMessages(tx, res, ctx, locked.workspaceId, result.state, plan);

  const summary = await writePlan(
    tx,
    { workspaceId: locked.workspaceId, instanceId: locked.id },
    plan,
    { state, previousVersion: locked.version },
    options.inline,
  );
  locked.state = state;
  locked.version = state.version;
  return { ok: true, state, summary };
}

/**
 * For each new subscription, takes the oldest buffered message for its (name, correlation key)
 * and applies it at once, as if it had arrived just now. See README "Message correlation".
 */
export async function deliverBufferedMessages(
  tx: Tx,
  res: StoreResources,
  ctx: EngineContext,
  workspaceId: string,
  initial: InstanceState,
  plan: WritePlan,
): Promise<InstanceState> {
  let state = initial;
  for (let round = 0; round < MAX_BUFFER_ROUNDS; round++) {
    const subscription = plan.subscriptions.find((candidate) => !candidate.bufferChecked);
    if (!subscription) return state;
    subscription.bufferChecked = true;
    const address = {
      workspaceId,
      name: subscription.messageName,
      correlationKey: subscription.correlationKey,
    };
    const message = await peekBuffered(tx, address);
    if (!message) continue;
    const result = res.applyEvent(ctx, state, {
      type: "messageReceived",
      activationId: subscription.activationId,
      name: subscription.messageName,
      payload: message.payload,
    });
    if (!result.ok) {
      res.logger.warn(
        {
          instanceId: state.id,
          activationId: subscription.activationId,
          reason: result.error.code,
        },
        "buffered message refused by the engine; left in the buffer",
      );
      continue;
    }
    await removeBuffered(tx, message.id);
    clearActivation(plan, subscription.activationId);
    addOutcome(plan, result.effects, result.history);
    state = result.state;
  }
  res.logger.warn(
    { instanceId: state.id },
    "stopped delivering buffered messages after too many rounds",
  );
  return state;
}
