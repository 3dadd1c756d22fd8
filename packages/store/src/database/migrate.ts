// Runs pending migrations at start-up. Kysely's migrator holds a lock (so many processes can
// start against one database at once), applies everything pending in one transaction, and
// records what ran, so a second start is a no-op. Forward-only: there are no down migrations.
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from "kysely";
import { initialSchema } from "./migrations/0001-initial";
import { inlineStep } from "./migrations/0002-inline-step";
import { stepNotify } from "./migrations/0003-step-notify";
import { startCall } from "./migrations/0004-start-call";
import { historyBatches } from "./migrations/0005-history-batches";
import { stepBatch } from "./migrations/0006-step-batch";
import { stepRest } from "./migrations/0007-step-rest";
import { publishedRevision } from "./migrations/0008-published-revision";

/** Ordered by name; append new entries, never edit or reorder released ones. */
const migrations: Record<string, readonly string[]> = {
  "0001-initial": initialSchema,
  "0002-inline-step": inlineStep,
  "0003-step-notify": stepNotify,
  "0004-start-call": startCall,
  "0005-history-batches": historyBatches,
  "0006-step-batch": stepBatch,
  "0007-step-rest": stepRest,
  "0008-published-revision": publishedRevision,
};

const provider: MigrationProvider = {
  async getMigrations() {
    const entries: Record<string, Migration> = {};
    for (const [name, statements] of Object.entries(migrations)) {
      entries[name] = {
        async up(db) {
          for (const statement of statements) await sql.raw(statement).execute(db);
        },
      };
    }
    return entries;
  },
};

export interface MigrationReport {
  /** Names applied by this call; empty when the database was already current. */
  applied: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  return run(db, (migrator) => migrator.migrateToLatest());
}

/** Applies pending migrations up to and including `name` (tests: a database as an older release left it). */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<MigrationReport> {
  return run(db, (migrator) => migrator.migrateTo(name));
}

async function run(
  // biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
  db: Kysely<any>,
  migrate: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "playbook_migrations",
    migrationLockTableName: "playbook_migrations_lock",
  });
  const { error, results } = await migrate(migrator);
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new Error(`migration ${failed ?? "(setup)"} failed: ${describe(error)}`, {
      cause: error,
    });
  }
  return {
    applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
