import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { T0, TestDriver } from "./driver";

const DAY = 86_400_000;

// Journey: after sending a coupon, wait up to 3 days for the customer to redeem it.
const couponJourney = flow({
  variables: [{ name: "用户ID", type: "string" }],
  nodes: [
    node("start", "start"),
    node("redeem", "messageWait", {
      messageName: "couponRedeemed",
      correlationKey: "用户ID",
      timeout: "P3D",
      resultVariable: "redemption",
    }),
    node("thank", "userTask"),
    node("remind", "userTask"),
  ],
  edges: [
    edge("start", "redeem"),
    edge("redeem", "thank"),
    edge("redeem", "remind", { port: "timeout" }),
  ],
});

describe("message wait", () => {
  it("subscribes by message name and evaluated correlation key, with a timeout timer", () => {
    const driver = new TestDriver({ definition: couponJourney });
    const result = driver.must({
      type: "start",
      instanceId: "i",
      definitionVersion: 1,
      variables: { 用户ID: "u-42" },
    });
    const activationId = driver.activationAt("redeem");
    expect(result.effects).toEqual([
      {
        type: "subscribe",
        activationId,
        nodeId: "redeem",
        messageName: "couponRedeemed",
        correlationKey: "u-42",
      },
      {
        type: "scheduleTimer",
        activationId,
        nodeId: "redeem",
        dueAt: T0 + 3 * DAY,
        purpose: "messageTimeout",
      },
    ]);
  });

  it("a redeemed coupon stores the payload, cancels the timeout and leaves by the normal edge", () => {
    const driver = new TestDriver({ definition: couponJourney });
    driver.start({ 用户ID: "u-42" });
    const activationId = driver.activationAt("redeem");
    driver.advance(DAY);
    const [result] = driver.deliver("couponRedeemed", "u-42", { store: "上海南京路店" });
    expect(result?.ok && result.effects).toContainEqual({ type: "cancelWait", activationId });
    expect(driver.variables.redemption).toEqual({ store: "上海南京路店" });
    expect(driver.waitingAt).toEqual(["thank"]);
    expect(driver.timers.size).toBe(0);
  });

  it("a message that times out leaves by the timeout edge", () => {
    const driver = new TestDriver({ definition: couponJourney });
    driver.start({ 用户ID: "u-42" });
    const activationId = driver.activationAt("redeem");
    driver.advance(3 * DAY);
    expect(driver.waitingAt).toEqual(["remind"]);
    expect(driver.subscriptions.size).toBe(0);

    // The customer redeems after the deadline: the wait is gone.
    expect(driver.deliver("couponRedeemed", "u-42")).toEqual([]);
    expect(
      driver.rejection({ type: "messageReceived", activationId, name: "couponRedeemed" }),
    ).toMatchObject({
      code: "event.notApplicable",
    });
  });

  it("another customer's message does not resume this instance", () => {
    const driver = new TestDriver({ definition: couponJourney });
    driver.start({ 用户ID: "u-42" });
    expect(driver.deliver("couponRedeemed", "u-7")).toEqual([]);
    expect(driver.waitingAt).toEqual(["redeem"]);
  });

  it("a message of another name is refused", () => {
    const driver = new TestDriver({ definition: couponJourney });
    driver.start({ 用户ID: "u-42" });
    expect(
      driver.rejection({
        type: "messageReceived",
        activationId: driver.activationAt("redeem"),
        name: "orderPaid",
      }),
    ).toMatchObject({ code: "event.notApplicable" });
  });

  it("without a timeout there is no timer, and a timer event is not applicable", () => {
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("paid", "messageWait", { messageName: "orderPaid", correlationKey: "orderNo" }),
        node("ship", "userTask"),
      ],
      edges: [edge("start", "paid"), edge("paid", "ship")],
    });
    const driver = new TestDriver({ definition });
    driver.start({ orderNo: 10086 });
    expect([...driver.subscriptions.values()]).toMatchObject([{ correlationKey: "10086" }]);
    expect(driver.timers.size).toBe(0);
    expect(
      driver.rejection({ type: "timerFired", activationId: driver.activationAt("paid") }),
    ).toMatchObject({
      code: "event.notApplicable",
    });
    driver.deliver("orderPaid", "10086");
    expect(driver.waitingAt).toEqual(["ship"]);
  });

  it("an empty correlation key stops on an incident instead of subscribing to everyone", () => {
    const driver = new TestDriver({ definition: couponJourney });
    driver.start({});
    expect(driver.subscriptions.size).toBe(0);
    expect([...driver.incidents.values()]).toMatchObject([{ nodeId: "redeem" }]);
  });
});
