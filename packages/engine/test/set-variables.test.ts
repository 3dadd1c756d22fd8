import { describe, expect, it } from "vitest";
import { edge, flow, node } from "./definitions";
import { TestDriver } from "./driver";

function mappingFlow(assignments: Array<{ variable: string; expression: string }>) {
  return flow({
    nodes: [
      node("start", "start"),
      node("calc", "setVariables", { assignments }),
      node("review", "userTask"),
    ],
    edges: [edge("start", "calc"), edge("calc", "review")],
  });
}

describe("set variables", () => {
  it("computes a discounted price; later mappings see earlier ones", () => {
    const driver = new TestDriver({
      definition: mappingFlow([
        { variable: "折扣", expression: 'if 渠道 = "抖音" then 0.8 else 1' },
        { variable: "价格", expression: "原价 * 折扣" },
      ]),
    });
    driver.start({ 渠道: "抖音", 原价: 100 });
    expect(driver.variables).toMatchObject({ 折扣: 0.8, 价格: 80 });
    expect(
      driver.history
        .filter((h) => h.type === "variablesChanged" && h.nodeId === "calc")
        .map((h) => h.data),
    ).toEqual([{ variables: { 折扣: 0.8, 价格: 80 } }]);
  });

  it("a mapping that fails changes nothing and stops on an incident", () => {
    const driver = new TestDriver({
      definition: mappingFlow([
        { variable: "a", expression: "1" },
        { variable: "b", expression: "a +" },
      ]),
    });
    driver.start({ a: 0 });
    expect(driver.variables).toEqual({ a: 0 });
    expect(driver.waitingAt).toEqual(["calc"]);
    expect([...driver.incidents.values()]).toMatchObject([
      { nodeId: "calc", message: expect.stringContaining("b := a +") },
    ]);
  });

  it("FEEL now() and today() read the engine's clock, so a replay computes the same values", () => {
    const definition = mappingFlow([
      { variable: "提交时间", expression: "string(now())" },
      { variable: "提交日期", expression: "string(today())" },
    ]);
    const startAt = Date.UTC(2031, 4, 6, 7, 8, 9);
    const first = new TestDriver({ definition, startAt });
    first.start({});
    expect(first.variables).toMatchObject({ 提交日期: "2031-05-06" });
    expect(String(first.variables.提交时间)).toContain("2031-05-06T07:08:09");
    const replay = new TestDriver({ definition, startAt });
    replay.start({});
    expect(replay.variables).toEqual(first.variables);
  });
});
