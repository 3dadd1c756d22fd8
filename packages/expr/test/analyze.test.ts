import { describe, expect, it } from "vitest";
import { feelAnalyzer } from "../src/index";

const names = (source: string, kind?: "expression" | "unaryTest") => {
  const analysis = feelAnalyzer.analyze(source, kind);
  if (!analysis.ok) throw new Error(analysis.message);
  return analysis.names;
};

describe("the names an expression reads, for validation and autocomplete", () => {
  it("lists the variables of a Chinese condition", () => {
    expect(names('金额 > 10000 and 渠道 = "抖音"')).toEqual(["金额", "渠道"]);
  });

  it("reports only the top-level name of a path", () => {
    expect(names('客户.等级 = "VIP" and 客户.地址.城市 = "上海"')).toEqual(["客户"]);
  });

  it("leaves out names bound by for, some and every", () => {
    expect(names("for x in 订单, y in x.商品 return y.价格 * 税率")).toEqual(["订单", "税率"]);
    expect(names("some o in 订单 satisfies o.金额 > 门槛")).toEqual(["订单", "门槛"]);
    expect(names("every o in 订单 satisfies o.已付款")).toEqual(["订单"]);
    expect(names("for i in 1..3 return partial")).toEqual([]);
  });

  it("leaves out function parameters and context keys", () => {
    expect(names("(function(价格, 数量) 价格 * 数量 * 汇率)(1, 2)")).toEqual(["汇率"]);
    expect(names("{小计: 单价 * 数量, 合计: 小计 + 运费}.合计")).toEqual(["单价", "数量", "运费"]);
    expect(names('{"a b": 1, c: a b}')).toEqual([]);
  });

  it("leaves out built-in functions but keeps their arguments", () => {
    expect(names("string length(备注) > 0 and count(标签) < 上限 and sum(金额列表) > 0")).toEqual([
      "备注",
      "标签",
      "上限",
      "金额列表",
    ]);
    expect(feelAnalyzer.isBuiltin("string length")).toBe(true);
    expect(feelAnalyzer.isBuiltin("金额")).toBe(false);
  });

  it("keeps names in a filter apart: they may be item properties", () => {
    const analysis = feelAnalyzer.analyze("订单[金额 > 门槛 and item.状态 = 状态].编号");
    expect(analysis).toMatchObject({
      ok: true,
      names: ["订单"],
      itemNames: ["金额", "门槛", "状态"],
    });
  });

  it("reads the names of a unary test", () => {
    expect(names("> 下限, < 上限", "unaryTest")).toEqual(["下限", "上限"]);
    expect(names("?.金额 > 限额", "unaryTest")).toEqual(["限额"]);
  });

  it("points at a parse error with line and column", () => {
    expect(feelAnalyzer.analyze('金额 > 10000 and\n  渠道 = * "抖音"')).toEqual({
      ok: false,
      message: "Unrecognized token <ArithOp> in <Comparison>",
      from: 22,
      to: 23,
      line: 2,
      column: 8,
    });
    expect(feelAnalyzer.analyze("for x in")).toMatchObject({
      ok: false,
      from: 8,
      to: 8,
      line: 1,
      column: 9,
    });
  });

  it("says where each name is read, for underlining it in the editor", () => {
    const source = '渠道 = "渠道" or 客户.渠道 = 渠道 or 列表[渠道 > 1] = []';
    const analysis = feelAnalyzer.analyze(source);
    if (!analysis.ok) throw new Error(analysis.message);
    // Not the string, not the path segment, not the read inside the filter.
    expect(analysis.nameRanges).toEqual([
      { name: "渠道", from: 0, to: 2 },
      { name: "客户", from: 13, to: 15 },
      { name: "渠道", from: 21, to: 23 },
      { name: "列表", from: 27, to: 29 },
    ]);
    for (const range of analysis.nameRanges ?? [])
      expect(source.slice(range.from, range.to)).toBe(range.name);
  });
});
