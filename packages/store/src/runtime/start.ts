// Creating an instance inside the caller's transaction: the engine builds the first state, the
// row is inserted (an idempotency key already used makes it a no-op the caller rolls back), and
// the first waits are written exactly like any later step.
import type { EngineRejection, InstanceState } from "@playbook/engine";
import { toJson } from "../database/json";
import type { Tx } from "../database/transaction";
import type { LoadedDefinition } from "../definitions/cache";
import { basisOf } from "../queue/claimed-job";
import type { StoreResources } from "../resources";
import { deliverBufferedMessages, engineContext } from "./transition";
import { type InlineLease, type WriteSummary, writePlan } from "./write";
import { addOutcome, emptyPlan } from "./write-plan";

export interface NewInstance {
  workspaceId: string;
  loaded: LoadedDefinition;
  definitionKey: string;
  definitionVersion: number;
  variables: Record<string, unknown>;
  businessKey?: string;
  idempotencyKey?: string;
  startedBy?: string;
  startNodeId?: string;
  /** Lease the first runnable job to this worker (a hand-off to an idle local loop). */
  inline?: InlineLease;
}

export type StartResult =
  | { ok: true; state: InstanceState; summary: WriteSummary }
  | { ok: false; rejection: EngineRejection }
  | { ok: false; duplicate: true };

/** The engine's first state for a new instance, before anything is written. */
export function runStartEvent(res: StoreResources, input: NewInstance) {
  const instanceId = crypto.randomUUID();
  const ctx = engineContext(res, input.loaded, res.clock.now());
  const result = res.applyEvent(ctx, null, {
    type: "start",
    instanceId,
    definitionVersion: input.definitionVersion,
    variables: input.variables,
    ...(input.startNodeId === undefined ? {} : { startNodeId: input.startNodeId }),
  });
  return { instanceId, ctx, result };
}

export async function startInstanceInTx(
  tx: Tx,
  res: StoreResources,
  input: NewInstance,
): Promise<StartResult> {
  const { instanceId, ctx, result } = runStartEvent(res, input);
  if (!result.ok) return { ok: false, rejection: result.error };

  // The row goes in first so a duplicate idempotency key is found before any other write.
  const first = result.state;
  const inserted = await tx
    .insertInto("instances")
    .values({
      id: instanceId,
      workspace_id: input.workspaceId,
      definition_key: input.definitionKey,
      definition_version: input.definitionVersion,
      status: first.status,
      business_key: input.businessKey ?? null,
      idempotency_key: input.idempotencyKey ?? null,
      state: toJson(first),
      version: first.version,
      started_by: input.startedBy ?? null,
      started_at: new Date(first.startedAt),
      ended_at: first.endedAt === undefined ? null : new Date(first.endedAt),
    })
    .onConflict((conflict) =>
      conflict
        .columns(["workspace_id", "idempotency_key"])
        .where("idempotency_key", "is not", null)
        .doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return { ok: false, duplicate: true };

  const plan = emptyPlan();
  addOutcome(plan, result.effects, result.history);
  const state = await deliverBufferedMessages(tx, res, ctx, input.workspaceId, first, plan);
  // Only a buffered message delivered at once changes the state after the insert.
  const stateWrite = state === first ? undefined : { state, previousVersion: first.version };
  const summary = await writePlan(
    tx,
    { workspaceId: input.workspaceId, instanceId },
    plan,
    stateWrite,
    input.inline,
  );
  if (summary.inlineJob) summary.inlineJob.basis = basisOf(input, state);
  return { ok: true, state, summary };
}
