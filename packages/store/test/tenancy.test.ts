import { describe, expect } from "vitest";
import { test } from "./db";
import { chain, service, task, waitFor } from "./support/definitions";
import { expectOk, freshWorkspace, openStore, publish } from "./support/harness";

describe("tenancy", () => {
  test("a second workspace sees none of the first one's rows", async ({ database }) => {
    const store = await openStore(database);
    const acme = await freshWorkspace(store, "acme");
    const globex = await freshWorkspace(store, "globex");
    const definition = chain(
      "onboarding",
      [task("welcome-call"), waitFor("reply", "replied", "userId"), service("crm", "sync")],
      {
        variables: [{ name: "userId", type: "string" }],
      },
    );
    definition.nodes.splice(1, 0, {
      id: "broken",
      type: "test.set",
      typeVersion: 1,
      config: { assignments: [{ variable: "userId", expression: "1 / " }] },
    });
    definition.edges = definition.edges?.map((edge) =>
      edge.source === "start" ? { ...edge, target: "broken" } : edge,
    );
    definition.edges?.push({ id: "broken-out", source: "broken", target: "welcome-call" });
    await publish(acme, definition);
    const { instance } = expectOk(
      await acme.instances.start({
        definitionKey: "onboarding",
        businessKey: "b-1",
        variables: { userId: "u1" },
      }),
    );
    const [incident] = expectOk(await acme.incidents.list()).items;
    expect(incident).toBeDefined();

    expect(expectOk(await globex.definitions.list())).toEqual([]);
    expect(await globex.definitions.getDraft("onboarding")).toMatchObject({
      ok: false,
      error: { code: "draft.notFound" },
    });
    expect(await globex.definitions.getVersion("onboarding")).toMatchObject({
      ok: false,
      error: { code: "definition.notFound" },
    });
    expect(await globex.instances.start({ definitionKey: "onboarding" })).toMatchObject({
      ok: false,
      error: { code: "definition.notFound" },
    });
    expect(expectOk(await globex.instances.list()).items).toEqual([]);
    expect(expectOk(await globex.instances.list({ businessKey: "b-1" })).items).toEqual([]);
    expect(await globex.instances.get(instance.id)).toMatchObject({
      ok: false,
      error: { code: "instance.notFound" },
    });
    expect(await globex.instances.history(instance.id)).toMatchObject({
      ok: false,
      error: { code: "instance.notFound" },
    });
    expect(await globex.instances.cancel(instance.id)).toMatchObject({
      ok: false,
      error: { code: "instance.notFound" },
    });
    expect(expectOk(await globex.incidents.list()).items).toEqual([]);
    expect(await globex.incidents.retry(incident!.id)).toMatchObject({
      ok: false,
      error: { code: "incident.notFound" },
    });
    expect(expectOk(await globex.tasks.list()).items).toEqual([]);

    // Fix the incident in acme so a task and a subscription exist, then probe them from globex.
    const fixed = chain(
      "onboarding",
      [task("welcome-call"), waitFor("reply", "replied", "userId")],
      { variables: [{ name: "userId", type: "string" }] },
    );
    await publish(acme, fixed);
    const { instance: second } = expectOk(
      await acme.instances.start({ definitionKey: "onboarding", variables: { userId: "u2" } }),
    );
    const [openTask] = expectOk(await acme.tasks.list({ instanceId: second.id })).items;
    expect(await globex.tasks.get(openTask!.id)).toMatchObject({
      ok: false,
      error: { code: "task.notFound" },
    });
    expect(await globex.tasks.complete(openTask!.id)).toMatchObject({
      ok: false,
      error: { code: "task.notFound" },
    });
    expectOk(await acme.tasks.complete(openTask!.id));

    const fromGlobex = expectOk(
      await globex.messages.publish({ name: "replied", correlationKey: "u2", ttlMs: 0 }),
    );
    expect(fromGlobex.correlated).toEqual([]);
    expect(expectOk(await acme.instances.get(second.id)).tokens.map((t) => t.nodeId)).toEqual([
      "reply",
    ]);
    expect(
      expectOk(await acme.messages.publish({ name: "replied", correlationKey: "u2" })).correlated,
    ).toHaveLength(1);
  });

  test("a workspace that does not exist cannot hold definitions", async ({ database }) => {
    const store = await openStore(database);
    const ghost = store.workspace("ghost");
    expect(await ghost.definitions.saveDraft({ key: "x", definition: {} })).toEqual({
      ok: false,
      error: { code: "workspace.notFound", workspaceId: "ghost" },
    });
  });
});
