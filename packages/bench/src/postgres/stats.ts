// What Postgres says a round cost. Transactions: `xact_commit` of the side's database in
// pg_stat_database. A backend publishes its counters at most once a second while busy and
// only every ~10 s when idle, but always when it exits — so a round runs in a child process and
// the "after" snapshot is taken once every backend of that database is gone: the count is then
// exact. The snapshots are read on the admin database, so they never count themselves.
// WAL: pg_current_wal_lsn() around the load phase only (read by the child on the admin
// database); it is server-wide, so other databases' commits in the same window are reported as
// noise next to it.
import type pg from "pg";

export interface StatsSnapshot {
  /** xact_commit per database name. */
  commits: Map<string, number>;
}

export async function snapshot(admin: pg.Client): Promise<StatsSnapshot> {
  await admin.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await admin.query<{ datname: string; xact_commit: string }>(
    "SELECT datname, xact_commit FROM pg_stat_database WHERE datname IS NOT NULL",
  );
  return { commits: new Map(rows.map((row) => [row.datname, Number(row.xact_commit)])) };
}

export interface CommitDelta {
  /** Commits in the measured database. */
  own: number;
  /** Commits in every other database except the admin one (other users of the server). */
  others: number;
}

export function commitDelta(
  before: StatsSnapshot,
  after: StatsSnapshot,
  database: string,
  adminDatabase: string,
): CommitDelta {
  let others = 0;
  for (const [name, count] of after.commits) {
    if (name === database || name === adminDatabase) continue;
    others += count - (before.commits.get(name) ?? 0);
  }
  return {
    own: (after.commits.get(database) ?? 0) - (before.commits.get(database) ?? 0),
    others,
  };
}

/** Waits until no backend is connected to `database` (their counters are then published). */
export async function untilDisconnected(admin: pg.Client, database: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
      [database],
    );
    if ((rows[0]?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error(`backends of ${database} did not go away`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function walLsn(client: pg.Client): Promise<bigint> {
  const { rows } = await client.query<{ lsn: string }>(
    "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::text AS lsn",
  );
  return BigInt(rows[0]?.lsn.split(".")[0] ?? "0");
}
