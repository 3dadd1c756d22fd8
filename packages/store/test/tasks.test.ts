import { describe, expect } from "vitest";
import { test } from "./db";
import { chain, task } from "./support/definitions";
import { expectOk, freshWorkspace, historyOf, openStore, publish } from "./support/harness";

const approval = chain(
  "discount-approval",
  [
    task("approve", {
      title: "Approve discount",
      candidateUsers: ["li.lei", "han.meimei"],
      outcomes: ["approve", "reject"],
      outcomeVariable: "decision",
    }),
    task("archive", { title: "Archive" }),
  ],
  {
    variables: [
      { name: "decision", type: "string" },
      { name: "comment", type: "string" },
      { name: "amount", type: "number" },
    ],
  },
);

describe("tasks", () => {
  test("fifty approvers clicking at once: exactly one wins, the instance moves on once", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, approval);
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "discount-approval" }));
    const [open] = expectOk(await ws.tasks.list({ instanceId: instance.id, status: "open" })).items;
    expect(open).toMatchObject({
      nodeId: "approve",
      title: "Approve discount",
      candidateUsers: ["li.lei", "han.meimei"],
    });

    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ws.tasks.complete(open!.id, {
          outcome: i % 2 ? "approve" : "reject",
          completedBy: `user-${i}`,
        }),
      ),
    );

    const winners = attempts.filter((attempt) => attempt.ok);
    const losers = attempts.filter((attempt) => !attempt.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers)
      expect(loser).toEqual({
        ok: false,
        error: { code: "task.alreadyCompleted", taskId: open!.id },
      });
    const history = await historyOf(ws, instance.id);
    expect(history.filter((entry) => entry.type === "taskCompleted")).toHaveLength(1);
    const moved = expectOk(await ws.instances.get(instance.id));
    expect(moved.tokens.map((token) => token.nodeId)).toEqual(["archive"]);
    const winner = winners[0]!.ok ? winners[0]!.value : undefined;
    expect(moved.variables.decision).toBe(winner?.outcome);
  });

  test("completing with an outcome the task does not offer is refused and the task stays open", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, approval);
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "discount-approval" }));
    const [open] = expectOk(await ws.tasks.list({ instanceId: instance.id })).items;

    expect(await ws.tasks.complete(open!.id, { outcome: "maybe" })).toMatchObject({
      ok: false,
      error: { code: "task.invalidOutcome", allowed: ["approve", "reject"] },
    });
    expect(
      await ws.tasks.complete(open!.id, { outcome: "approve", variables: { amount: "lots" } }),
    ).toMatchObject({
      ok: false,
      error: { code: "variables.invalid", issues: [{ variable: "amount", problem: "type" }] },
    });
    expect(expectOk(await ws.tasks.get(open!.id)).status).toBe("open");
  });

  test("an approver's inbox lists open tasks by assignee or candidate, newest first, page by page", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, approval);
    for (let i = 0; i < 3; i++)
      expectOk(await ws.instances.start({ definitionKey: "discount-approval" }));

    const first = expectOk(
      await ws.tasks.list({ candidateUser: "han.meimei", status: "open", limit: 2 }),
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = expectOk(
      await ws.tasks.list({
        candidateUser: "han.meimei",
        status: "open",
        limit: 2,
        cursor: first.nextCursor!,
      }),
    );
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(expectOk(await ws.tasks.list({ candidateUser: "nobody" })).items).toEqual([]);
    expect(await ws.tasks.list({ cursor: "not-a-cursor" })).toMatchObject({
      ok: false,
      error: { code: "cursor.invalid" },
    });
  });

  test("a cancelled instance's task cannot be completed", async ({ database }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, approval);
    const { instance } = expectOk(await ws.instances.start({ definitionKey: "discount-approval" }));
    const [open] = expectOk(await ws.tasks.list({ instanceId: instance.id })).items;

    expect(
      expectOk(await ws.instances.cancel(instance.id, { reason: "customer withdrew" })).status,
    ).toBe("cancelled");

    expect(await ws.tasks.complete(open!.id, { outcome: "approve" })).toEqual({
      ok: false,
      error: { code: "task.cancelled", taskId: open!.id },
    });
    expect(await ws.instances.cancel(instance.id)).toMatchObject({
      ok: false,
      error: { code: "instance.notRunning", status: "cancelled" },
    });
    expect(await ws.instances.pendingWork(instance.id)).toEqual({
      jobs: 0,
      timers: 0,
      subscriptions: 0,
      openTasks: 0,
    });
  });
});
