import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { T0, TestDriver } from "./driver";

const approval = flow({
  variables: [
    { name: "发起人", type: "user" },
    { name: "审批结果", type: "string" },
  ],
  nodes: [
    node("start", "start"),
    node("approve", "userTask", {
      title: "市场活动审批",
      assignee: "发起人",
      candidateUsers: ["li.si"],
      candidateRoles: ["marketing-lead"],
      dueIn: "P2D",
      outcomes: ["approve", "reject"],
      outcomeVariable: "审批结果",
    }),
    node("done", "end"),
  ],
  edges: [edge("start", "approve"), edge("approve", "done")],
});

describe("user task", () => {
  it("creates a task for the evaluated assignee with candidates and a due date", () => {
    const driver = new TestDriver({ definition: approval });
    driver.start({ 发起人: "zhang.san" });
    const [task] = [...driver.tasks.values()];
    expect(task).toMatchObject({
      type: "createTask",
      nodeId: "approve",
      activationId: driver.activationAt("approve"),
      assignee: "zhang.san",
      candidates: ["li.si"],
      dueAt: T0 + 2 * 86_400_000,
      config: { title: "市场活动审批", candidateRoles: ["marketing-lead"] },
    });
    expect(driver.state?.tokens[0]?.wait).toEqual({ type: "task" });
  });

  it("an approver's outcome is written to the outcome variable with the submitted form values", () => {
    const driver = new TestDriver({ definition: approval });
    driver.start({ 发起人: "zhang.san" });
    const result = driver.completeTask("approve", {
      outcome: "approve",
      variables: { 意见: "同意，注意预算" },
      completedBy: "zhang.san",
    });
    expect(result.ok).toBe(true);
    expect(driver.status).toBe("completed");
    expect(driver.variables).toMatchObject({ 审批结果: "approve", 意见: "同意，注意预算" });
    expect(driver.history.find((h) => h.type === "taskCompleted")?.data).toEqual({
      outcome: "approve",
      completedBy: "zhang.san",
    });
  });

  it("an outcome the task does not offer is refused and the task stays open", () => {
    const driver = new TestDriver({ definition: approval });
    driver.start({ 发起人: "zhang.san" });
    const before = driver.state;
    expect(driver.completeTask("approve", { outcome: "maybe" })).toMatchObject({
      ok: false,
      error: { code: "event.notApplicable" },
    });
    expect(driver.completeTask("approve", {})).toMatchObject({ ok: false });
    expect(driver.state).toBe(before);
  });

  it("a second completion of the same task (a race between two approvers) is not applicable", () => {
    const driver = new TestDriver({ definition: approval });
    driver.start({ 发起人: "zhang.san" });
    const activationId = driver.activationAt("approve");
    expect(driver.send({ type: "taskCompleted", activationId, outcome: "approve" }).ok).toBe(true);
    expect(driver.send({ type: "taskCompleted", activationId, outcome: "reject" })).toMatchObject({
      ok: false,
    });
  });

  it("without outcomes listed any outcome, or none, completes the task", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("fill", "userTask", { outcomeVariable: "choice" }),
        node("done", "end"),
      ],
      edges: [edge("start", "fill"), edge("fill", "done")],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    driver.completeTask("fill", { outcome: "whatever" });
    expect(driver.variables).toEqual({ choice: "whatever" });
  });

  it("an assignee expression that yields no user id stops on an incident", () => {
    const driver = new TestDriver({ definition: approval });
    driver.start({});
    expect(driver.tasks.size).toBe(0);
    expect([...driver.incidents.values()]).toMatchObject([
      { nodeId: "approve", message: expect.stringContaining("assignee") },
    ]);

    driver.patchVariables({ 发起人: "wang.wu" });
    driver.retryIncident("approve");
    expect([...driver.tasks.values()]).toMatchObject([{ assignee: "wang.wu" }]);
  });

  it("completing a task leaves by conditional edges on the outcome", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("approve", "userTask", { outcomes: ["approve", "reject"], outcomeVariable: "result" }),
        node("publish", "userTask"),
        node("rejected", "end"),
      ],
      edges: [
        edge("start", "approve"),
        edge("approve", "publish", { condition: 'result = "approve"' }),
        edge("approve", "rejected", { isDefault: true }),
      ],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    driver.completeTask("approve", { outcome: "reject" });
    expect(driver.status).toBe("completed");
    expect(driver.path).toEqual(["start", "approve", "rejected"]);
  });
});
