// Starting instances in one statement on the version this process believes is the latest: the
// belief is checked by the database, and every way it can be wrong ends on the right version.
import { describe, expect } from "vitest";
import { test } from "./db";
import { chain, task } from "./support/definitions";
import { expectOk, freshWorkspace, openStore, publish } from "./support/harness";

describe("starting instances", () => {
  test("a version published by another process is used by the very next start here", async ({
    database,
  }) => {
    const here = await openStore(database);
    const there = await openStore(database);
    const ws = await freshWorkspace(here);
    await publish(ws, chain("campaign", [task("draft")]));
    const first = expectOk(await ws.instances.start({ definitionKey: "campaign" }));
    expect(first.instance.definitionVersion).toBe(1);

    await publish(there.workspace(ws.id), chain("campaign", [task("draft"), task("review")]));
    const second = expectOk(await ws.instances.start({ definitionKey: "campaign" }));
    expect(second.instance.definitionVersion).toBe(2);
    const stored = expectOk(await ws.instances.get(second.instance.id));
    expect(stored.definitionVersion).toBe(2);
    // The one before stays on the version it started on.
    expect(expectOk(await ws.instances.get(first.instance.id)).definitionVersion).toBe(1);
  });

  test("variables are checked against the version that actually runs, not a stale belief", async ({
    database,
  }) => {
    const here = await openStore(database);
    const there = await openStore(database);
    const ws = await freshWorkspace(here);
    const budget = (required: boolean) =>
      chain("budget", [task("approve")], {
        variables: [{ name: "amount", type: "number", required }],
      });
    await publish(ws, budget(true));
    expect(await ws.instances.start({ definitionKey: "budget" })).toMatchObject({
      ok: false,
      error: { code: "variables.invalid" },
    });
    expectOk(await ws.instances.start({ definitionKey: "budget", variables: { amount: 5 } }));

    // v2 makes the amount optional; this process still believes v1 is the latest.
    await publish(there.workspace(ws.id), budget(false));
    const started = expectOk(await ws.instances.start({ definitionKey: "budget" }));
    expect(started.instance.definitionVersion).toBe(2);
  });

  test("an explicit version runs that version, and an unknown one is refused without writing", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, chain("sop", [task("write")]));
    await publish(ws, chain("sop", [task("write"), task("check")]));
    const pinned = expectOk(await ws.instances.start({ definitionKey: "sop", version: 1 }));
    expect(pinned.instance.definitionVersion).toBe(1);
    expect(await ws.instances.start({ definitionKey: "sop", version: 7 })).toMatchObject({
      ok: false,
      error: { code: "definition.versionNotFound", version: 7 },
    });
    const listed = expectOk(await ws.instances.list({ definitionKey: "sop" }));
    expect(listed.items).toHaveLength(1);
  });

  test("twenty racing starts with one idempotency key create one instance", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, chain("welcome", [task("call")]));
    // Warm the belief about the latest version, so the racing starts take the one-call path.
    expectOk(await ws.instances.start({ definitionKey: "welcome" }));
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        ws.instances.start({ definitionKey: "welcome", idempotencyKey: "signup-88" }),
      ),
    );
    const ids = new Set(results.map((result) => expectOk(result).instance.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => expectOk(result).created)).toHaveLength(1);
    const listed = expectOk(await ws.instances.list({ definitionKey: "welcome" }));
    expect(listed.items).toHaveLength(2);
  });
});
