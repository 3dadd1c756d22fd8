import type { VariableDeclaration } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import { coerceDefault, duplicateNames, nameError, newVariable, patchVariable } from "./variables";

describe("variable names", () => {
  it("accepts Chinese and English names with digits and underscores", () => {
    for (const name of ["金额", "订单号", "amount", "_tmp", "渠道2", "user_id"]) {
      expect(nameError(name, [name])).toBeUndefined();
    }
  });

  it("says why a name is refused", () => {
    expect(nameError("", [""])).toBe("empty");
    expect(nameError("2号", ["2号"])).toBe("leadingDigit");
    expect(nameError("订单 金额", ["订单 金额"])).toBe("badCharacter");
    expect(nameError("a-b", ["a-b"])).toBe("badCharacter");
    expect(nameError("x".repeat(65), ["x".repeat(65)])).toBe("tooLong");
  });

  it("flags a name declared twice", () => {
    expect(nameError("金额", ["金额", "渠道", "金额"])).toBe("duplicate");
    const declared: VariableDeclaration[] = [
      { name: "金额", type: "money", required: false },
      { name: "金额", type: "number", required: false },
      { name: "渠道", type: "string", required: false },
    ];
    expect(duplicateNames(declared)).toEqual(new Set(["金额"]));
  });
});

describe("default values across a type change", () => {
  it("keeps a default that still fits", () => {
    expect(coerceDefault("VIP", "user")).toBe("VIP");
    expect(coerceDefault(["a"], "list")).toEqual(["a"]);
  });

  it("converts plain meanings", () => {
    expect(coerceDefault(12, "string")).toBe("12");
    expect(coerceDefault("12.5", "number")).toBe(12.5);
    expect(coerceDefault("true", "boolean")).toBe(true);
    expect(coerceDefault(100, "money")).toEqual({ amount: 100, currency: "CNY" });
    expect(coerceDefault({ amount: 9, currency: "USD" }, "number")).toBe(9);
    expect(coerceDefault("2025-06-18T09:00:00+08:00", "date")).toBe("2025-06-18");
  });

  it("drops a default that has no sensible meaning in the new type", () => {
    expect(coerceDefault("abc", "number")).toBeUndefined();
    expect(coerceDefault("maybe", "boolean")).toBeUndefined();
    expect(coerceDefault({ a: 1 }, "datetime")).toBeUndefined();
  });

  it("re-checks the default when the type changes in the panel", () => {
    const declared: VariableDeclaration[] = [
      { name: "金额", type: "string", required: false, default: "abc" },
    ];
    const next = patchVariable(declared, 0, { type: "number" });
    expect(next[0]).toEqual({ name: "金额", type: "number", required: false });
    const kept = patchVariable([{ ...declared[0]!, default: "15" }], 0, { type: "number" });
    expect(kept[0]?.default).toBe(15);
  });
});

describe("adding a variable", () => {
  it("names it after the first free number", () => {
    const declared: VariableDeclaration[] = [
      { name: "变量1", type: "string", required: false },
      { name: "变量2", type: "string", required: false },
    ];
    expect(newVariable(declared, "变量")).toEqual({
      name: "变量3",
      type: "string",
      required: false,
    });
    expect(newVariable([{ name: "变量2", type: "string", required: false }], "变量").name).toBe(
      "变量3",
    );
  });
});

describe("clearing a default", () => {
  it("removes the key instead of storing undefined", () => {
    const next = patchVariable([{ name: "a", type: "number", required: false, default: 1 }], 0, {
      default: undefined,
    });
    expect(next[0]).not.toHaveProperty("default");
  });
});
