// Picks the database: real Postgres through `pg` when a URL is given, otherwise embedded PGlite
// (Postgres in WebAssembly) in a data directory, so the product runs with nothing installed.
// Both speak the same SQL; only connection handling and LISTEN differ.
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Logger } from "../logger";
import type { Database } from "./schema";

export type DatabaseKind = "postgres" | "pglite";

export interface ConnectOptions {
  /** postgres://… — when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory (created on first start). `memory://` keeps it in memory. */
  dataDir?: string;
  /** An already open PGlite instance owned by the caller (tests); not closed by the store. */
  pglite?: PGlite;
  /** Pool size for Postgres; workers use one connection per loop while a step commits. */
  poolSize?: number;
  /** Sent to Postgres; notifications carry it so a process can ignore its own. */
  applicationName: string;
  logger: Logger;
}

export interface DatabaseConnection {
  kind: DatabaseKind;
  db: Kysely<Database>;
  /** A fresh dedicated client for LISTEN (Postgres only). */
  createListenerClient?: () => pg.Client;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = ".data/pglite";

// int8 (identity columns) as JS numbers, as PGlite returns them; sequences stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID && format !== "binary") return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseConnection> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options);
  return connectPglite(options);
}

function connectPostgres(url: string, options: ConnectOptions): DatabaseConnection {
  const clientConfig = { connectionString: url, application_name: options.applicationName, types };
  const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 20 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => options.logger.warn({ err: error.message }, "postgres pool error"));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: "postgres",
    db,
    // Keepalive so a LISTEN connection that dies silently (a NAT or firewall dropping it) is
    // noticed and replaced instead of waiting for notifications that never come.
    createListenerClient: () =>
      new pg.Client({ ...clientConfig, keepAlive: true, keepAliveInitialDelayMillis: 10_000 }),
    close: () => db.destroy(),
  };
}

async function connectPglite(options: ConnectOptions): Promise<DatabaseConnection> {
  const owned = options.pglite === undefined;
  const pglite = options.pglite ?? (await PGlite.create(options.dataDir ?? DEFAULT_DATA_DIR));
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: "pglite",
    db,
    // Destroying the Kysely instance closes PGlite, so a borrowed instance is left alone.
    close: async () => {
      if (owned) await db.destroy();
    },
  };
}
