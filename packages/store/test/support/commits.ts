// Counting the transactions a piece of work commits, from pg_stat_database (real Postgres only).
import pg from "pg";
import { createStore, type Store, type StoreOptions } from "../../src/index";
import type { TestDatabase } from "../db";
import { eventually } from "./harness";
import { resolveNodeType } from "./node-types";

/** Transactions committed in the test database while `work` runs on a store of its own. */
export async function commitsWhile(
  database: Extract<TestDatabase, { kind: "postgres" }>,
  work: (store: Store) => Promise<void>,
  options: Partial<StoreOptions> = {},
): Promise<number> {
  // Watch from another database, so the watcher's own queries are not counted.
  const url = new URL(database.databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const read = async () => {
      // Backends publish their counters when they exit; wait until the store's have.
      await eventually(async () => {
        const { rows } = await admin.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        return rows[0]?.n === 0 ? true : undefined;
      });
      await admin.query("SELECT pg_stat_clear_snapshot()");
      const { rows } = await admin.query<{ commits: string }>(
        "SELECT xact_commit::text AS commits FROM pg_stat_database WHERE datname = $1",
        [name],
      );
      return Number(rows[0]?.commits);
    };
    const before = await read();
    const store = await createStore({ ...database.connection, resolveNodeType, ...options });
    try {
      await work(store);
    } finally {
      await store.close({ graceMs: 1_000 });
    }
    return (await read()) - before;
  } finally {
    await admin.end();
  }
}
