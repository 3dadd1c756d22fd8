// The message buffer: messages that arrived before any instance waited for them. Publishing and
// subscribing to the same (workspace, name, correlation key) serialise on a transaction-scoped
// advisory lock; without it a publish and a subscribe committing at the same moment could each
// miss the other (the message buffered, the subscription waiting forever).
import { sql } from "kysely";
import { toJson } from "../database/json";
import type { Tx } from "../database/transaction";

export interface CorrelationAddress {
  workspaceId: string;
  name: string;
  correlationKey: string;
}

export interface BufferedMessage {
  id: number;
  payload: Record<string, unknown>;
}

export async function lockCorrelation(tx: Tx, address: CorrelationAddress): Promise<void> {
  const text = `${address.workspaceId}/${address.name}/${address.correlationKey}`;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${text}, 0))`.execute(tx);
}

/** The oldest unexpired buffered message for the address, locked; call `removeBuffered` once used. */
export async function peekBuffered(
  tx: Tx,
  address: CorrelationAddress,
): Promise<BufferedMessage | undefined> {
  await lockCorrelation(tx, address);
  return tx
    .selectFrom("buffered_messages")
    .select(["id", "payload"])
    .where("workspace_id", "=", address.workspaceId)
    .where("name", "=", address.name)
    .where("correlation_key", "=", address.correlationKey)
    .where("expires_at", ">", sql<Date>`now()`)
    .orderBy("id")
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function removeBuffered(tx: Tx, id: number): Promise<void> {
  await tx.deleteFrom("buffered_messages").where("id", "=", id).execute();
}

export async function bufferMessage(
  tx: Tx,
  address: CorrelationAddress,
  message: { payload: Record<string, unknown>; eventId?: string; ttlMs: number },
): Promise<void> {
  await tx
    .insertInto("buffered_messages")
    .values({
      workspace_id: address.workspaceId,
      name: address.name,
      correlation_key: address.correlationKey,
      payload: toJson(message.payload),
      event_id: message.eventId ?? null,
      expires_at: sql<Date>`now() + ${message.ttlMs} * interval '1 millisecond'`,
    })
    .execute();
}

/** Drops expired buffered messages and forgotten event ids; returns how many rows went. */
export async function purgeExpired(tx: Tx, eventRetentionMs: number): Promise<number> {
  const messages = await tx
    .deleteFrom("buffered_messages")
    .where("expires_at", "<=", sql<Date>`now()`)
    .executeTakeFirst();
  const events = await tx
    .deleteFrom("received_events")
    .where("received_at", "<", sql<Date>`now() - ${eventRetentionMs} * interval '1 millisecond'`)
    .executeTakeFirst();
  return Number(messages.numDeletedRows) + Number(events.numDeletedRows);
}
