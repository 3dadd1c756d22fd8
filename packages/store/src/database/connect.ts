// Picks the database: real Postgres through `pg` when a URL is given, otherwise embedded PGlite
// (Postgres in WebAssembly) in a data directory, so the product runs with nothing installed.
// Both speak the same SQL; only connection handling and LISTEN differ.
import { PGlite } from "@electric-sql/pglite";
import { CompiledQuery, Kysely, PostgresDialect } from "kysely";
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
  /**
   * Runs one of the hot-path statements (a step, a start) as a named prepared statement, so
   * Postgres parses and plans it once per connection instead of on every step. Only for fixed
   * texts: the name identifies the text.
   */
  run: PreparedRunner;
  /** A fresh dedicated client for LISTEN (Postgres only). */
  createListenerClient?: () => pg.Client;
  close(): Promise<void>;
}

export type PreparedRunner = <Row>(name: string, text: string, values: unknown[]) => Promise<Row[]>;

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
    run: async <Row>(name: string, text: string, values: unknown[]) =>
      (await pool.query({ name, text, values })).rows as Row[],
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
    // Through Kysely's driver, which serialises use of PGlite's one session (a direct
    // pglite.query could land inside another caller's open transaction). In-process, parsing
    // costs no round trip, so there is nothing to prepare.
    run: async <Row>(_name: string, text: string, values: unknown[]) =>
      (await db.executeQuery<Row>(CompiledQuery.raw(text, values))).rows,
    // Destroying the Kysely instance closes PGlite, so a borrowed instance is left alone.
    close: async () => {
      if (owned) await db.destroy();
    },
  };
}
