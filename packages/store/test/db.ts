// Vitest fixture: one database per test file. Real Postgres when DATABASE_URL is set or
// 127.0.0.1:5432 answers (a fresh, uniquely named database, dropped afterwards); otherwise an
// in-memory PGlite instance. PLAYBOOK_TEST_PGLITE=1 forces PGlite.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { test as base } from "vitest";

export type TestDatabase =
  | { kind: "postgres"; databaseUrl: string; connection: { databaseUrl: string } }
  | { kind: "pglite"; pglite: PGlite; connection: { pglite: PGlite } };

const LOCAL_CANDIDATES = [
  "postgres://postgres@127.0.0.1:5432/postgres",
  "postgres://root@127.0.0.1:5432/postgres",
];

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminUrl(): Promise<string | undefined> {
  if (process.env.PLAYBOOK_TEST_PGLITE === "1") return undefined;
  const configured = process.env.DATABASE_URL;
  if (configured) {
    if (!(await answers(configured)))
      throw new Error(`DATABASE_URL does not answer: ${configured}`);
    return configured;
  }
  for (const candidate of LOCAL_CANDIDATES) if (await answers(candidate)) return candidate;
  return undefined;
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(): Promise<{
  database: TestDatabase;
  drop(): Promise<void>;
}> {
  const url = await adminUrl();
  if (!url) {
    const pglite = await PGlite.create();
    return {
      database: { kind: "pglite", pglite, connection: { pglite } },
      drop: () => pglite.close(),
    };
  }
  const name = `playbook_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(url, (client) => client.query(`CREATE DATABASE ${name}`));
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return {
    database: {
      kind: "postgres",
      databaseUrl: databaseUrl.toString(),
      connection: { databaseUrl: databaseUrl.toString() },
    },
    drop: () =>
      admin(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/** `test` with a file-scoped `database` fixture. */
// biome-ignore lint/correctness/noEmptyPattern: vitest requires a destructuring pattern here.
export const test = base.extend("database", { scope: "file" }, async ({}, { onCleanup }) => {
  const opened = await openTestDatabase();
  onCleanup(() => opened.drop());
  return opened.database;
});
