import type { StoreError, StoreErrorCode } from "@playbook/store";
import { storeErrorKinds } from "@playbook/store";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { fromStoreError, fromThrown, fromZodError } from "./problem";

// One example of every store error: adding a code to the store without a mapping fails here.
const examples: { [C in StoreErrorCode]: Extract<StoreError, { code: C }> } = {
  "workspace.notFound": { code: "workspace.notFound", workspaceId: "w" },
  "definition.notFound": { code: "definition.notFound", key: "k" },
  "definition.versionNotFound": { code: "definition.versionNotFound", key: "k", version: 2 },
  "definition.notPublished": { code: "definition.notPublished", key: "k" },
  "definition.keyMismatch": { code: "definition.keyMismatch", key: "k", documentKey: "j" },
  "definition.revisionConflict": {
    code: "definition.revisionConflict",
    key: "k",
    expectedRevision: 1,
    actualRevision: 3,
  },
  "definition.invalid": {
    code: "definition.invalid",
    key: "k",
    issues: [{ code: "node.unknownType", message: "m", nodeId: "n1" }],
  },
  "draft.notFound": { code: "draft.notFound", key: "k" },
  "instance.notFound": { code: "instance.notFound", instanceId: "i" },
  "instance.notRunning": { code: "instance.notRunning", instanceId: "i", status: "completed" },
  "instance.idempotencyConflict": {
    code: "instance.idempotencyConflict",
    idempotencyKey: "x",
    instanceId: "i",
  },
  "variables.invalid": {
    code: "variables.invalid",
    issues: [{ variable: "金额", problem: "type", message: "m" }],
  },
  "task.notFound": { code: "task.notFound", taskId: "t" },
  "task.alreadyCompleted": { code: "task.alreadyCompleted", taskId: "t" },
  "task.cancelled": { code: "task.cancelled", taskId: "t" },
  "task.invalidOutcome": { code: "task.invalidOutcome", taskId: "t", outcome: "x", allowed: ["a"] },
  "incident.notFound": { code: "incident.notFound", incidentId: "i" },
  "incident.resolved": { code: "incident.resolved", incidentId: "i" },
  "message.invalid": { code: "message.invalid", message: "m" },
  "cursor.invalid": { code: "cursor.invalid", cursor: "c" },
  "event.rejected": { code: "event.rejected", reason: "event.notApplicable", message: "m" },
};

describe("problem mapping", () => {
  test("every store error keeps its code and gets the status of its kind", () => {
    const expected = { notFound: 404, conflict: 409, invalid: 400 };
    for (const error of Object.values(examples)) {
      const problem = fromStoreError(error);
      expect(problem.code).toBe(error.code);
      const status =
        error.code === "definition.invalid" ? 422 : expected[storeErrorKinds[error.code]];
      expect({ code: error.code, status: problem.status }).toEqual({ code: error.code, status });
      expect(problem.title.length).toBeGreaterThan(0);
    }
  });

  test("a stale revision tells the client the current one; bad variables name the field", () => {
    expect(fromStoreError(examples["definition.revisionConflict"])).toMatchObject({
      currentRevision: 3,
      field: "revision",
    });
    expect(fromStoreError(examples["variables.invalid"])).toMatchObject({
      field: "variables.金额",
    });
    expect(fromStoreError(examples["definition.invalid"])).toMatchObject({
      status: 422,
      nodeId: "n1",
    });
  });

  test("zod issues list every offending field, unknown keys one by one", () => {
    const schema = z.strictObject({ name: z.string(), amount: z.number() });
    const parsed = schema.safeParse({ name: 1, amount: 2, colour: "red", size: "xl" });
    if (parsed.success) throw new Error("expected a failure");
    const problem = fromZodError(parsed.error, "body");
    expect(problem).toMatchObject({ status: 400, code: "request.invalidBody", field: "name" });
    expect(problem.problems?.map((p) => ("field" in p ? p.field : undefined))).toEqual([
      "name",
      "colour",
      "size",
    ]);
  });

  test("an unexpected throw becomes an opaque 500 that says nothing of its cause", () => {
    const { init, unexpected } = fromThrown(new Error("password=hunter2"));
    expect(unexpected).toBe(true);
    expect(init).toMatchObject({ status: 500, code: "server.unexpected" });
    expect(JSON.stringify(init)).not.toContain("hunter2");
  });
});
