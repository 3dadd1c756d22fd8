// The process list tells a draft that is already published from one with changes not yet
// published (migration 0008), including for definitions published before that migration.
import { sql } from "kysely";
import { describe, expect } from "vitest";
import { connectDatabase } from "../src/database/connect";
import { migrateUpTo } from "../src/database/migrate";
import { createStore, type WorkspaceApi } from "../src/index";
import { silentLogger } from "../src/logger";
import { openTestDatabase, test } from "./db";
import { chain, task } from "./support/definitions";
import { expectOk, freshWorkspace, openStore } from "./support/harness";
import { resolveNodeType } from "./support/node-types";

async function stateOf(ws: WorkspaceApi, key: string) {
  const found = expectOk(await ws.definitions.list()).find((item) => item.key === key);
  if (!found) throw new Error(`${key} is not listed`);
  const { draftRevision, latestVersion, unpublishedChanges } = found;
  return { draftRevision, latestVersion, unpublishedChanges };
}

describe("definition states in the list", () => {
  test("a draft has unpublished changes until it is published, and again after each save", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    const first = chain("budget", [task("approve")]) as Record<string, unknown>;
    const second = chain("budget", [task("approve"), task("pay")]) as Record<string, unknown>;

    expectOk(await ws.definitions.saveDraft({ key: "budget", definition: first }));
    expect(await stateOf(ws, "budget")).toEqual({
      draftRevision: 1,
      latestVersion: null,
      unpublishedChanges: true,
    });

    expectOk(await ws.definitions.publish("budget", { expectedRevision: 1 }));
    expect(await stateOf(ws, "budget")).toEqual({
      draftRevision: 1,
      latestVersion: 1,
      unpublishedChanges: false,
    });

    expectOk(
      await ws.definitions.saveDraft({ key: "budget", definition: second, expectedRevision: 1 }),
    );
    expect(await stateOf(ws, "budget")).toEqual({
      draftRevision: 2,
      latestVersion: 1,
      unpublishedChanges: true,
    });

    // A refused publish (stale revision) changes nothing.
    expect(await ws.definitions.publish("budget", { expectedRevision: 1 })).toMatchObject({
      ok: false,
      error: { code: "definition.revisionConflict" },
    });
    expect((await stateOf(ws, "budget")).unpublishedChanges).toBe(true);

    expectOk(await ws.definitions.publish("budget", { expectedRevision: 2 }));
    expect(await stateOf(ws, "budget")).toEqual({
      draftRevision: 2,
      latestVersion: 2,
      unpublishedChanges: false,
    });

    expectOk(await ws.definitions.deleteDraft("budget"));
    expect(await stateOf(ws, "budget")).toEqual({
      draftRevision: null,
      latestVersion: 2,
      unpublishedChanges: false,
    });
  });

  test("definitions published before the upgrade read as published unless saved since", async () => {
    const old = await openTestDatabase();
    try {
      const conn = await connectDatabase({
        ...old.database.connection,
        applicationName: "definition-states-upgrade",
        logger: silentLogger,
      });
      try {
        const db = conn.db;
        await migrateUpTo(db, "0007-step-rest");
        const definition = JSON.stringify(chain("x", [task("approve")]));
        await sql`INSERT INTO workspaces (id, name) VALUES ('upgrade', 'Upgrade')`.execute(db);
        // "kept": published in the same transaction as its last update (what publish did).
        // "edited": saved again a minute after it was published.
        // "fresh": a draft never published.
        await sql`INSERT INTO definitions (workspace_id, key, draft, draft_revision, latest_version,
            updated_at)
          VALUES ('upgrade', 'kept', ${definition}::jsonb, 3, 1, '2026-11-01T10:00:00Z'),
                 ('upgrade', 'edited', ${definition}::jsonb, 4, 1, '2026-11-01T10:01:00Z'),
                 ('upgrade', 'fresh', ${definition}::jsonb, 1, 0, '2026-11-01T10:00:00Z')`.execute(
          db,
        );
        await sql`INSERT INTO definition_versions (workspace_id, key, version, definition,
            published_at)
          VALUES ('upgrade', 'kept', 1, ${definition}::jsonb, '2026-11-01T10:00:00Z'),
                 ('upgrade', 'edited', 1, ${definition}::jsonb, '2026-11-01T10:00:00Z')`.execute(
          db,
        );
      } finally {
        await conn.close();
      }

      const store = await createStore({ ...old.database.connection, resolveNodeType });
      try {
        const ws = store.workspace("upgrade");
        expect(await stateOf(ws, "kept")).toEqual({
          draftRevision: 3,
          latestVersion: 1,
          unpublishedChanges: false,
        });
        expect((await stateOf(ws, "edited")).unpublishedChanges).toBe(true);
        expect((await stateOf(ws, "fresh")).unpublishedChanges).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      await old.drop();
    }
  });
});
