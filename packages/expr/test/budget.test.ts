import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET, evaluate } from "../src/index";

// Each of these would hang the process or exhaust memory without a bound; they must stop with a
// `budget` error instead (not a hang, not a crash).
describe("an evaluation that would run away is stopped", () => {
  it("stops a loop over a hundred million numbers", () => {
    expect(evaluate("for i in 1..100000000 return i", {})).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "steps" },
    });
  });

  it("stops nested loops whose product is too large", () => {
    expect(evaluate("for i in 1..2000, j in 1..2000 return i * j", {})).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "steps" },
    });
  });

  it("stops a quantifier over a huge range", () => {
    expect(evaluate("some x in 1..50000000 satisfies x < 0", {})).toMatchObject({
      ok: false,
      error: { code: "budget" },
    });
  });

  it("stops a range whose end is never hit exactly (it used to loop forever)", () => {
    expect(evaluate("for i in 1..1.5 return i", {})).toEqual({ ok: true, value: [1] });
    expect(evaluate("for i in 0.5..100000000 return i", {})).toMatchObject({
      ok: false,
      error: { code: "budget" },
    });
  });

  it("stops a string that doubles until it fills memory", () => {
    const doubling =
      '{twice: function(s, n) if n = 0 then s else twice(s + s, n - 1), r: twice("ab", 60)}.r';
    expect(evaluate(doubling, {})).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "text" },
    });
  });

  it("stops repeated joining of long text", () => {
    const joins =
      'count(for i in 1..5000 return string join(for j in 1..5000 return "抖音直播间"))';
    expect(evaluate(joins, {})).toMatchObject({ ok: false, error: { code: "budget" } });
  });

  it("stops infinite recursion through a user function", () => {
    expect(evaluate("{f: function(n) f(n + 1), r: f(0)}.r", {})).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "depth" },
    });
  });

  it("stops exponential recursion that stays shallow", () => {
    const fib = "{fib: function(n) if n < 2 then n else fib(n - 1) + fib(n - 2), r: fib(40)}.r";
    expect(evaluate(fib, {})).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "steps" },
    });
  });

  it("stops repeated work over a big list variable", () => {
    const big = Array.from({ length: 100_000 }, (_, i) => i);
    expect(evaluate("sum(for i in 1..100 return count(订单))", { 订单: big })).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "steps" },
    });
    // one pass over the same list is fine
    expect(evaluate("count(订单[item > 99990])", { 订单: big })).toEqual({ ok: true, value: 9 });
  });

  it("refuses a regular expression that backtracks exponentially", () => {
    const redos = 'matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "^(a+)+$")';
    expect(evaluate(redos, {})).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "pattern" },
    });
    expect(evaluate('matches("订单-2024", "^订单-\\\\d+$")', {})).toEqual({
      ok: true,
      value: true,
    });
  });

  it("stops source nested deeper than the stack allows", () => {
    const deep = `${"[".repeat(5000)}1${"]".repeat(5000)}`;
    const result = evaluate(deep, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(["budget", "syntax"]).toContain(result.error.code);
  });

  it("refuses variables that hold more values than allowed", () => {
    const huge = { 名单: Array.from({ length: 2000 }, (_, i) => i) };
    expect(evaluate("count(名单)", huge, { budget: { maxInputNodes: 1000 } })).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "input" },
    });
  });

  it("lets a caller tighten the budget for one evaluation", () => {
    expect(evaluate("for i in 1..100 return i", {}, { budget: { maxSteps: 50 } })).toMatchObject({
      ok: false,
      error: { code: "budget", limit: "steps" },
    });
    expect(evaluate("count(for i in 1..100 return i)", {})).toEqual({ ok: true, value: 100 });
    expect(DEFAULT_BUDGET.maxSteps).toBeGreaterThanOrEqual(100_000);
  });

  it("still answers after a stopped evaluation", () => {
    expect(evaluate("for i in 1..100000000 return i", {}).ok).toBe(false);
    expect(evaluate('金额 > 10000 and 渠道 = "抖音"', { 金额: 20000, 渠道: "抖音" })).toEqual({
      ok: true,
      value: true,
    });
  });
});
