import { sql } from "kysely";
import { describe, expect, onTestFinished } from "vitest";
import { test } from "./db";
import { chain, task, waitFor } from "./support/definitions";
import {
  eventually,
  expectOk,
  freshWorkspace,
  historyOf,
  openStore,
  publish,
} from "./support/harness";

const variables = [
  { name: "userId", type: "string" as const },
  { name: "order", type: "object" as const },
  { name: "channel", type: "string" as const },
];

// Journey: wait for the customer's purchase (by user id), then a follow-up task.
const journey = chain(
  "purchase-journey",
  [waitFor("purchase", "purchased", "userId", { resultVariable: "order" }), task("follow-up")],
  {
    variables,
  },
);

describe("message correlation", () => {
  test("a message reaches the instance waiting for its name and correlation key", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, journey);
    const { instance: alice } = expectOk(
      await ws.instances.start({
        definitionKey: "purchase-journey",
        variables: { userId: "alice" },
      }),
    );
    const { instance: bob } = expectOk(
      await ws.instances.start({ definitionKey: "purchase-journey", variables: { userId: "bob" } }),
    );

    const outcome = expectOk(
      await ws.messages.publish({
        name: "purchased",
        correlationKey: "alice",
        payload: { sku: "tea", amount: 38 },
      }),
    );

    expect(outcome).toMatchObject({ duplicate: false, buffered: false, started: [] });
    expect(outcome.correlated.map((c) => c.instanceId)).toEqual([alice.id]);
    const after = expectOk(await ws.instances.get(alice.id));
    expect(after.variables.order).toEqual({ sku: "tea", amount: 38 });
    expect(after.tokens.map((token) => token.nodeId)).toEqual(["follow-up"]);
    expect(expectOk(await ws.instances.get(bob.id)).tokens.map((token) => token.nodeId)).toEqual([
      "purchase",
    ]);
  });

  test("every instance waiting on the same key gets the message", async ({ database }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, journey);
    const first = expectOk(
      await ws.instances.start({
        definitionKey: "purchase-journey",
        variables: { userId: "carol" },
      }),
    );
    const second = expectOk(
      await ws.instances.start({
        definitionKey: "purchase-journey",
        variables: { userId: "carol" },
      }),
    );

    const outcome = expectOk(
      await ws.messages.publish({ name: "purchased", correlationKey: "carol" }),
    );

    expect(outcome.correlated.map((c) => c.instanceId).sort()).toEqual(
      [first.instance.id, second.instance.id].sort(),
    );
  });

  test("a message that arrives before anyone waits is buffered and delivered when an instance subscribes", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, journey);

    const early = expectOk(
      await ws.messages.publish({
        name: "purchased",
        correlationKey: "dave",
        payload: { sku: "cake" },
      }),
    );
    expect(early).toMatchObject({ buffered: true, correlated: [] });
    expect(await ws.messages.buffered("purchased", "dave")).toBe(1);

    const { instance } = expectOk(
      await ws.instances.start({
        definitionKey: "purchase-journey",
        variables: { userId: "dave" },
      }),
    );

    expect(instance.tokens.map((token) => token.nodeId)).toEqual(["follow-up"]);
    expect(instance.variables.order).toEqual({ sku: "cake" });
    expect(await ws.messages.buffered("purchased", "dave")).toBe(0);
    // Consumed once: a second instance for the same customer waits for a new message.
    const { instance: later } = expectOk(
      await ws.instances.start({
        definitionKey: "purchase-journey",
        variables: { userId: "dave" },
      }),
    );
    expect(later.tokens.map((token) => token.nodeId)).toEqual(["purchase"]);
  });

  test("a message published while the instance is committing its wait is not lost", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres") return skip("needs concurrent connections");
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, journey);
    const waiters = async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type IN ('Lock', 'LWLock')`.execute(
        store.db,
      );
      return rows[0]?.n ?? 0;
    };
    // Hold the history table so the instance's start stops right before its commit, after it
    // looked for buffered messages and found none.
    let releaseHistory!: () => void;
    const historyHeld = new Promise<void>((resolve) => {
      releaseHistory = resolve;
    });
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const holder = store.db.transaction().execute(async (tx) => {
      await sql`LOCK TABLE history IN SHARE MODE`.execute(tx);
      holding();
      await historyHeld;
    });
    onTestFinished(() => releaseHistory());
    await held;
    const starting = ws.instances.start({
      definitionKey: "purchase-journey",
      variables: { userId: "zoe" },
    });
    await eventually(async () => ((await waiters()) >= 1 ? true : undefined));

    let published = false;
    const publishing = ws.messages
      .publish({ name: "purchased", correlationKey: "zoe", payload: { sku: "pen" } })
      .then((r) => {
        published = true;
        return r;
      });
    await eventually(async () => (published || (await waiters()) >= 2 ? true : undefined));
    releaseHistory();
    await holder;
    const [start, message] = [expectOk(await starting), expectOk(await publishing)];

    expect(message.buffered || message.correlated.length === 1).toBe(true);
    const instance = expectOk(await ws.instances.get(start.instance.id));
    expect(instance.tokens.map((token) => token.nodeId)).toEqual(["follow-up"]);
    expect(instance.variables.order).toEqual({ sku: "pen" });
    expect(await ws.messages.buffered("purchased", "zoe")).toBe(0);
  });

  test("a buffered message past its time to live is not delivered", async ({ database }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(ws, journey);
    expectOk(
      await ws.messages.publish({ name: "purchased", correlationKey: "erin", ttlMs: 60_000 }),
    );
    await sql`UPDATE buffered_messages SET expires_at = now() - interval '1 second' WHERE workspace_id = ${ws.id}`.execute(
      store.db,
    );
    expect(
      expectOk(await ws.messages.publish({ name: "purchased", correlationKey: "frank", ttlMs: 0 }))
        .buffered,
    ).toBe(false);

    const erin = expectOk(
      await ws.instances.start({
        definitionKey: "purchase-journey",
        variables: { userId: "erin" },
      }),
    );
    const frank = expectOk(
      await ws.instances.start({
        definitionKey: "purchase-journey",
        variables: { userId: "frank" },
      }),
    );

    expect(erin.instance.tokens.map((token) => token.nodeId)).toEqual(["purchase"]);
    expect(frank.instance.tokens.map((token) => token.nodeId)).toEqual(["purchase"]);
  });

  test("an event id seen before is acknowledged and not applied twice, even when sent concurrently", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(
      ws,
      chain(
        "loyalty",
        [waitFor("first", "visited", "userId"), waitFor("second", "visited", "userId")],
        { variables },
      ),
    );
    const { instance } = expectOk(
      await ws.instances.start({ definitionKey: "loyalty", variables: { userId: "gina" } }),
    );

    const [a, b] = await Promise.all([
      ws.messages.publish({ id: "evt-1", name: "visited", correlationKey: "gina" }),
      ws.messages.publish({ id: "evt-1", name: "visited", correlationKey: "gina" }),
    ]);
    const again = expectOk(
      await ws.messages.publish({ id: "evt-1", name: "visited", correlationKey: "gina" }),
    );

    expect([expectOk(a).duplicate, expectOk(b).duplicate].sort()).toEqual([false, true]);
    expect(again).toMatchObject({ duplicate: true, correlated: [{ instanceId: instance.id }] });
    const received = (await historyOf(ws, instance.id)).filter(
      (entry) => entry.type === "messageReceived",
    );
    expect(received).toHaveLength(1);
    expect(
      expectOk(await ws.instances.get(instance.id)).tokens.map((token) => token.nodeId),
    ).toEqual(["second"]);

    expectOk(await ws.messages.publish({ id: "evt-2", name: "visited", correlationKey: "gina" }));
    expect(expectOk(await ws.instances.get(instance.id)).status).toBe("completed");
  });

  test("a message starts every published definition whose start listens for it", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    await publish(
      ws,
      chain("signup-funnel", [waitFor("activate", "activated", "userId")], {
        variables,
        start: { trigger: "message", messageName: "signedUp" },
      }),
    );

    const outcome = expectOk(
      await ws.messages.publish({
        name: "signedUp",
        correlationKey: "hugo",
        payload: { userId: "hugo", channel: "抖音", extra: 1 },
      }),
    );

    expect(outcome.started).toHaveLength(1);
    expect(outcome.buffered).toBe(false);
    const started = expectOk(await ws.instances.get(outcome.started[0]!.instanceId));
    expect(started).toMatchObject({
      definitionKey: "signup-funnel",
      businessKey: "hugo",
      variables: { userId: "hugo", channel: "抖音" },
    });
    expect(started.variables).not.toHaveProperty("extra");
    expect(
      expectOk(await ws.messages.publish({ name: "activated", correlationKey: "hugo" })).correlated,
    ).toHaveLength(1);
    expect(expectOk(await ws.instances.get(started.id)).status).toBe("completed");
  });

  test("a wait with a timeout leaves by its timeout path when the timer fires first", async ({
    database,
  }) => {
    const store = await openStore(database);
    const ws = await freshWorkspace(store);
    const definition = chain(
      "reminder",
      [waitFor("reply", "replied", "userId", { timeout: "PT1S" })],
      { variables },
    );
    definition.nodes.push({
      id: "remind",
      type: "test.task",
      typeVersion: 1,
      config: { title: "Call the customer" },
    });
    definition.edges?.push({
      id: "timeout",
      source: "reply",
      sourcePort: "timeout",
      target: "remind",
    });
    await publish(ws, definition);
    const { instance } = expectOk(
      await ws.instances.start({ definitionKey: "reminder", variables: { userId: "ivy" } }),
    );
    expect(await ws.instances.pendingWork(instance.id)).toMatchObject({
      subscriptions: 1,
      timers: 1,
    });

    await sql`UPDATE timers SET due_at = now() - interval '1 second' WHERE workspace_id = ${ws.id}`.execute(
      store.db,
    );
    expect(await store.queue.fireDueTimers({ workspaceIds: [ws.id] })).toEqual({
      taken: 1,
      fired: 1,
    });

    expect(
      expectOk(await ws.instances.get(instance.id)).tokens.map((token) => token.nodeId),
    ).toEqual(["remind"]);
    expect(await ws.instances.pendingWork(instance.id)).toMatchObject({
      subscriptions: 0,
      timers: 0,
      openTasks: 1,
    });
    expect(
      expectOk(await ws.messages.publish({ name: "replied", correlationKey: "ivy", ttlMs: 0 }))
        .correlated,
    ).toEqual([]);
  });
});
