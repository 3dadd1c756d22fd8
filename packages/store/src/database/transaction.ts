// One place that opens transactions: retries the ones Postgres aborted to break a deadlock or a
// serialization conflict (the callback runs again from scratch), and lets a callback roll back
// while still returning a value (`rollback(value)`), so "task already completed" is data, not a
// throw. The value must belong to the transaction's result type, so callers handle it.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export type Rollback<T> = (value: T) => never;

const RETRYABLE_SQLSTATES = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 4;

class RollbackSignal {
  constructor(readonly value: unknown) {}
}

export async function inTransaction<T>(
  db: Db,
  work: (tx: Tx, rollback: Rollback<T>) => Promise<T>,
): Promise<T> {
  const rollback: Rollback<T> = (value) => {
    throw new RollbackSignal(value);
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => work(tx, rollback));
    } catch (error) {
      if (error instanceof RollbackSignal) return error.value as T;
      if (attempt < MAX_ATTEMPTS && RETRYABLE_SQLSTATES.has(sqlState(error) ?? "")) continue;
      throw error;
    }
  }
}

export function sqlState(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
