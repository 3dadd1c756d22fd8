import { defineNode, implementNode, NodeError } from "@playbook/node-sdk";
import type { ProcessDefinitionInput } from "@playbook/schema";
import { describe, expect } from "vitest";
import { z } from "zod";
import {
  type ApiClient,
  expectProblem,
  openServer,
  publishDefinition,
  test,
} from "./support/server";

// A CRM sync that is down until someone fixes it: the first call fails for good, later calls work.
function crmSync() {
  const calls = { count: 0 };
  const definition = defineNode({
    type: "acme.crmSync",
    version: 1,
    title: { "zh-CN": "同步 CRM", en: "Sync CRM" },
    category: "integration",
    icon: "refresh-cw",
    behaviour: "service",
    config: z.strictObject({}),
  });
  const executor = implementNode(definition, async () => {
    calls.count++;
    if (calls.count === 1) throw new NodeError("crm.down", "CRM answered 503");
    return { synced: true };
  });
  return { executor, calls };
}

const syncFlow: ProcessDefinitionInput = {
  key: "crm-sync",
  name: { "zh-CN": "同步客户", en: "Sync customer" },
  schemaVersion: 1,
  variables: [{ name: "synced", type: "boolean" }],
  nodes: [
    { id: "start", type: "playbook.start", typeVersion: 1 },
    { id: "sync", type: "acme.crmSync", typeVersion: 1 },
    { id: "end", type: "playbook.end", typeVersion: 1 },
  ],
  edges: [
    { id: "e1", source: "start", target: "sync" },
    { id: "e2", source: "sync", target: "end" },
  ],
};

async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function openIncident(api: ApiClient, instanceId: string) {
  return until(async () => {
    const open = await api.get(`/api/incidents?instanceId=${instanceId}&status=open`);
    return open.body.items[0];
  });
}

describe("incidents API", () => {
  test("a failing integration raises an incident; retrying after the fix finishes the instance", async ({
    database,
  }) => {
    const sync = crmSync();
    const { api } = await openServer(database, {
      registry: (r) => r.register(sync.executor),
      workers: {},
    });
    await publishDefinition(api, syncFlow);
    const { body: instance } = await api.post("/api/instances", {
      definitionKey: "crm-sync",
      variables: {},
    });

    const incident = await openIncident(api, instance.id);
    expect(incident).toMatchObject({ instanceId: instance.id, nodeId: "sync", status: "open" });
    expect(incident.message).toMatch(/CRM answered 503/);
    expect(
      (await api.get("/api/incidents?status=open")).body.items.map((i: { id: string }) => i.id),
    ).toEqual([incident.id]);

    const retried = await api.post(`/api/incidents/${incident.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: incident.id, status: "resolved" });

    const finished = await until(async () => {
      const read = await api.get(`/api/instances/${instance.id}`);
      return read.body.status === "completed" ? read.body : undefined;
    });
    expect(finished.variables).toEqual({ synced: true });
    expect(sync.calls.count).toBe(2);

    expectProblem(await api.post(`/api/incidents/${incident.id}/retry`), 409, "incident.resolved");
  });

  test("unknown incidents answer 404; bad filters 400", async ({ database }) => {
    const { api } = await openServer(database);
    expectProblem(
      await api.post(`/api/incidents/${crypto.randomUUID()}/retry`),
      404,
      "incident.notFound",
    );
    expectProblem(await api.post("/api/incidents/not-a-uuid/retry"), 404, "incident.notFound");
    expect(
      expectProblem(await api.get("/api/incidents?status=closed"), 400, "request.invalidQuery")
        .field,
    ).toBe("status");
    expect((await api.get("/api/incidents")).body).toEqual({ items: [], nextCursor: null });
  });
});
