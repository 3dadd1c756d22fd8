import { describe, expect, it } from "vitest";
import { evaluate } from "../src/index";

describe("a business user's conditions and mappings", () => {
  it("routes a large 抖音 order with a Chinese condition", () => {
    const condition = '金额 > 10000 and 渠道 = "抖音"';
    expect(evaluate(condition, { 金额: 12000, 渠道: "抖音" })).toEqual({ ok: true, value: true });
    expect(evaluate(condition, { 金额: 12000, 渠道: "小红书" })).toEqual({
      ok: true,
      value: false,
    });
    expect(evaluate(condition, { 金额: 800, 渠道: "抖音" })).toEqual({ ok: true, value: false });
  });

  it("computes a mapping with arithmetic and nested data", () => {
    const mapping = "{折后价: 订单.金额 * (1 - 折扣), 件数: count(订单.商品)}";
    const variables = { 订单: { 金额: 200, 商品: ["a", "b", "c"] }, 折扣: 0.25 };
    expect(evaluate(mapping, variables)).toEqual({ ok: true, value: { 折后价: 150, 件数: 3 } });
  });

  it("applies a unary test to an input value", () => {
    expect(evaluate("[1000..5000]", {}, { kind: "unaryTest", input: 3000 })).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluate('"抖音", "快手"', {}, { kind: "unaryTest", input: "微信" })).toEqual({
      ok: true,
      value: false,
    });
    expect(evaluate("> 上限", { 上限: 10 }, { kind: "unaryTest", input: 11 })).toEqual({
      ok: true,
      value: true,
    });
  });

  it("returns dates, date-times and durations as ISO strings", () => {
    expect(evaluate('date("2024-01-31") + duration("P1M")', {})).toEqual({
      ok: true,
      value: "2024-02-29",
    });
    expect(evaluate('date and time("2024-07-01T10:00:00@Europe/Paris")', {})).toEqual({
      ok: true,
      value: "2024-07-01T10:00:00+02:00",
    });
    expect(evaluate('date and time("2024-01-01T10:00:00Z")', {})).toEqual({
      ok: true,
      value: "2024-01-01T10:00:00Z",
    });
    expect(evaluate('duration("P2DT3H")', {})).toEqual({ ok: true, value: "P2DT3H" });
    expect(evaluate('time("09:30:00+08:00")', {})).toEqual({ ok: true, value: "09:30:00+08:00" });
  });

  it("reads declared date variables as dates so deadlines compare", () => {
    const overdue = evaluate(
      "截止日期 < today()",
      { 截止日期: "2024-03-01" },
      {
        types: { 截止日期: "date" },
        now: Date.UTC(2024, 2, 5),
      },
    );
    expect(overdue).toEqual({ ok: true, value: true });
    // Without the declared type the value stays text, and text is never before a date.
    const untyped = evaluate(
      "截止日期 < today()",
      { 截止日期: "2024-03-01" },
      { now: Date.UTC(2024, 2, 5) },
    );
    expect(untyped).toEqual({ ok: true, value: false });
  });

  it("pins now() and today() to the caller's clock and zone", () => {
    const at = Date.UTC(2024, 0, 31, 20, 0, 0); // 2024-02-01 04:00 in Shanghai
    expect(evaluate("today()", {}, { now: at, timeZone: "Asia/Shanghai" })).toEqual({
      ok: true,
      value: "2024-02-01",
    });
    expect(evaluate("now()", {}, { now: at })).toEqual({ ok: true, value: "2024-01-31T20:00:00Z" });
  });

  it("keeps undeclared names out of scope: they read as null", () => {
    const result = evaluate(
      "秘密 = null and 金额 > 1",
      { 金额: 5, 秘密: "x" },
      { declared: ["金额"] },
    );
    expect(result).toEqual({ ok: true, value: true });
  });

  it("reports warnings only when asked", () => {
    expect(evaluate("未知变量 + 1", {})).toEqual({ ok: true, value: null });
    const withWarnings = evaluate("未知变量 + 1", {}, { warnings: true });
    expect(withWarnings.ok && withWarnings.warnings?.map((w) => w.type)).toContain(
      "NO_VARIABLE_FOUND",
    );
  });

  it("reports a syntax error with its position", () => {
    expect(evaluate("金额 >", { 金额: 1 })).toEqual({
      ok: false,
      error: {
        code: "syntax",
        message: "Incomplete <Comparison>",
        from: 4,
        to: 4,
        line: 1,
        column: 5,
      },
    });
  });

  it("turns an interpreter failure into a runtime error", () => {
    // feelin does not implement the `x` regex flag and throws
    const result = evaluate('matches("a", "a", "x")', {});
    expect(result).toMatchObject({ ok: false, error: { code: "runtime" } });
  });

  it("understands multi-word variable names when the variables carry them", () => {
    expect(evaluate("order total > 100", { "order total": 150 })).toEqual({
      ok: true,
      value: true,
    });
  });
});

describe("variables named like built-in functions", () => {
  it("shadow the built-in, as FEEL scoping says", () => {
    expect(evaluate("date", { date: "2024-05-01" })).toEqual({ ok: true, value: "2024-05-01" });
    expect(evaluate("count + 1", { count: 2 })).toEqual({ ok: true, value: 3 });
    expect(evaluate('date("2024-05-01")', {})).toEqual({ ok: true, value: "2024-05-01" });
  });
});
