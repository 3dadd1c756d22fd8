import { describe, expect, test } from "vitest";
import { validateVariables } from "./validate";

const definition = {
  variables: [
    { name: "金额", type: "money" as const, required: true },
    { name: "渠道", type: "string" as const, required: false },
    { name: "截止日期", type: "date" as const, required: false },
    { name: "审批人", type: "user" as const, required: true, default: "manager" },
  ],
};

describe("validateVariables", () => {
  test("accepts declared values of the right types, and null for optional ones", () => {
    expect(
      validateVariables(
        definition,
        { 金额: { amount: 12000, currency: "CNY" }, 渠道: null, 截止日期: "2025-06-30" },
        { checkRequired: true },
      ),
    ).toEqual([]);
  });

  test("names undeclared variables, wrong types and missing required values", () => {
    const issues = validateVariables(
      definition,
      { 渠道: 3, 截止日期: "30/06/2025", 折扣: 0.1 },
      { checkRequired: true },
    );
    expect(issues.map((issue) => [issue.variable, issue.problem])).toEqual([
      ["渠道", "type"],
      ["截止日期", "type"],
      ["折扣", "undeclared"],
      ["金额", "required"],
    ]);
  });

  test("required variables are not demanded when only some are updated", () => {
    expect(validateVariables(definition, { 渠道: "抖音" })).toEqual([]);
  });
});
