import { describe, expect } from "vitest";
import { brokenRouting, leaveApproval } from "./support/definitions";
import { expectProblem, openServer, test } from "./support/server";

describe("definitions API", () => {
  test("the editor creates a draft, reloads it with its revision and publishes version 1", async ({
    database,
  }) => {
    const { api } = await openServer(database);

    const created = await api.post("/api/definitions", { definition: leaveApproval() });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/definitions/leave-approval");
    expect(created.headers.get("etag")).toBe('"1"');
    expect(created.body).toMatchObject({
      key: "leave-approval",
      revision: 1,
      validation: { ok: true, problems: [] },
    });

    const loaded = await api.get("/api/definitions/leave-approval");
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get("etag")).toBe('"1"');
    expect(loaded.body.definition.name).toEqual({ "zh-CN": "请假审批", en: "Leave approval" });

    const listed = await api.get("/api/definitions");
    expect(listed.body.items).toEqual([
      expect.objectContaining({ key: "leave-approval", draftRevision: 1, latestVersion: null }),
    ]);

    const published = await api.post(
      "/api/definitions/leave-approval/publish",
      { note: "first" },
      { "if-match": '"1"' },
    );
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ key: "leave-approval", version: 1, note: "first" });
    expect(published.headers.get("location")).toBe("/api/definitions/leave-approval/versions/1");

    const versions = await api.get("/api/definitions/leave-approval/versions");
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const frozen = await api.get("/api/definitions/leave-approval/versions/1");
    expect(frozen.status).toBe(200);
    expect(frozen.body.definition.nodes.map((n: { id: string }) => n.id)).toContain("approve");
  });

  test("two editor tabs: the stale one gets 409 with the current revision and overwrites nothing", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: leaveApproval() });

    const tabA = await api.get("/api/definitions/leave-approval");
    const tabB = await api.get("/api/definitions/leave-approval");
    const etag = tabA.headers.get("etag")!;

    const renamedByA = {
      ...leaveApproval(),
      name: { "zh-CN": "请假审批（A）", en: "Leave approval (A)" },
    };
    const savedA = await api.put(
      "/api/definitions/leave-approval",
      { definition: renamedByA },
      { "if-match": etag },
    );
    expect(savedA.status).toBe(200);
    expect(savedA.headers.get("etag")).toBe('"2"');

    const renamedByB = {
      ...leaveApproval(),
      name: { "zh-CN": "请假审批（B）", en: "Leave approval (B)" },
    };
    const staleB = await api.put("/api/definitions/leave-approval", {
      definition: renamedByB,
      revision: tabB.body.revision,
    });
    const problem = expectProblem(staleB, 409, "definition.revisionConflict");
    expect(problem).toMatchObject({ currentRevision: 2, field: "revision" });

    const after = await api.get("/api/definitions/leave-approval");
    expect(after.body.definition.name.en).toBe("Leave approval (A)");
    expect(after.body.revision).toBe(2);
  });

  test("saving without saying which revision was loaded is refused (428); If-Match: * overwrites on purpose", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: leaveApproval() });

    const blind = await api.put("/api/definitions/leave-approval", { definition: leaveApproval() });
    expectProblem(blind, 428, "definition.revisionRequired");
    expect((await api.get("/api/definitions/leave-approval")).body.revision).toBe(1);

    const forced = await api.put(
      "/api/definitions/leave-approval",
      { definition: leaveApproval() },
      { "if-match": "*" },
    );
    expect(forced.status).toBe(200);
    expect(forced.body.revision).toBe(2);
  });

  test("a draft with graph problems is saved, and its problems come back for the canvas", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    const saved = await api.post("/api/definitions", { definition: brokenRouting() });
    expect(saved.status).toBe(201);
    expect(saved.body.validation.ok).toBe(false);
    expect(saved.body.validation.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "gateway.noDefault", nodeId: "route" }),
      ]),
    );

    const validated = await api.post("/api/definitions/broken-routing/validate");
    expect(validated.status).toBe(200);
    expect(validated.body.ok).toBe(false);

    const unsaved = await api.post("/api/definitions/broken-routing/validate", {
      definition: leaveApproval("broken-routing"),
    });
    expect(unsaved.body).toEqual({ ok: true, problems: [] });
  });

  test("publishing an invalid draft answers 422 with the problem list and creates no version", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: brokenRouting() });

    const refused = await api.post("/api/definitions/broken-routing/publish", {});
    const problem = expectProblem(refused, 422, "definition.invalid");
    expect(problem.nodeId).toBe("route");
    expect(problem.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "gateway.noDefault",
          nodeId: "route",
          message: expect.objectContaining({ "zh-CN": expect.any(String), en: expect.any(String) }),
        }),
      ]),
    );

    const versions = await api.get("/api/definitions/broken-routing/versions");
    expect(versions.body.items).toEqual([]);
  });

  test("node settings that break a node type's own rules are refused, in both languages", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    const definition = {
      key: "own-rules",
      name: { "zh-CN": "规则", en: "Rules" },
      schemaVersion: 1,
      nodes: [
        { id: "start", type: "playbook.start", typeVersion: 1 },
        {
          id: "fetch",
          type: "playbook.webhook",
          typeVersion: 1,
          label: { "zh-CN": "查询订单", en: "Fetch order" },
          config: { method: "GET", url: "https://example.com/orders", body: "{ id: 1 }" },
        },
        {
          id: "wait",
          type: "playbook.timer",
          typeVersion: 1,
          label: { "zh-CN": "等到发货日", en: "Until shipping day" },
          config: { mode: "date" },
        },
        { id: "end", type: "playbook.end", typeVersion: 1 },
      ],
      edges: [
        { id: "e1", source: "start", target: "fetch" },
        { id: "e2", source: "fetch", target: "wait" },
        { id: "e3", source: "wait", target: "end" },
      ],
    };
    await api.post("/api/definitions", { definition });

    const report = (await api.post("/api/definitions/own-rules/validate", {})).body;
    expect(report.ok).toBe(false);
    const byField = (field: string) =>
      report.problems.find((problem: { field?: string }) => problem.field === field);
    expect(byField("config.body")).toMatchObject({ code: "node.config", nodeId: "fetch" });
    expect(byField("config.body").message["zh-CN"]).toContain("GET 请求不能带请求体");
    expect(byField("config.date")).toMatchObject({ code: "node.config", nodeId: "wait" });
    expect(byField("config.date").message.en).toContain("is required when waiting until a date");

    expectProblem(
      await api.post("/api/definitions/own-rules/publish", {}),
      422,
      "definition.invalid",
    );
    expect((await api.get("/api/definitions/own-rules/versions")).body.items).toEqual([]);
  });

  test("a publish pinned to an old revision is refused with 409", async ({ database }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: leaveApproval() });
    await api.put("/api/definitions/leave-approval", { definition: leaveApproval(), revision: 1 });

    const stale = await api.post("/api/definitions/leave-approval/publish", { revision: 1 });
    expect(expectProblem(stale, 409, "definition.revisionConflict").currentRevision).toBe(2);
    expect((await api.get("/api/definitions/leave-approval/versions")).body.items).toEqual([]);
  });

  test("bad input is refused with problem+json naming the field, and nothing is written", async ({
    database,
  }) => {
    const { api } = await openServer(database);

    const malformed = await api.raw(
      "POST",
      "/api/definitions",
      '{"definition": {"key": "leave-approval",',
    );
    expect(expectProblem(malformed, 400, "request.malformedJson").detail).toMatch(/not valid JSON/);

    const unknownKey = await api.post("/api/definitions", {
      definition: leaveApproval(),
      extra: true,
    });
    expect(expectProblem(unknownKey, 400, "request.invalidBody")).toMatchObject({
      field: "extra",
      problems: [expect.objectContaining({ code: "request.unknownKey", field: "extra" })],
    });

    const unknownNodeKey = await api.post("/api/definitions", {
      definition: { ...leaveApproval(), nodes: [{ ...leaveApproval().nodes[0], colour: "red" }] },
    });
    expect(expectProblem(unknownNodeKey, 400, "request.invalidBody").field).toBe(
      "definition.nodes.0.colour",
    );

    const wrongType = await api.post("/api/definitions", {
      definition: { ...leaveApproval(), name: 5 },
    });
    expect(expectProblem(wrongType, 400, "request.invalidBody").field).toBe("definition.name");

    const badKey = await api.get("/api/definitions/Not%20A%20Key");
    expect(expectProblem(badKey, 400, "request.invalidPath").field).toBe("key");

    const notJson = await api.raw("POST", "/api/definitions", "key=leave-approval", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expectProblem(notJson, 415, "request.unsupportedMediaType");

    expectProblem(await api.get("/api/definitions/leave-approval"), 404, "draft.notFound");
    expect((await api.get("/api/definitions")).body.items).toEqual([]);
  });

  test("unknown definitions and versions answer 404 with a code", async ({ database }) => {
    const { api } = await openServer(database);
    expectProblem(await api.get("/api/definitions/nope/versions"), 404, "definition.notFound");
    expectProblem(await api.post("/api/definitions/nope/publish", {}), 404, "draft.notFound");
    expectProblem(await api.post("/api/definitions/nope/validate", {}), 404, "draft.notFound");

    await api.post("/api/definitions", { definition: leaveApproval() });
    await api.post("/api/definitions/leave-approval/publish", {});
    const missing = await api.get("/api/definitions/leave-approval/versions/7");
    expect(expectProblem(missing, 404, "definition.versionNotFound").field).toBe("version");
  });

  test("creating a key that exists is a 409, and the existing draft is untouched", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: leaveApproval() });
    const again = await api.post("/api/definitions", {
      definition: { ...leaveApproval(), name: { "zh-CN": "别的", en: "Other" } },
    });
    expect(expectProblem(again, 409, "definition.exists").field).toBe("definition.key");
    expect((await api.get("/api/definitions/leave-approval")).body.definition.name.en).toBe(
      "Leave approval",
    );
  });

  test("a PUT whose document key differs from the path is refused", async ({ database }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: leaveApproval() });
    const moved = await api.put("/api/definitions/leave-approval", {
      definition: leaveApproval("other-key"),
      revision: 1,
    });
    expect(expectProblem(moved, 400, "definition.keyMismatch").field).toBe("definition.key");
  });

  test("deleting a draft hides it but keeps its published versions", async ({ database }) => {
    const { api } = await openServer(database);
    await api.post("/api/definitions", { definition: leaveApproval() });
    await api.post("/api/definitions/leave-approval/publish", {});

    expectProblem(
      await api.delete("/api/definitions/leave-approval", { "if-match": '"9"' }),
      409,
      "definition.revisionConflict",
    );
    const deleted = await api.delete("/api/definitions/leave-approval", { "if-match": '"1"' });
    expect(deleted.status).toBe(204);

    expectProblem(await api.get("/api/definitions/leave-approval"), 404, "draft.notFound");
    expect((await api.get("/api/definitions/leave-approval/versions/1")).status).toBe(200);
  });
});
