import { sql } from "kysely";
import { describe, expect } from "vitest";
import { migrateToLatest } from "../src/index";
import { test } from "./db";
import { openStore } from "./support/harness";

describe("migrations", () => {
  test("an empty database gets the whole schema at first start", async ({ database }) => {
    const store = await openStore(database);
    const { rows } = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' ORDER BY table_name`.execute(store.db);
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "buffered_messages",
        "definition_versions",
        "definitions",
        "history",
        "incidents",
        "instances",
        "jobs",
        "message_start_triggers",
        "playbook_migrations",
        "received_events",
        "subscriptions",
        "tasks",
        "timers",
        "workspaces",
      ]),
    );
    const workspaces = await store.workspaces.list();
    expect(workspaces.map((workspace) => workspace.id)).toContain("default");
  });

  test("a second start applies nothing and keeps the data", async ({ database }) => {
    const first = await openStore(database);
    await first.workspaces.ensure("kept", "Kept");
    expect((await migrateToLatest(first.db)).applied).toEqual([]);

    const second = await openStore(database);
    expect((await migrateToLatest(second.db)).applied).toEqual([]);
    expect((await second.workspaces.list()).map((workspace) => workspace.id)).toContain("kept");
  });

  test("every table is scoped by workspace from the first migration", async ({ database }) => {
    const store = await openStore(database);
    const { rows } = await sql<{ table_name: string }>`
      SELECT t.table_name FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_name NOT LIKE 'playbook_migrations%'
        AND t.table_name <> 'workspaces'
        AND NOT EXISTS (
          SELECT 1 FROM information_schema.columns c
          WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'workspace_id')`.execute(
      store.db,
    );
    expect(rows).toEqual([]);
  });

  test("queue tables carry their churn settings", async ({ database }) => {
    const store = await openStore(database);
    const { rows } = await sql<{ relname: string; reloptions: string[] }>`
      SELECT relname, reloptions FROM pg_class WHERE relname IN ('jobs', 'timers') ORDER BY relname`.execute(
      store.db,
    );
    for (const row of rows) {
      expect(row.reloptions).toEqual(
        expect.arrayContaining(["fillfactor=70", "autovacuum_vacuum_scale_factor=0"]),
      );
    }
    expect(rows).toHaveLength(2);
  });
});
