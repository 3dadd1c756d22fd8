import type { ProcessDefinition } from "@playbook/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineEvent, Token } from "../src";
import { nodeTypes, quickRetry } from "./definitions";
import { TestDriver } from "./driver";
import { checkInvariants } from "./invariants";
import { blockArbitrary, definitionOf, syncBlockArbitrary } from "./random-definitions";

/** One scheduled move: which resting token to resume, and how (fail, time out, stale...). */
const moveArbitrary = fc.record({ token: fc.nat(), how: fc.nat({ max: 99 }) });

function newDriver(definition: ProcessDefinition): TestDriver {
  return new TestDriver({
    definition,
    nodeTypes: nodeTypes({ "playbook.webhook": { behaviour: "service", retry: quickRetry } }),
  });
}

/** The event a user or the outside world could send for this token; `how` picks a variant. */
function eventFor(driver: TestDriver, token: Token, how: number): EngineEvent | undefined {
  const { activationId, wait } = token;
  switch (wait.type) {
    case "job":
      if (how < 50)
        return { type: "jobCompleted", activationId, output: { [`out_${token.nodeId}`]: how } };
      return { type: "jobFailed", activationId, error: { message: "boom" }, retryable: how < 85 };
    case "task": {
      const task = driver.tasks.get(activationId);
      const outcomes = (task?.config.outcomes as string[] | undefined) ?? [];
      const outcome = outcomes[how % Math.max(1, outcomes.length)];
      return {
        type: "taskCompleted",
        activationId,
        ...(outcome ? { outcome } : {}),
        variables: { r: how % 10 },
      };
    }
    case "timer":
      driver.now = Math.max(driver.now, wait.dueAt);
      return { type: "timerFired", activationId };
    case "message":
      if (wait.timeoutDueAt !== undefined && how >= 60) {
        driver.now = Math.max(driver.now, wait.timeoutDueAt);
        return { type: "timerFired", activationId };
      }
      return { type: "messageReceived", activationId, name: wait.name, payload: { how } };
    case "incident":
      return { type: "incidentRetried", activationId };
    case "join":
      return undefined;
  }
}

/** Sends the event and checks the engine neither threw nor left anything inconsistent. */
function step(driver: TestDriver, definition: ProcessDefinition, event: EngineEvent): boolean {
  const result = driver.send(event);
  checkInvariants(driver, definition);
  return result.ok;
}

function staleEvent(driver: TestDriver, how: number): EngineEvent {
  const past = driver.history
    .filter((h) => h.activationId !== undefined)
    .map((h) => h.activationId ?? "");
  const live = new Set(driver.state?.tokens.map((t) => t.activationId));
  const stale = past.filter((id) => !live.has(id));
  const activationId = stale[how % Math.max(1, stale.length)] ?? "never-existed";
  const kinds: EngineEvent[] = [
    { type: "jobCompleted", activationId },
    { type: "taskCompleted", activationId },
    { type: "timerFired", activationId },
    { type: "messageReceived", activationId, name: "signal" },
    { type: "incidentRetried", activationId },
  ];
  return kinds[how % kinds.length] ?? { type: "timerFired", activationId };
}

describe("random valid definitions", () => {
  it("never lose or duplicate tokens, always come to rest on resumable waits, and refuse stale events untouched", () => {
    fc.assert(
      fc.property(
        blockArbitrary,
        fc.integer({ min: 0, max: 9 }),
        fc.array(moveArbitrary, { maxLength: 40 }),
        (block, r, moves) => {
          const definition = definitionOf(block);
          const driver = newDriver(definition);
          expect(driver.start({ r }).ok).toBe(true);
          checkInvariants(driver, definition);

          for (const move of moves) {
            if (driver.status !== "running") break;
            if (move.how >= 95) {
              const before = driver.state;
              expect(step(driver, definition, staleEvent(driver, move.token))).toBe(false);
              expect(driver.state).toBe(before);
              continue;
            }
            if (move.how === 0 && move.token % 7 === 0) {
              expect(step(driver, definition, { type: "cancel" })).toBe(true);
              break;
            }
            const tokens = driver.state?.tokens ?? [];
            const token = tokens[move.token % tokens.length];
            const event = token && eventFor(driver, token, move.how);
            if (event) expect(step(driver, definition, event)).toBe(true);
          }
          expect(driver.status).not.toBe("failed");
        },
      ),
      { numRuns: 150 },
    );
  });

  it("always reach an end when every wait is eventually resolved", () => {
    fc.assert(
      fc.property(blockArbitrary, fc.integer({ min: 0, max: 9 }), (block, r) => {
        const definition = definitionOf(block);
        const driver = newDriver(definition);
        driver.start({ r });
        let budget = 2_000;
        while (driver.status === "running" && budget-- > 0) {
          const token = driver.state?.tokens.find((t) => t.wait.type !== "join");
          if (!token) throw new Error("running with only join waits: deadlock");
          const event = eventFor(driver, token, 10); // complete, approve, fire, deliver, retry
          if (!event) throw new Error(`nothing can resume ${token.nodeId}`);
          expect(step(driver, definition, event)).toBe(true);
        }
        expect(["completed", "terminated"]).toContain(driver.status);
      }),
      { numRuns: 150 },
    );
  });
});

describe("random definitions with a loop that never waits", () => {
  it("fail with loop.noWait at a node inside the loop, holding no tokens", () => {
    fc.assert(
      fc.property(syncBlockArbitrary, blockArbitrary, (body, before) => {
        // `rounds` so large the loop cannot finish; a mapping stands where a wait would be.
        const definition = definitionOf({
          kind: "seq",
          items: [before, { kind: "loop", wait: { kind: "set" }, body, rounds: 1e9 }],
        });
        const driver = new TestDriver({ definition, maxSteps: 500 });
        driver.start();
        let budget = 500;
        while (driver.status === "running" && budget-- > 0) {
          const token = driver.state?.tokens.find((t) => t.wait.type !== "join");
          const event = token && eventFor(driver, token, 10);
          if (!event) break;
          driver.send(event);
        }
        if (driver.status === "terminated") return; // a terminate end before the loop
        expect(driver.state).toMatchObject({
          status: "failed",
          tokens: [],
          error: { code: "loop.noWait" },
        });
        // The node named must lie on a cycle of the definition: it is inside the spinning loop.
        expect(liesOnCycle(definition, driver.state?.error?.nodeId ?? "")).toBe(true);
        checkInvariants(driver, definition);
      }),
      { numRuns: 60 },
    );
  });
});

function liesOnCycle(definition: ProcessDefinition, nodeId: string): boolean {
  const seen = new Set<string>();
  const pending = definition.edges.filter((e) => e.source === nodeId).map((e) => e.target);
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next === nodeId) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const e of definition.edges) if (e.source === next) pending.push(e.target);
  }
  return false;
}
