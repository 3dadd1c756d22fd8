import { describe, expect, test } from "vitest";
import { definition, nodes, path, validate } from "./fixtures/builders";
import { expectNoProblems, expectOnlyProblem } from "./fixtures/expect-problems";

const withVariables = (variables: Parameters<typeof definition>[0]["variables"]) =>
  definition({ nodes: [nodes.start(), nodes.end()], edges: path("start", "end"), variables });

describe("declared variables", () => {
  test("a variable declared twice: the second declaration is reported", () => {
    const result = validate(
      withVariables([
        { name: "金额", type: "number" },
        { name: "金额", type: "money" },
      ]),
    );
    expectOnlyProblem(result, { code: "variable.duplicate", field: "variables.1.name" });
  });

  test("a default that does not fit the declared type", () => {
    const result = validate(
      withVariables([{ name: "上线日期", type: "date", default: "2025/01/31" }]),
    );
    const problem = expectOnlyProblem(result, {
      code: "variable.defaultType",
      field: "variables.0.default",
    });
    expect(problem.message["zh-CN"]).toBe("变量「上线日期」的默认值不是日期（YYYY-MM-DD）");
  });

  test("defaults of every type that fit are fine", () => {
    expectNoProblems(
      validate(
        withVariables([
          { name: "标题", type: "string", default: "新品" },
          { name: "金额", type: "number", default: 0 },
          { name: "加急", type: "boolean", default: false },
          { name: "上线日期", type: "date", default: "2025-01-31" },
          { name: "截止", type: "datetime", default: "2025-01-31T18:00:00+08:00" },
          { name: "预算", type: "money", default: { amount: 5000, currency: "CNY" } },
          { name: "渠道列表", type: "list", default: ["抖音", "小红书"] },
        ]),
      ),
    );
  });
});
