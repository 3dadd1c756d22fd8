import { describe, expect, it } from "vitest";
import { checkFeel } from "./feelCheck";

const declared = new Set(["金额", "渠道", "订单"]);

describe("FEEL marks while typing", () => {
  it("marks nothing in a correct expression over declared variables", () => {
    expect(checkFeel('金额 > 10000 and 渠道 = "抖音"', declared)).toEqual({ undeclared: [] });
  });

  it("marks every place an undeclared variable is read", () => {
    const source = "折扣 * 金额 + 折扣";
    expect(checkFeel(source, declared).undeclared).toEqual([
      { name: "折扣", from: 0, to: 2 },
      { name: "折扣", from: 10, to: 12 },
    ]);
  });

  it("does not mark FEEL functions as undeclared", () => {
    expect(checkFeel('count(订单) > 3 and today() > date("2025-01-01")', declared)).toEqual({
      undeclared: [],
    });
  });

  it("reports a syntax error with its position instead of names", () => {
    const check = checkFeel("金额 >", declared);
    expect(check.syntax).toMatchObject({ kind: "incomplete", from: 4 });
    expect(check.undeclared).toEqual([]);
  });

  it("treats a blank expression as nothing to mark", () => {
    expect(checkFeel("  ", declared)).toEqual({ undeclared: [] });
  });
});

describe("finding where a name is read", () => {
  it("skips string literals, comments, properties and longer names", () => {
    const source = '折扣 + "折扣" + 订单.折扣 + 折扣率 // 折扣\n+ 折扣';
    expect(checkFeel(source, declared).undeclared.filter((m) => m.name === "折扣")).toEqual([
      { name: "折扣", from: 0, to: 2 },
      { name: "折扣", from: source.lastIndexOf("折扣"), to: source.lastIndexOf("折扣") + 2 },
    ]);
  });

  it("copes with escaped quotes inside strings", () => {
    expect(checkFeel('"a\\"b" + b', declared).undeclared).toEqual([{ name: "b", from: 9, to: 10 }]);
  });

  it("does not mark a name bound by the expression itself", () => {
    expect(checkFeel("for 折扣 in 订单 return 折扣 * 2", declared).undeclared).toEqual([]);
  });
});
