import { validate } from "@scalar/openapi-parser";
import { describe, expect } from "vitest";
import { createApp } from "../src/app";
import { apiClient, expectProblem, openServer, test } from "./support/server";

/** Every route apps and the editor rely on; the OpenAPI document must describe each. */
const ROUTES = [
  "get /api/health",
  "get /api/node-types",
  "get /api/definitions",
  "post /api/definitions",
  "get /api/definitions/{key}",
  "put /api/definitions/{key}",
  "delete /api/definitions/{key}",
  "post /api/definitions/{key}/validate",
  "post /api/definitions/{key}/publish",
  "get /api/definitions/{key}/versions",
  "get /api/definitions/{key}/versions/{version}",
  "post /api/instances",
  "get /api/instances",
  "get /api/instances/{id}",
  "get /api/instances/{id}/history",
  "post /api/instances/{id}/cancel",
  "post /api/events",
  "get /api/tasks",
  "get /api/tasks/{id}",
  "post /api/tasks/{id}/complete",
  "get /api/incidents",
  "post /api/incidents/{id}/retry",
];

describe("health, node types and API docs", () => {
  test("health says the server is up and which database it uses", async ({ database }) => {
    const { api } = await openServer(database);
    const health = await api.get("/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", role: "all", database: database.kind });
  });

  test("the palette gets every built-in node type with bilingual titles and a config schema", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    const { body } = await api.get("/api/node-types?latestOnly=true");
    const types = body.nodeTypes.map((m: { type: string }) => m.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "playbook.start",
        "playbook.userTask",
        "playbook.webhook",
        "playbook.imNotify",
      ]),
    );
    const userTask = body.nodeTypes.find((m: { type: string }) => m.type === "playbook.userTask");
    expect(userTask.title).toEqual({ "zh-CN": "人工任务", en: "User task" });
    expect(userTask.configSchema).toMatchObject({ type: "object" });
    expectProblem(await api.get("/api/node-types?latest=1"), 400, "request.invalidQuery");
  });

  test("the OpenAPI document is valid 3.1 and describes every route", async ({ database }) => {
    const { api } = await openServer(database);
    const { status, body: document } = await api.get("/api/openapi.json");
    expect(status).toBe(200);
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const described = Object.entries(
      document.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(described.sort()).toEqual([...ROUTES].sort());
    expect(document.paths["/api/tasks/{id}/complete"].post.responses["409"].content).toHaveProperty(
      "application/problem+json",
    );
  });

  test("the reference page loads its script from this server, not a CDN", async ({ database }) => {
    const { api, app } = await openServer(database);
    const page = await app.request("/api/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<script src="/api/docs/standalone.js">');
    expect(html).toContain("/api/openapi.json");
    expect(html).not.toMatch(/src="https?:/);

    const script = await app.request("/api/docs/standalone.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await api.get("/api/docs/standalone.js")).status).toBe(200);
  });
});

describe("errors at the edge", () => {
  test("an unknown route answers 404 problem+json", async ({ database }) => {
    const { api } = await openServer(database);
    const missing = expectProblem(await api.get("/api/nothing-here"), 404, "route.notFound");
    expect(missing).toMatchObject({
      type: "urn:playbook:problem:route.notFound",
      title: "Not found",
      status: 404,
    });
    expectProblem(await api.raw("PATCH", "/api/definitions", "{}"), 404, "route.notFound");
  });

  test("a body over the limit answers 413 and nothing is written", async ({ database }) => {
    const { api } = await openServer(database, { bodyLimitBytes: 10_000 });
    const huge = { definitionKey: "x", variables: { 备注: "长".repeat(20_000) } };
    expectProblem(await api.post("/api/instances", huge), 413, "request.tooLarge");
    expect((await api.get("/api/instances")).body.items).toEqual([]);
  });

  test("a bug answers 500 problem+json with the request id; the stack goes to the log only", async ({
    database,
  }) => {
    const { store, registry, validator, logger, logs } = await openServer(database);
    const broken = {
      ...store,
      workspace: () => {
        throw new Error("connection to 10.0.0.7 refused");
      },
    };
    const app = createApp({ store: broken, registry, validator, logger });
    const answer = await apiClient(app).get("/api/instances", { "x-request-id": "req-bug-1" });

    const problem = expectProblem(answer, 500, "server.unexpected");
    expect(problem.requestId).toBe("req-bug-1");
    expect(JSON.stringify(problem)).not.toMatch(/10\.0\.0\.7|at .*\.ts/);
    const logged = logs.find((line) => line.msg === "unhandled error");
    expect(logged).toMatchObject({ requestId: "req-bug-1" });
    expect(JSON.stringify(logged)).toMatch(/10\.0\.0\.7/);
  });
});
