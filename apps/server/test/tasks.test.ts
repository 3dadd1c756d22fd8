import { describe, expect } from "vitest";
import { leaveApproval } from "./support/definitions";
import {
  type ApiClient,
  expectProblem,
  openServer,
  publishDefinition,
  test,
} from "./support/server";

async function startLeaveRequest(
  api: ApiClient,
  days = 2,
): Promise<{ instanceId: string; taskId: string }> {
  const started = await api.post("/api/instances", {
    definitionKey: "leave-approval",
    variables: { 申请人: "li.lei", 天数: days },
  });
  const tasks = await api.get(`/api/tasks?instanceId=${started.body.id}&status=open`);
  return { instanceId: started.body.id, taskId: tasks.body.items[0].id };
}

describe("tasks API", () => {
  test("the approver finds the task in their inbox, approves it, and the instance moves on", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    const { instanceId, taskId } = await startLeaveRequest(api);

    const inbox = await api.get("/api/tasks?assignee=wang.fang&status=open");
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        id: taskId,
        instanceId,
        nodeId: "approve",
        status: "open",
        assignee: "wang.fang",
      }),
    ]);
    expect((await api.get("/api/tasks?assignee=someone.else")).body.items).toEqual([]);
    expect((await api.get(`/api/tasks/${taskId}`)).body.config.outcomes).toEqual(["同意", "拒绝"]);

    const done = await api.post(`/api/tasks/${taskId}/complete`, {
      outcome: "同意",
      variables: { 备注: "早点回来" },
      completedBy: "wang.fang",
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: "completed",
      outcome: "同意",
      completedBy: "wang.fang",
    });

    const instance = await api.get(`/api/instances/${instanceId}`);
    expect(instance.body.activeNodes.map((n: { nodeId: string }) => n.nodeId)).toEqual(["archive"]);
    expect(instance.body.variables).toMatchObject({ 审批结果: "同意", 备注: "早点回来" });
    expect((await api.get("/api/tasks?candidateRole=hr&status=open")).body.items).toHaveLength(1);
  });

  test("completing a task that is already completed answers 409", async ({ database }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    const { taskId } = await startLeaveRequest(api);
    await api.post(`/api/tasks/${taskId}/complete`, { outcome: "同意" });
    expectProblem(
      await api.post(`/api/tasks/${taskId}/complete`, { outcome: "拒绝" }),
      409,
      "task.alreadyCompleted",
    );
    expect((await api.get(`/api/tasks/${taskId}`)).body.outcome).toBe("同意");
  });

  test("fifty approvers clicking at once over HTTP: one 200, forty-nine 409, the instance moves on once", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    const { instanceId, taskId } = await startLeaveRequest(api);

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.post(`/api/tasks/${taskId}/complete`, {
          outcome: i % 2 ? "同意" : "拒绝",
          completedBy: `approver-${i}`,
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const loser of answers.filter((a) => a.status === 409))
      expect(loser.body.code).toBe("task.alreadyCompleted");

    const winner = answers.find((a) => a.status === 200)!;
    const instance = await api.get(`/api/instances/${instanceId}`);
    expect(instance.body.variables.审批结果).toBe(winner.body.outcome);
    expect(instance.body.activeNodes.map((n: { nodeId: string }) => n.nodeId)).toEqual(["archive"]);
    const history = await api.get(`/api/instances/${instanceId}/history?limit=500`);
    const leftApproval = history.body.items.filter(
      (h: { type: string; nodeId: string }) => h.type === "nodeLeft" && h.nodeId === "approve",
    );
    expect(leftApproval).toHaveLength(1);
  });

  test("a wrong outcome or a wrongly typed form value is refused and the task stays open", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, leaveApproval());
    const { taskId } = await startLeaveRequest(api);

    const badOutcome = await api.post(`/api/tasks/${taskId}/complete`, { outcome: "maybe" });
    expect(expectProblem(badOutcome, 400, "task.invalidOutcome").field).toBe("outcome");
    const badVariable = await api.post(`/api/tasks/${taskId}/complete`, {
      outcome: "同意",
      variables: { 天数: "many" },
    });
    expect(expectProblem(badVariable, 400, "variables.invalid").field).toBe("variables.天数");
    const unknownKey = await api.post(`/api/tasks/${taskId}/complete`, {
      outcome: "同意",
      comment: "ok",
    });
    expect(expectProblem(unknownKey, 400, "request.invalidBody").field).toBe("comment");
    expectProblem(
      await api.raw("POST", `/api/tasks/${taskId}/complete`, "{outcome:"),
      400,
      "request.malformedJson",
    );

    expect((await api.get(`/api/tasks/${taskId}`)).body.status).toBe("open");
  });

  test("unknown tasks answer 404; bad filters 400", async ({ database }) => {
    const { api } = await openServer(database);
    const id = crypto.randomUUID();
    expectProblem(await api.get(`/api/tasks/${id}`), 404, "task.notFound");
    expectProblem(await api.post(`/api/tasks/${id}/complete`, {}), 404, "task.notFound");
    expect(
      expectProblem(await api.get("/api/tasks?status=done"), 400, "request.invalidQuery").field,
    ).toBe("status");
    // Text the database cannot store, in a filter or a path: refused, naming where it was.
    expect(
      expectProblem(await api.get("/api/tasks?assignee=li%00lei"), 400, "request.invalidQuery")
        .field,
    ).toBe("assignee");
    // Bytes that are not UTF-8 decode to U+FFFD, which is storable: an ordinary empty answer.
    expect((await api.get("/api/tasks?assignee=%ED%A0%80")).status).toBe(200);
    expectProblem(await api.get("/api/definitions/a%00b"), 400, "request.invalidPath");
  });
});
