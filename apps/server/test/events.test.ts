import { describe, expect } from "vitest";
import { signupFunnel } from "./support/definitions";
import { expectProblem, openServer, publishDefinition, test } from "./support/server";

describe("events API", () => {
  test("a sign-up event starts the funnel and the payment event of the same user completes it", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, signupFunnel());

    const registered = await api.post("/api/events", {
      name: "user.registered",
      correlationKey: "u-1",
      payload: { userId: "u-1", utm: "douyin" },
      id: "evt-reg-1",
    });
    expect(registered.status).toBe(200);
    const [receipt] = registered.body.receipts;
    expect(receipt).toMatchObject({ id: "evt-reg-1", duplicate: false, buffered: false });
    expect(receipt.started).toEqual([
      expect.objectContaining({ definitionKey: "signup-funnel", version: 1 }),
    ]);
    const instanceId = receipt.started[0].instanceId;

    const paid = await api.post("/api/events", {
      name: "order.paid",
      correlationKey: "u-1",
      payload: { amount: 99 },
    });
    expect(paid.body.receipts[0].resumed).toEqual([expect.objectContaining({ instanceId })]);
    const instance = await api.get(`/api/instances/${instanceId}`);
    expect(instance.body).toMatchObject({
      status: "completed",
      variables: { userId: "u-1", order: { amount: 99 } },
    });
  });

  test("an event id sent twice is acknowledged the second time and applied once", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, signupFunnel());
    const event = {
      name: "user.registered",
      correlationKey: "u-2",
      payload: { userId: "u-2" },
      id: "evt-dup",
    };

    const first = await api.post("/api/events", event);
    const again = await api.post("/api/events", event);
    expect(again.status).toBe(200);
    expect(again.body.receipts[0]).toMatchObject({ id: "evt-dup", duplicate: true });
    expect(again.body.receipts[0].started).toEqual(first.body.receipts[0].started);
    expect((await api.get("/api/instances?definitionKey=signup-funnel")).body.items).toHaveLength(
      1,
    );
  });

  test("an array of events is applied in order, one receipt each", async ({ database }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, signupFunnel());
    const sent = await api.post("/api/events", [
      { name: "user.registered", correlationKey: "u-3", payload: { userId: "u-3" }, id: "a" },
      { name: "order.paid", correlationKey: "u-3", payload: { amount: 10 }, id: "b" },
      { name: "user.registered", correlationKey: "u-3", payload: { userId: "u-3" }, id: "a" },
    ]);
    expect(
      sent.body.receipts.map((r: { id: string; duplicate: boolean }) => [r.id, r.duplicate]),
    ).toEqual([
      ["a", false],
      ["b", false],
      ["a", true],
    ]);
    const [instance] = (await api.get("/api/instances?definitionKey=signup-funnel")).body.items;
    expect(instance.status).toBe("completed");
  });

  test("an event nobody waits for yet is buffered", async ({ database }) => {
    const { api } = await openServer(database);
    const sent = await api.post("/api/events", { name: "order.paid", correlationKey: "u-9" });
    expect(sent.body.receipts[0]).toMatchObject({ buffered: true, resumed: [], started: [] });
  });

  test("bad events are refused with the offending field, and none of the batch is applied", async ({
    database,
  }) => {
    const { api } = await openServer(database);
    await publishDefinition(api, signupFunnel());

    const missing = await api.post("/api/events", {
      name: "user.registered",
      payload: { userId: "u-4" },
    });
    expect(expectProblem(missing, 400, "request.invalidBody").problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "correlationKey" })]),
    );
    const inBatch = await api.post("/api/events", [
      { name: "user.registered", correlationKey: "u-4", payload: { userId: "u-4" } },
      { name: "", correlationKey: "u-4" },
    ]);
    expect(expectProblem(inBatch, 400, "request.invalidBody").problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "1.name" })]),
    );
    const unknownKey = await api.post("/api/events", {
      name: "user.registered",
      correlationKey: "u-4",
      when: "now",
    });
    expectProblem(unknownKey, 400, "request.invalidBody");
    expectProblem(await api.raw("POST", "/api/events", "[{"), 400, "request.malformedJson");
    const empty = expectProblem(await api.post("/api/events", []), 400, "request.invalidBody");
    expect(empty.problems[0].code).toBe("request.too_small");

    expect((await api.get("/api/instances?definitionKey=signup-funnel")).body.items).toEqual([]);
  });
});
