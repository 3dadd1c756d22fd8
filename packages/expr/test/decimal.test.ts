import { evaluate as feelinEvaluate } from "feelin";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/index";

const value = (source: string, variables: Record<string, unknown> = {}) => {
  const result = evaluate(source, variables);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.value;
};

describe("money arithmetic is decimal, as a finance user expects", () => {
  it("adds and multiplies prices without binary tails", () => {
    expect(value("0.1 + 0.2 = 0.3")).toBe(true);
    expect(value("0.1 + 0.2")).toBe(0.3);
    expect(value("1.1 * 3")).toBe(3.3);
    expect(value("19.99 * 3 = 59.97")).toBe(true);
    expect(value("0.1 + 0.2 > 0.3")).toBe(false);
  });

  it("gives a 10% discount on ¥9,999.99 as ¥8,999.991, and rounds it to ¥8,999.99", () => {
    expect(value("金额 * 0.9", { 金额: 9999.99 })).toBe(8999.991);
    expect(value("decimal(金额 * 0.9, 2)", { 金额: 9999.99 })).toBe(8999.99);
    expect(value("金额 * (1 - 折扣)", { 金额: 9999.99, 折扣: 0.1 })).toBe(8999.991);
    // with doubles: 269.99100000000004, 7999.991999999999, 1599.9920000000002
    expect(value("金额 * 0.9", { 金额: 299.99 })).toBe(269.991);
    expect(value("金额 * 0.9", { 金额: 8888.88 })).toBe(7999.992);
    expect(value("金额 * 0.8", { 金额: 1999.99 })).toBe(1599.992);
    // 1999.99 × 0.85 is 1699.9915: half up to three places is …992 (doubles said …991)
    expect(value("round half up(金额 * 0.85, 3)", { 金额: 1999.99 })).toBe(1699.992);
  });

  it("approves a claim that exactly uses up the budget", () => {
    const condition = "sum(报销.金额) <= 预算";
    const claims = [{ 金额: 0.1 }, { 金额: 0.2 }, { 金额: 0.3 }];
    expect(value(condition, { 报销: claims, 预算: 0.6 })).toBe(true);
    expect(value("sum([0.1, 0.2, 0.3])")).toBe(0.6);
    expect(value("sum([0.1, 0.2, 0.3]) = 0.6")).toBe(true);
    expect(value("预算 - 已用 >= 申请", { 预算: 1000.3, 已用: 999.9, 申请: 0.4 })).toBe(true);
  });

  it("matches amounts in unary tests, lists and ranges by decimal value", () => {
    const test = (source: string, input: unknown) =>
      evaluate(source, {}, { kind: "unaryTest", input });
    expect(test("0.1 + 0.2", 0.3)).toEqual({ ok: true, value: true });
    expect(test("[0.1 + 0.2 .. 1]", 0.3)).toEqual({ ok: true, value: true });
    expect(value("list contains([0.1 + 0.2], 0.3)")).toBe(true);
    expect(value("distinct values([0.1 + 0.2, 0.3])")).toEqual([0.3]);
    expect(value("0.1 + 0.2 between 0.3 and 0.4")).toBe(true);
    expect(value("{合计: 0.1 + 0.2} = {合计: 0.3}")).toBe(true);
  });

  it("rounds the way a cashier does, not the way doubles do", () => {
    expect(value("round half up(2.675, 2)")).toBe(2.68);
    expect(value("round half up(1.005, 2)")).toBe(1.01);
    expect(value("decimal(1.005, 2)")).toBe(1);
    expect(value("ceiling(0.07 * 100)")).toBe(7);
    expect(value("floor(订单 / 10)", { 订单: 268 })).toBe(26);
    expect(value("round down(-8999.995, 2)")).toBe(-8999.99);
  });

  it("computes the numeric built-ins in decimals", () => {
    expect(value("mean([0.1, 0.2])")).toBe(0.15);
    expect(value("product([1.1, 1.1])")).toBe(1.21);
    expect(value("modulo(10.1, 4.5)")).toBe(1.1);
    expect(value("modulo(-12, 5)")).toBe(3);
    expect(value("abs(0.1 - 0.3)")).toBe(0.2);
    expect(value("max(0.1 + 0.2, 0.3) = 0.3")).toBe(true);
    // feelin sorted the numbers as text ("10" < "2" < "9") and answered 2
    expect(value("median([10, 9, 2])")).toBe(9);
    expect(value("mode([0.1 + 0.2, 0.3, 1])")).toEqual([0.3]);
    expect(value('number("0.1") + number("0.2") = 0.3')).toBe(true);
    expect(value('number("1.000,35", ".", ",") * 2')).toBe(2000.7);
  });

  it("counts ranges and picks list items with computed numbers", () => {
    expect(value("for i in 0.5..3 return i")).toEqual([0.5, 1.5, 2.5]);
    expect(value("for i in 1..3 return i * 0.1")).toEqual([0.1, 0.2, 0.3]);
    expect(value("[10, 20, 30][4 / 2]")).toBe(20);
    expect(value("[10, 20, 30][10 / 3]")).toBeNull();
    expect(value('substring("抖音快手", 1 + 0.5 * 2, 2)')).toBe("音快");
  });
});

describe("precision beyond a double", () => {
  it("divides to 34 significant digits and hands back the nearest double", () => {
    expect(value("10 / 3")).toBe(3.3333333333333335);
    expect(value("string(10 / 3)")).toBe("3.333333333333333333333333333333333");
    // Decimal128: 10/3 × 3 is 9.999…9 (34 nines), not 10 — though it reads back as 10
    expect(value("10 / 3 * 3 = 10")).toBe(false);
    expect(value("10 / 3 * 3")).toBe(10);
    expect(value("decimal(10 / 3, 2)")).toBe(3.33);
    expect(value("1 / 3 = 1 / 3")).toBe(true);
    expect(value("list contains([1 / 3], 1 / 3)")).toBe(true);
    expect(value("10 / 3 > 3.3333333333333333")).toBe(true); // equal as doubles
    expect(value("1 / 0")).toBeNull();
    expect(value("10 ** -5")).toBe(0.00001);
  });

  it("keeps integers beyond 2^53 exact inside an expression when they come in as bigint", () => {
    const big = 2n ** 60n + 1n; // 1152921504606846977
    expect(value("string(订单号 + 1)", { 订单号: big })).toBe("1152921504606846978");
    expect(value("订单号 = 订单号2", { 订单号: big, 订单号2: big + 1n })).toBe(false);
    // leaving as JSON, it becomes the nearest double
    expect(value("订单号", { 订单号: big })).toBe(Number(2n ** 60n));
    // past 34 digits a bigint is rounded, as Decimal128 would
    expect(value("x = 10 ** 40", { x: 10n ** 40n + 1n })).toBe(true);
  });

  it("reads long number text exactly and returns numbers beyond a double's range as null", () => {
    expect(value('string(number("12345678901234567890.12"))')).toBe("12345678901234567890.12");
    expect(value("10 ** 400 > 10 ** 399")).toBe(true);
    expect(value("10 ** 400")).toBeNull();
    expect(value("10 ** 7000")).toBeNull(); // beyond Decimal128 too
  });

  it("leaves plain feelin (outside this package) on doubles", () => {
    expect(feelinEvaluate("0.1 + 0.2").value).toBe(0.30000000000000004);
  });
});
