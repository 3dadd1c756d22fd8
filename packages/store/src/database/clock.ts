// The database clock. Due times are compared with the database's now(), so the engine's clock
// must agree with it: queries that lock an instance return now() and the engine uses exactly
// that; the few places without such a query (starting an instance) use the local clock corrected
// by the last observed offset.
import { type Kysely, sql } from "kysely";

export class DatabaseClock {
  private offsetMs = 0;

  /** Records an observation of the database time (epoch ms). */
  observe(databaseNowMs: number): void {
    this.offsetMs = databaseNowMs - Date.now();
  }

  /** Best estimate of the database's current time. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  // biome-ignore lint/suspicious/noExplicitAny: works on any schema.
  async sync(db: Kysely<any>): Promise<void> {
    const { rows } = await sql<{ now_ms: number }>`SELECT ${nowMs} AS now_ms`.execute(db);
    const row = rows[0];
    if (row) this.observe(Number(row.now_ms));
  }
}

/** SQL for the transaction's now() in epoch milliseconds, as a float8 both drivers return as a number. */
export const nowMs = sql<number>`(extract(epoch from now()) * 1000)::float8`;
