import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { TestDriver } from "./driver";

// A lead is chased two ways at once; whichever branch reaches the terminate end stops the other.
const race = flow({
  nodes: [
    node("start", "start"),
    node("split", "parallelGateway"),
    node("call", "userTask", { title: "Call the lead" }),
    node("reply", "messageWait", { messageName: "leadReplied", correlationKey: "leadId" }),
    node("won", "terminateEnd"),
    node("join", "parallelGateway"),
    node("done", "end"),
  ],
  edges: [
    edge("start", "split"),
    edge("split", "call"),
    edge("split", "reply"),
    edge("reply", "won"),
    edge("call", "join"),
    edge("join", "done"),
  ],
});

describe("terminate end", () => {
  it("a lead that replies while the call task is open terminates the instance and withdraws the task", () => {
    const driver = new TestDriver({ definition: race });
    driver.start({ leadId: "L-7" });
    const callActivation = driver.activationAt("call");
    expect(driver.tasks.size).toBe(1);

    const [result] = driver.deliver("leadReplied", "L-7");
    expect(result).toMatchObject({ ok: true, state: { status: "terminated", tokens: [] } });
    expect(result?.ok && result.effects).toContainEqual({
      type: "cancelWait",
      activationId: callActivation,
    });
    expect(result?.ok && result.effects.at(-1)).toEqual({
      type: "instanceEnded",
      status: "terminated",
    });
    expect(driver.tasks.size).toBe(0);
    expect(driver.history.at(-1)).toMatchObject({ type: "instanceTerminated", nodeId: "won" });

    expect(driver.rejection({ type: "taskCompleted", activationId: callActivation })).toMatchObject(
      {
        code: "instance.notRunning",
      },
    );
  });

  it("a terminate reached in the same event as new waits emits no effects for them", () => {
    // split -> (task) and (terminate): the task is created and withdrawn in one event.
    const definition = flow({
      nodes: [
        node("start", "start"),
        node("split", "parallelGateway"),
        node("task", "userTask"),
        node("stop", "terminateEnd"),
      ],
      edges: [edge("start", "split"), edge("split", "task"), edge("split", "stop")],
    });
    const driver = new TestDriver({ definition });
    const result = driver.must({ type: "start", instanceId: "i", definitionVersion: 1 });
    expect(result.state.status).toBe("terminated");
    expect(result.effects).toEqual([{ type: "instanceEnded", status: "terminated" }]);
  });
});
