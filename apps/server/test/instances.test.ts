import { describe, expect } from "vitest";
import { leaveApproval } from "./support/definitions";
import { expectProblem, openServer, publishDefinition, test } from "./support/server";

const start = (variables: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  definitionKey: "leave-approval",
  variables,
  ...extra,
});

describe("instances API", () => {
  test("an app starts a leave request and sees where it waits, then reads its history", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());

    const started = await api.post(
      "/api/instances",
      start({ 申请人: "li.lei", 天数: 3 }, { businessKey: "HR-001" }),
    );
    expect(started.status).toBe(201);
    expect(started.headers.get("location")).toBe(`/api/instances/${started.body.id}`);
    expect(started.body).toMatchObject({
      definitionKey: "leave-approval",
      definitionVersion: 1,
      status: "running",
      businessKey: "HR-001",
      variables: { 申请人: "li.lei", 天数: 3 },
      activeNodes: [expect.objectContaining({ nodeId: "approve", waitingFor: "task" })],
    });

    const read = await api.get(`/api/instances/${started.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.activeNodes.map((n: { nodeId: string }) => n.nodeId)).toEqual(["approve"]);

    const history = await api.get(`/api/instances/${started.body.id}/history`);
    expect(history.status).toBe(200);
    const types = history.body.items.map((h: { type: string }) => h.type);
    expect(types[0]).toBe("instanceStarted");
    expect(history.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "nodeEntered", nodeId: "approve" })]),
    );
  });

  test("retrying a start with the same Idempotency-Key returns the same instance, created once", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    const headers = { "idempotency-key": "order-42-start" };

    const first = await api.post("/api/instances", start({ 申请人: "li.lei", 天数: 1 }), headers);
    const retry = await api.post("/api/instances", start({ 申请人: "li.lei", 天数: 1 }), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);

    const listed = await api.get("/api/instances?definitionKey=leave-approval");
    expect(listed.body.items).toHaveLength(1);
  });

  test("variables are checked against the declared types, and nothing starts on a mistake", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());

    const wrongType = await api.post("/api/instances", start({ 申请人: "li.lei", 天数: "three" }));
    const problem = expectProblem(wrongType, 400, "variables.invalid");
    expect(problem.field).toBe("variables.天数");
    expect(problem.problems).toEqual([
      expect.objectContaining({ code: "variable.type", field: "variables.天数" }),
    ]);
    expect(problem.detail).toMatch(/^天数 must be a number: /);

    const undeclared = await api.post(
      "/api/instances",
      start({ 申请人: "li.lei", 天数: 1, 工资: 9000 }),
    );
    expect(expectProblem(undeclared, 400, "variables.invalid").field).toBe("variables.工资");

    const missing = await api.post("/api/instances", start({ 天数: 1 }));
    expect(expectProblem(missing, 400, "variables.invalid").problems[0]).toMatchObject({
      code: "variable.required",
    });

    expect((await api.get("/api/instances?definitionKey=leave-approval")).body.items).toEqual([]);
  });

  test("bad requests are refused with problem+json naming the field, and nothing starts", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());

    expectProblem(
      await api.raw("POST", "/api/instances", "{definitionKey: leave-approval}"),
      400,
      "request.malformedJson",
    );
    const unknownKey = await api.post(
      "/api/instances",
      start({ 申请人: "li", 天数: 1 }, { priority: "high" }),
    );
    expect(expectProblem(unknownKey, 400, "request.invalidBody").field).toBe("priority");
    const wrongType = await api.post(
      "/api/instances",
      start({ 申请人: "li", 天数: 1 }, { version: "latest" }),
    );
    expect(expectProblem(wrongType, 400, "request.invalidBody").field).toBe("version");
    // Postgres cannot store U+0000 in text or jsonb: refused up front, naming the field.
    const nul = await api.post("/api/instances", start({ 申请人: "li\u0000", 天数: 1 }));
    expect(expectProblem(nul, 400, "request.invalidBody").field).toBe("variables.申请人");
    // Nor half of a surrogate pair (JSON allows the escape; jsonb does not).
    const lone = await api.post("/api/instances", start({ 申请人: "li\ud800", 天数: 1 }));
    expect(expectProblem(lone, 400, "request.invalidBody").problems).toEqual([
      expect.objectContaining({ code: "lone_surrogate", field: "variables.申请人" }),
    ]);
    const loneKey = await api.post("/api/instances", start({ "\udc00": "li", 天数: 1 }));
    expect(expectProblem(loneKey, 400, "request.invalidBody").field).toBe("variables.\udc00");
    // Nesting deeper than any real payload is refused before anything walks it.
    const deep = await api.raw(
      "POST",
      "/api/instances",
      `{"definitionKey":"leave-approval","variables":{"申请人":${'{"a":'.repeat(5000)}1${"}".repeat(5000)},"天数":1}}`,
    );
    expect(expectProblem(deep, 400, "request.invalidBody").problems).toEqual([
      expect.objectContaining({ code: "too_deep" }),
    ]);
    // A whole pair (an emoji written as escapes) is fine text: the instance starts.
    const pair = await api.raw(
      "POST",
      "/api/instances",
      '{"definitionKey":"leave-approval","variables":{"申请人":"li\\ud83d\\ude00","天数":1}}',
    );
    expect(pair.status).toBe(201);
    expect(pair.body.variables).toMatchObject({ 申请人: "li😀" });
    const noDefinition = await api.post("/api/instances", { variables: {} });
    expect(expectProblem(noDefinition, 400, "request.invalidBody").field).toBe("definitionKey");

    const unknownDefinition = await api.post("/api/instances", {
      definitionKey: "no-such-flow",
      variables: {},
    });
    expect(expectProblem(unknownDefinition, 404, "definition.notFound").field).toBe("key");
    const unknownVersion = await api.post(
      "/api/instances",
      start({ 申请人: "li", 天数: 1 }, { version: 9 }),
    );
    expectProblem(unknownVersion, 404, "definition.versionNotFound");

    // Only that one started: every refused request left nothing behind.
    expect(
      (await api.get("/api/instances")).body.items.map((item: { id: string }) => item.id),
    ).toEqual([pair.body.id]);
  });

  test("a draft that was never published cannot be started", async ({ database }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: leaveApproval() });
    const refused = await api.post("/api/instances", start({ 申请人: "li", 天数: 1 }));
    expectProblem(refused, 409, "definition.notPublished");
  });

  test("instances are filtered by definition, status and business key, and paginated", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    await publishDefinition(api, leaveApproval("leave-approval-v2"));
    const ids: string[] = [];
    for (const businessKey of ["HR-1", "HR-2", "HR-3"]) {
      ids.push(
        (await api.post("/api/instances", start({ 申请人: "li", 天数: 1 }, { businessKey }))).body
          .id,
      );
    }
    await api.post("/api/instances", {
      definitionKey: "leave-approval-v2",
      variables: { 申请人: "li", 天数: 1 },
    });
    await api.post(`/api/instances/${ids[0]}/cancel`, { reason: "changed plans" });

    const byKey = await api.get("/api/instances?businessKey=HR-2");
    expect(byKey.body.items.map((i: { id: string }) => i.id)).toEqual([ids[1]]);
    const cancelled = await api.get("/api/instances?status=cancelled");
    expect(cancelled.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);

    const page1 = await api.get("/api/instances?definitionKey=leave-approval&limit=2");
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await api.get(
      `/api/instances?definitionKey=leave-approval&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(page2.body.nextCursor).toBeNull();

    expect(
      expectProblem(await api.get("/api/instances?status=sleeping"), 400, "request.invalidQuery")
        .field,
    ).toBe("status");
    expect(
      expectProblem(await api.get("/api/instances?limit=0"), 400, "request.invalidQuery").field,
    ).toBe("limit");
    expect(
      expectProblem(await api.get("/api/instances?stauts=running"), 400, "request.invalidQuery")
        .field,
    ).toBe("stauts");
  });

  test("cancelling stops a running instance once; a second cancel is a 409", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    const { body: instance } = await api.post("/api/instances", start({ 申请人: "li", 天数: 1 }));

    const cancelled = await api.post(`/api/instances/${instance.id}/cancel`, {
      reason: "duplicate request",
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", activeNodes: [] });

    expectProblem(
      await api.post(`/api/instances/${instance.id}/cancel`),
      409,
      "instance.notRunning",
    );
    const unknownKey = await api.post(`/api/instances/${instance.id}/cancel`, {
      reason: "x",
      force: true,
    });
    expectProblem(unknownKey, 400, "request.invalidBody");
  });

  test("unknown instances answer 404 problem+json", async ({ database }) => {
    const { api } = await openServer(database);
    const id = crypto.randomUUID();
    expectProblem(await api.get(`/api/instances/${id}`), 404, "instance.notFound");
    expectProblem(await api.get(`/api/instances/${id}/history`), 404, "instance.notFound");
    expectProblem(await api.post(`/api/instances/${id}/cancel`), 404, "instance.notFound");
    expectProblem(await api.get("/api/instances/not-a-uuid"), 404, "instance.notFound");
  });

  test("the request's log line carries the request id and the instance id", async ({
    database,
  }) => {
    const { api, logs } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    const started = await api.post("/api/instances", start({ 申请人: "li", 天数: 1 }), {
      "x-request-id": "req-abc-123",
    });
    expect(started.headers.get("x-request-id")).toBe("req-abc-123");
    const line = logs.find((entry) => entry.msg === "request" && entry.requestId === "req-abc-123");
    expect(line).toMatchObject({
      method: "POST",
      path: "/api/instances",
      status: 201,
      instanceId: started.body.id,
    });
  });
});
