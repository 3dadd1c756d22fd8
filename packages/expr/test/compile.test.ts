import { describe, expect, it } from "vitest";
import { compile, createExpressionCache, evaluate } from "../src/index";

describe("compiling once and evaluating many times", () => {
  it("evaluates one compiled condition against many instances", () => {
    const condition = compile('金额 > 10000 and 渠道 = "抖音"');
    expect(condition.error).toBeNull();
    const instances = [
      { 金额: 20000, 渠道: "抖音" },
      { 金额: 20000, 渠道: "快手" },
      { 金额: 50, 渠道: "抖音" },
    ];
    expect(instances.map((v) => condition.evaluate(v))).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: false },
    ]);
  });

  it("serves a repeated source from the cache instead of parsing it again", () => {
    const cache = createExpressionCache(10);
    const first = compile("a + b", "expression", { cache });
    const second = compile("a + b", "expression", { cache });
    // the parsed program (and its analysis) is the same object: no second parse
    expect(second.reads).toBe(first.reads);
    expect(cache.size).toBe(1);
    expect(compile("a + b", "unaryTest", { cache }).reads).not.toBe(first.reads);
  });

  it("keeps the cache bounded, dropping the least recently used source", () => {
    const cache = createExpressionCache(2);
    const a = compile("1 + 1", "expression", { cache });
    compile("2 + 2", "expression", { cache });
    compile("1 + 1", "expression", { cache }); // touch: "2 + 2" is now the oldest
    compile("3 + 3", "expression", { cache });
    expect(cache.size).toBe(2);
    expect(compile("1 + 1", "expression", { cache }).reads).toBe(a.reads);
    const b = compile("2 + 2", "expression", { cache });
    expect(compile("2 + 2", "expression", { cache }).reads).toBe(b.reads);
    expect(cache.size).toBe(2);
  });

  it("compiles afresh when asked to bypass the cache", () => {
    const a = compile("x * 2", "expression", { cache: null });
    const b = compile("x * 2", "expression", { cache: null });
    expect(b.reads).not.toBe(a.reads);
    expect(b.evaluate({ x: 21 })).toEqual({ ok: true, value: 42 });
  });

  it("keeps a syntax error on the compiled expression and returns it from evaluate", () => {
    const broken = compile("金额 >");
    expect(broken.error).toMatchObject({ code: "syntax", from: 4, line: 1, column: 5 });
    expect(broken.evaluate({ 金额: 1 })).toEqual({ ok: false, error: broken.error });
  });

  it("scopes each evaluation to the names declared at compile time", () => {
    const withDeclared = compile("a + b", "expression", { declared: ["a"] });
    expect(withDeclared.evaluate({ a: 1, b: 2 }, { warnings: true })).toMatchObject({
      ok: true,
      value: null,
    });
    const withBoth = compile("a + b", "expression", { declared: ["a", "b"] });
    expect(withBoth.evaluate({ a: 1, b: 2 })).toEqual({ ok: true, value: 3 });
    expect(evaluate("a + b", { a: 1, b: 2 }, { declared: new Set(["a", "b"]) })).toEqual({
      ok: true,
      value: 3,
    });
  });

  it("treats a declared variable with no value as null", () => {
    expect(evaluate("折扣 = null", {}, { declared: ["折扣"] })).toEqual({ ok: true, value: true });
  });

  it("refuses a source longer than the budget allows", () => {
    const long = `${"1 + ".repeat(6000)}1`;
    expect(compile(long).error).toMatchObject({ code: "budget", limit: "source" });
  });
});
