// Messages (events posted by apps) in one workspace: de-duplicated by event id, correlated to
// every instance waiting for (name, correlation key), starting instances of definitions whose
// start node listens for the name, and buffered with a TTL when nobody is waiting yet.
// The whole publish is one transaction. The rule is documented in README "Message correlation".
import { sql } from "kysely";
import { toJson } from "../database/json";
import { inTransaction, type Tx } from "../database/transaction";
import { fail, ok, type Result, type StoreError } from "../errors";
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import { startInstanceInTx } from "../runtime/start";
import { applyEventToInstance, lockInstance } from "../runtime/transition";
import type { WriteSummary } from "../runtime/write";
import { pickDeclared, validateVariables } from "../variables/validate";
import { bufferMessage, type CorrelationAddress, lockCorrelation } from "./buffer";

export interface PublishMessageInput {
  name: string;
  correlationKey: string;
  payload?: Record<string, unknown>;
  /** Event id: publishing the same id again is acknowledged and changes nothing. */
  id?: string;
  /** How long to keep the message when nobody waits for it; 0 disables buffering. */
  ttlMs?: number;
}

export interface MessageOutcome {
  eventId: string | null;
  /** True when this event id had been published before; the other fields describe that first time. */
  duplicate: boolean;
  correlated: Array<{ instanceId: string; activationId: string }>;
  started: Array<{ instanceId: string; definitionKey: string; version: number }>;
  /** Definitions the message should have started but could not (e.g. invalid payload). */
  notStarted: Array<{ definitionKey: string; error: StoreError }>;
  buffered: boolean;
}

type Delivery = { outcome: MessageOutcome; summaries: WriteSummary[] };

export function messagesSystem(res: StoreResources, workspaceId: string) {
  const { db } = res;

  async function publish(input: PublishMessageInput): Promise<Result<MessageOutcome>> {
    if (!input.name || typeof input.correlationKey !== "string") {
      return fail({ code: "message.invalid", message: "name and correlationKey are required" });
    }
    const ttlMs = input.ttlMs ?? res.settings.messageTtlMs;
    if (!Number.isFinite(ttlMs) || ttlMs < 0)
      return fail({ code: "message.invalid", message: "ttlMs must be ≥ 0" });
    const address: CorrelationAddress = {
      workspaceId,
      name: input.name,
      correlationKey: input.correlationKey,
    };
    const payload = input.payload ?? {};

    const delivery = await inTransaction<Delivery>(db, async (tx) => {
      const outcome: MessageOutcome = {
        eventId: input.id ?? null,
        duplicate: false,
        correlated: [],
        started: [],
        notStarted: [],
        buffered: false,
      };
      const summaries: WriteSummary[] = [];
      if (input.id !== undefined) {
        const first = await recordEventId(tx, input.id, address);
        if (!first) return { outcome: await priorOutcome(tx, input.id), summaries };
      }
      await correlate(tx, address, payload, outcome, summaries);
      await startByMessage(tx, address, payload, outcome, summaries);
      if (outcome.correlated.length === 0 && outcome.started.length === 0 && ttlMs > 0) {
        // Serialise with subscribers of this address, then look again: one may have committed
        // since the first look; otherwise it will find the buffered message when it subscribes.
        await lockCorrelation(tx, address);
        await correlate(tx, address, payload, outcome, summaries);
        if (outcome.correlated.length === 0) {
          await bufferMessage(tx, address, { payload, eventId: input.id, ttlMs });
          outcome.buffered = true;
        }
      }
      if (input.id !== undefined) {
        await tx
          .updateTable("received_events")
          .set({ outcome: toJson(outcome) })
          .where("workspace_id", "=", workspaceId)
          .where("event_id", "=", input.id)
          .execute();
      }
      return { outcome, summaries };
    });
    wakeFor(res, delivery.summaries);
    res.logger.debug(
      {
        workspaceId,
        message: input.name,
        eventId: input.id,
        correlated: delivery.outcome.correlated.length,
        started: delivery.outcome.started.length,
        buffered: delivery.outcome.buffered,
      },
      "message published",
    );
    return ok(delivery.outcome);
  }

  async function recordEventId(
    tx: Tx,
    eventId: string,
    address: CorrelationAddress,
  ): Promise<boolean> {
    const inserted = await tx
      .insertInto("received_events")
      .values({
        workspace_id: workspaceId,
        event_id: eventId,
        name: address.name,
        correlation_key: address.correlationKey,
      })
      .onConflict((conflict) => conflict.columns(["workspace_id", "event_id"]).doNothing())
      .returning("event_id")
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async function priorOutcome(tx: Tx, eventId: string): Promise<MessageOutcome> {
    const row = await tx
      .selectFrom("received_events")
      .select("outcome")
      .where("workspace_id", "=", workspaceId)
      .where("event_id", "=", eventId)
      .executeTakeFirstOrThrow();
    const prior = (row.outcome ?? {}) as Partial<MessageOutcome>;
    return {
      eventId,
      duplicate: true,
      correlated: prior.correlated ?? [],
      started: prior.started ?? [],
      notStarted: prior.notStarted ?? [],
      buffered: prior.buffered ?? false,
    };
  }

  /** Delivers to the oldest matching subscription of every waiting instance (locks in id order). */
  async function correlate(
    tx: Tx,
    address: CorrelationAddress,
    payload: Record<string, unknown>,
    outcome: MessageOutcome,
    summaries: WriteSummary[],
  ): Promise<void> {
    const waiting = await tx
      .selectFrom("subscriptions")
      .select(["instance_id"])
      .distinct()
      .where("workspace_id", "=", workspaceId)
      .where("message_name", "=", address.name)
      .where("correlation_key", "=", address.correlationKey)
      .orderBy("instance_id")
      .execute();
    for (const { instance_id: instanceId } of waiting) {
      const locked = await lockInstance(tx, workspaceId, instanceId);
      if (!locked) continue;
      // Re-read under the lock: the instance may have moved on while we waited for it.
      const subscription = await tx
        .deleteFrom("subscriptions")
        .where(
          "id",
          "=",
          tx
            .selectFrom("subscriptions")
            .select("id")
            .where("workspace_id", "=", workspaceId)
            .where("instance_id", "=", instanceId)
            .where("message_name", "=", address.name)
            .where("correlation_key", "=", address.correlationKey)
            .orderBy("id")
            .limit(1),
        )
        .returning("activation_id")
        .executeTakeFirst();
      if (!subscription) continue;
      const applied = await applyEventToInstance(
        tx,
        res,
        locked,
        {
          type: "messageReceived",
          activationId: subscription.activation_id,
          name: address.name,
          payload,
        },
        { clear: [subscription.activation_id] },
      );
      if (!applied.ok) {
        res.logger.warn(
          { instanceId, reason: applied.rejection.code },
          "stale subscription dropped",
        );
        continue;
      }
      outcome.correlated.push({ instanceId, activationId: subscription.activation_id });
      summaries.push(applied.summary);
    }
  }

  async function startByMessage(
    tx: Tx,
    address: CorrelationAddress,
    payload: Record<string, unknown>,
    outcome: MessageOutcome,
    summaries: WriteSummary[],
  ): Promise<void> {
    const triggers = await tx
      .selectFrom("message_start_triggers")
      .select(["definition_key", "version", "start_node_id"])
      .where("workspace_id", "=", workspaceId)
      .where("message_name", "=", address.name)
      .orderBy("definition_key")
      .execute();
    for (const trigger of triggers) {
      const loaded = await res.definitions.get(
        tx,
        workspaceId,
        trigger.definition_key,
        trigger.version,
      );
      if (!loaded) continue;
      const variables = pickDeclared(loaded.definition, payload);
      const issues = validateVariables(loaded.definition, variables, { checkRequired: true });
      if (issues.length > 0) {
        outcome.notStarted.push({
          definitionKey: trigger.definition_key,
          error: { code: "variables.invalid", issues },
        });
        continue;
      }
      const started = await startInstanceInTx(tx, res, {
        workspaceId,
        loaded,
        definitionKey: trigger.definition_key,
        definitionVersion: trigger.version,
        variables,
        businessKey: address.correlationKey,
        startNodeId: trigger.start_node_id,
      });
      if (!started.ok) {
        const error: StoreError =
          "rejection" in started
            ? {
                code: "event.rejected",
                reason: started.rejection.code,
                message: started.rejection.message,
              }
            : { code: "event.rejected", reason: "event.notApplicable", message: "duplicate start" };
        outcome.notStarted.push({ definitionKey: trigger.definition_key, error });
        continue;
      }
      outcome.started.push({
        instanceId: started.state.id,
        definitionKey: trigger.definition_key,
        version: trigger.version,
      });
      summaries.push(started.summary);
    }
  }

  /** Messages currently buffered for an address (diagnostics and tests). */
  async function buffered(name: string, correlationKey: string): Promise<number> {
    const row = await db
      .selectFrom("buffered_messages")
      .select(sql<number>`count(*)::int`.as("count"))
      .where("workspace_id", "=", workspaceId)
      .where("name", "=", name)
      .where("correlation_key", "=", correlationKey)
      .where("expires_at", ">", sql<Date>`now()`)
      .executeTakeFirstOrThrow();
    return row.count;
  }

  return { publish, buffered };
}

export type MessagesSystem = ReturnType<typeof messagesSystem>;
