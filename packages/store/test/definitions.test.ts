import { describe, expect } from "vitest";
import { test } from "./db";
import { chain, service, task } from "./support/definitions";
import {
  expectOk,
  freshWorkspace,
  historyOf,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction } from "./support/node-types";

describe("definitions", () => {
  test("a draft keeps a revision number so a stale editor's save is refused", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    const draft = chain("leave-request", [task("approve")]) as Record<string, unknown>;

    const first = expectOk(
      await ws.definitions.saveDraft({ key: "leave-request", definition: draft }),
    );
    const second = expectOk(
      await ws.definitions.saveDraft({
        key: "leave-request",
        definition: draft,
        expectedRevision: 1,
      }),
    );
    const stale = await ws.definitions.saveDraft({
      key: "leave-request",
      definition: draft,
      expectedRevision: 1,
    });

    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect(stale).toEqual({
      ok: false,
      error: {
        code: "definition.revisionConflict",
        key: "leave-request",
        expectedRevision: 1,
        actualRevision: 2,
      },
    });
    expect(expectOk(await ws.definitions.getDraft("leave-request")).revision).toBe(2);
    expect(await ws.definitions.saveDraft({ key: "other", definition: draft })).toMatchObject({
      ok: false,
      error: { code: "definition.keyMismatch" },
    });
  });

  test("publishing freezes numbered versions with notes; the draft stays editable", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, chain("expense", [task("approve")]), "first cut");
    await publish(ws, chain("expense", [task("approve"), task("pay")]), "adds payment");

    const versions = expectOk(await ws.definitions.listVersions("expense"));
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [2, "adds payment"],
      [1, "first cut"],
    ]);
    expect(
      expectOk(await ws.definitions.getVersion("expense", 1)).definition.nodes.map((n) => n.id),
    ).toEqual(["start", "approve", "end"]);
    expect(expectOk(await ws.definitions.getVersion("expense")).version).toBe(2);
    expect(await ws.definitions.getVersion("expense", 9)).toMatchObject({
      ok: false,
      error: { code: "definition.versionNotFound" },
    });
    expect(expectOk(await ws.definitions.list())).toEqual([
      expect.objectContaining({
        key: "expense",
        latestVersion: 2,
        draftRevision: 2,
        name: { "zh-CN": "expense", en: "expense" },
      }),
    ]);
  });

  test("instances stay on the version they started with after a new publish", async ({
    database,
  }) => {
    const notified: string[] = [];
    const store = await openStore(database, {
      executorFor: executorsByAction({ notify: async (job) => void notified.push(job.instanceId) }),
    });
    const ws = await freshWorkspace(store);
    await publish(ws, chain("contract", [task("sign")]));
    const { instance: old } = expectOk(await ws.instances.start({ definitionKey: "contract" }));
    await publish(ws, chain("contract", [task("sign"), service("notify", "notify")]));
    const { instance: fresh } = expectOk(await ws.instances.start({ definitionKey: "contract" }));
    await store.startWorkers({ concurrency: 1, workspaceIds: [ws.id], pollMs: 50 });

    for (const instance of [old, fresh]) {
      const [sign] = expectOk(await ws.tasks.list({ instanceId: instance.id })).items;
      expectOk(await ws.tasks.complete(sign!.id));
    }
    await untilStatus(ws, old.id, "completed");
    await untilStatus(ws, fresh.id, "completed");

    expect([old.definitionVersion, fresh.definitionVersion]).toEqual([1, 2]);
    expect(notified).toEqual([fresh.id]);
    expect((await historyOf(ws, old.id)).some((entry) => entry.nodeId === "notify")).toBe(false);
  });

  test("a draft can be deleted softly (restorable) or for good", async ({ database }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    const draft = chain("campaign", [task("review")]) as Record<string, unknown>;
    expectOk(await ws.definitions.saveDraft({ key: "campaign", definition: draft }));

    expectOk(await ws.definitions.deleteDraft("campaign", { mode: "soft" }));
    expect(await ws.definitions.getDraft("campaign")).toMatchObject({
      ok: false,
      error: { code: "draft.notFound" },
    });
    expect(expectOk(await ws.definitions.list())).toEqual([]);
    expect(expectOk(await ws.definitions.restoreDraft("campaign")).definition).toEqual(draft);

    expectOk(await ws.definitions.deleteDraft("campaign", { mode: "hard" }));
    expect(await ws.definitions.restoreDraft("campaign")).toMatchObject({
      ok: false,
      error: { code: "draft.notFound" },
    });
    expect(await ws.definitions.listVersions("campaign")).toMatchObject({
      ok: false,
      error: { code: "definition.notFound" },
    });
  });

  test("publishing refuses a definition with unknown node types or a broken shape", async ({
    database,
  }) => {
    const store = await openStore(database, {
      validateDefinition: (definition) =>
        definition.nodes.some((node) => node.id === "orphan")
          ? [{ code: "node.unreachable", message: "unreachable", nodeId: "orphan" }]
          : [],
    });
    const ws = await freshWorkspace(store);
    const unknownType = chain("bad", [task("approve")]);
    unknownType.nodes[1] = { id: "approve", type: "acme.crmTag", typeVersion: 1, config: {} };
    expectOk(
      await ws.definitions.saveDraft({
        key: "bad",
        definition: unknownType as Record<string, unknown>,
      }),
    );
    expect(await ws.definitions.publish("bad")).toMatchObject({
      ok: false,
      error: {
        code: "definition.invalid",
        issues: [{ code: "node.unknownType", nodeId: "approve" }],
      },
    });

    expectOk(
      await ws.definitions.saveDraft({ key: "shape", definition: { key: "shape", nodes: "nope" } }),
    );
    expect(await ws.definitions.publish("shape")).toMatchObject({
      ok: false,
      error: { code: "definition.invalid" },
    });

    const orphan = chain("orphaned", [task("approve")]);
    orphan.nodes.push({ id: "orphan", type: "test.task", typeVersion: 1, config: {} });
    expectOk(
      await ws.definitions.saveDraft({
        key: "orphaned",
        definition: orphan as Record<string, unknown>,
      }),
    );
    expect(await ws.definitions.publish("orphaned")).toMatchObject({
      ok: false,
      error: {
        code: "definition.invalid",
        issues: [{ code: "node.unreachable", nodeId: "orphan" }],
      },
    });
    expect(await ws.definitions.listVersions("bad")).toEqual({ ok: true, value: [] });
  });
});

describe("starting instances", () => {
  test("the same idempotency key returns the same instance, even when requests race", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, chain("order", [task("pack")]));

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        ws.instances.start({
          definitionKey: "order",
          idempotencyKey: "order-42",
          businessKey: "42",
        }),
      ),
    );

    const started = results.map(expectOk);
    expect(new Set(started.map((s) => s.instance.id)).size).toBe(1);
    expect(started.filter((s) => s.created)).toHaveLength(1);
    expect(expectOk(await ws.instances.list({ businessKey: "42" })).items).toHaveLength(1);
    expect(expectOk(await ws.tasks.list()).items).toHaveLength(1);
  });

  test("starting reports missing definitions and invalid variables as data", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(
      ws,
      chain("quote", [task("price")], {
        variables: [
          { name: "amount", type: "number", required: true },
          { name: "region", type: "string" },
        ],
      }),
    );
    expectOk(
      await ws.definitions.saveDraft({
        key: "draft-only",
        definition: chain("draft-only", []) as Record<string, unknown>,
      }),
    );

    expect(await ws.instances.start({ definitionKey: "nope" })).toEqual({
      ok: false,
      error: { code: "definition.notFound", key: "nope" },
    });
    expect(await ws.instances.start({ definitionKey: "draft-only" })).toEqual({
      ok: false,
      error: { code: "definition.notPublished", key: "draft-only" },
    });
    expect(await ws.instances.start({ definitionKey: "quote", version: 7 })).toMatchObject({
      ok: false,
      error: { code: "definition.versionNotFound" },
    });
    expect(
      await ws.instances.start({
        definitionKey: "quote",
        variables: { amount: "12", discount: 1 },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: "variables.invalid",
        issues: [
          expect.objectContaining({ variable: "amount", problem: "type" }),
          expect.objectContaining({ variable: "discount", problem: "undeclared" }),
        ],
      },
    });
    expect(await ws.instances.start({ definitionKey: "quote" })).toMatchObject({
      ok: false,
      error: { code: "variables.invalid", issues: [{ variable: "amount", problem: "required" }] },
    });
    expect(
      expectOk(
        await ws.instances.start({
          definitionKey: "quote",
          variables: { amount: 12, region: "华东" },
        }),
      ).instance.variables,
    ).toEqual({
      amount: 12,
      region: "华东",
    });
    expect(await ws.instances.get("not-a-uuid")).toMatchObject({
      ok: false,
      error: { code: "instance.notFound" },
    });
  });

  test("instances are listed newest first and filtered by definition, status and business key", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, chain("a", [task("t")]));
    await publish(ws, chain("b", [task("t")]));
    const a1 = expectOk(
      await ws.instances.start({ definitionKey: "a", businessKey: "k1" }),
    ).instance;
    const b1 = expectOk(
      await ws.instances.start({ definitionKey: "b", businessKey: "k1" }),
    ).instance;
    const a2 = expectOk(
      await ws.instances.start({ definitionKey: "a", businessKey: "k2" }),
    ).instance;
    expectOk(await ws.instances.cancel(a2.id));

    expect(expectOk(await ws.instances.list()).items.map((i) => i.id)).toEqual([
      a2.id,
      b1.id,
      a1.id,
    ]);
    expect(
      expectOk(await ws.instances.list({ definitionKey: "a" })).items.map((i) => i.id),
    ).toEqual([a2.id, a1.id]);
    expect(expectOk(await ws.instances.list({ status: "running" })).items.map((i) => i.id)).toEqual(
      [b1.id, a1.id],
    );
    expect(
      expectOk(await ws.instances.list({ businessKey: "k1", definitionKey: "b" })).items.map(
        (i) => i.id,
      ),
    ).toEqual([b1.id]);
    const page1 = expectOk(await ws.instances.list({ limit: 2 }));
    const page2 = expectOk(await ws.instances.list({ limit: 2, cursor: page1.nextCursor! }));
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual([a2.id, b1.id, a1.id]);
    expect(page2.nextCursor).toBeNull();
  });
});
