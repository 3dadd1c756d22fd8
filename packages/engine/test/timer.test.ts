import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { T0, TestDriver } from "./driver";

const HOUR = 3_600_000;

function timerFlow(config: Record<string, unknown>) {
  return flow({
    nodes: [node("start", "start"), node("wait", "timer", config), node("followUp", "userTask")],
    edges: [edge("start", "wait"), edge("wait", "followUp")],
  });
}

describe("timer", () => {
  it("a follow-up two hours after sign-up waits for the timer, then moves on", () => {
    const driver = new TestDriver({
      definition: timerFlow({ mode: "duration", duration: "PT2H" }),
    });
    const result = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });
    expect(result.effects).toEqual([
      {
        type: "scheduleTimer",
        activationId: driver.activationAt("wait"),
        nodeId: "wait",
        dueAt: T0 + 2 * HOUR,
        purpose: "timer",
      },
    ]);
    expect(driver.state?.tokens[0]?.wait).toEqual({ type: "timer", dueAt: T0 + 2 * HOUR });

    driver.advance(HOUR);
    expect(driver.waitingAt).toEqual(["wait"]);
    driver.advance(HOUR);
    expect(driver.waitingAt).toEqual(["followUp"]);
    expect(driver.history.some((h) => h.type === "timerFired" && h.nodeId === "wait")).toBe(true);
  });

  it("waits until a fixed date-time", () => {
    const driver = new TestDriver({
      definition: timerFlow({ mode: "date", date: "2025-01-07T08:00:00+08:00" }),
    });
    driver.start();
    expect(driver.state?.tokens[0]?.wait).toEqual({
      type: "timer",
      dueAt: Date.parse("2025-01-07T00:00:00Z"),
    });
  });

  it("an expression can yield a duration or a date-time", () => {
    const byDuration = new TestDriver({
      definition: timerFlow({ mode: "expression", expression: "提醒间隔" }),
    });
    byDuration.start({ 提醒间隔: "P1D" });
    expect(byDuration.state?.tokens[0]?.wait).toEqual({ type: "timer", dueAt: T0 + 24 * HOUR });

    const byDate = new TestDriver({
      definition: timerFlow({
        mode: "expression",
        expression: 'date and time("2025-02-01T00:00:00Z")',
      }),
    });
    byDate.start();
    expect(byDate.state?.tokens[0]?.wait).toEqual({
      type: "timer",
      dueAt: Date.parse("2025-02-01T00:00:00Z"),
    });
  });

  it("an expression yielding something else stops on an incident", () => {
    const driver = new TestDriver({
      definition: timerFlow({ mode: "expression", expression: "提醒间隔" }),
    });
    driver.start({ 提醒间隔: 42 });
    expect(driver.timers.size).toBe(0);
    expect([...driver.incidents.values()]).toMatchObject([{ nodeId: "wait" }]);
  });

  it("a timer fired twice (a stale duplicate) is not applicable the second time", () => {
    const driver = new TestDriver({ definition: timerFlow({ duration: "PT1M" }) });
    driver.start();
    const activationId = driver.activationAt("wait");
    expect(driver.send({ type: "timerFired", activationId }).ok).toBe(true);
    const before = driver.state;
    expect(driver.rejection({ type: "timerFired", activationId })).toMatchObject({
      code: "event.notApplicable",
    });
    expect(driver.state).toBe(before);
  });

  it("a timer event for a token waiting on a task is not applicable", () => {
    const driver = new TestDriver({ definition: timerFlow({ duration: "PT1M" }) });
    driver.start();
    driver.advance(60_000);
    expect(
      driver.rejection({ type: "timerFired", activationId: driver.activationAt("followUp") }),
    ).toMatchObject({
      code: "event.notApplicable",
    });
  });
});
