import { describe, expect, it } from "vitest";
import { renameVariable } from "../src/index";

const renamed = (source: string, from: string, to: string) => {
  const outcome = renameVariable(source, from, to);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome.source;
};

describe("renaming a variable inside an expression", () => {
  it("rewrites every read and keeps the rest of the text as written", () => {
    expect(renamed('金额 > 10000  and 渠道 = "抖音" or 金额<0', "金额", "预算")).toBe(
      '预算 > 10000  and 渠道 = "抖音" or 预算<0',
    );
  });

  it("leaves strings, path segments and context keys alone", () => {
    expect(
      renamed('客户.金额 + 金额 + {金额: 1}.金额 + string length("金额")', "金额", "amount"),
    ).toBe('客户.金额 + amount + {金额: 1}.金额 + string length("金额")');
  });

  it("does not touch a name the expression binds itself", () => {
    expect(renamed("for 金额 in 列表 return 金额 * 税率", "金额", "预算")).toBe(
      "for 金额 in 列表 return 金额 * 税率",
    );
    expect(renamed("for x in 列表 return x * 税率", "税率", "rate")).toBe(
      "for x in 列表 return x * rate",
    );
  });

  it("does not rename a longer name that merely starts with the old one", () => {
    expect(renamed("金额上限 - 金额", "金额", "预算")).toBe("金额上限 - 预算");
  });

  it("counts reads inside list filters and leaves them, since they may be item properties", () => {
    const outcome = renameVariable("订单[金额 > 门槛] = [] and 门槛 > 0", "门槛", "下限");
    expect(outcome).toEqual({
      ok: true,
      source: "订单[金额 > 门槛] = [] and 下限 > 0",
      renamed: 1,
      inFilters: 1,
    });
  });

  it("refuses a new name the expression binds where the old one is read", () => {
    expect(renameVariable("for 单价 in 列表 return 单价 * 数量", "数量", "单价")).toEqual({
      ok: false,
      reason: "captured",
    });
  });

  it("refuses new names that FEEL would not read as a variable", () => {
    for (const name of ["and", "true", "null", "count", "1a", "a b"]) {
      expect(renameVariable("x + 1", "x", name)).toEqual({ ok: false, reason: "invalidName" });
    }
  });

  it("refuses to guess inside an expression that does not parse", () => {
    expect(renameVariable("金额 > (1", "金额", "预算")).toEqual({ ok: false, reason: "syntax" });
  });

  it("works on unary tests", () => {
    expect(renameVariable("> 下限, < 上限", "下限", "最小值", "unaryTest")).toMatchObject({
      ok: true,
      source: "> 最小值, < 上限",
    });
  });
});
