import { SyntaxError as FeelSyntaxError, evaluate as feelinEvaluate } from "feelin";
import { describe, expect, it } from "vitest";
import { FEEL_BUILTINS, feelAnalyzer } from "../src/index";

/** Whether the interpreter resolves `name(...)` to a function (it warns when it does not). */
const interpreterKnows = (name: string): boolean => {
  try {
    const { warnings } = feelinEvaluate(`${name}()`);
    return !warnings.some((w) => w.type === "NO_VARIABLE_FOUND" || w.type === "NO_FUNCTION_FOUND");
  } catch (error) {
    // a multi-word name the grammar does not know fails to parse; anything else resolved
    // the function and then refused the missing arguments
    return !(error instanceof FeelSyntaxError);
  }
};

describe("the built-in function list offered for autocomplete", () => {
  it("names only functions the interpreter knows", () => {
    expect(interpreterKnows("nosuch")).toBe(false);
    expect(interpreterKnows("no such function")).toBe(false);
    for (const { name } of FEEL_BUILTINS) expect(interpreterKnows(name), name).toBe(true);
  });

  it("covers the functions business users reach for", () => {
    const names = FEEL_BUILTINS.map((b) => b.name);
    for (const name of [
      "sum",
      "count",
      "string length",
      "contains",
      "date",
      "today",
      "round half up",
      "sort",
    ]) {
      expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it("describes every function in Chinese and English", () => {
    for (const builtin of FEEL_BUILTINS) {
      expect(builtin.description.en.length, builtin.name).toBeGreaterThan(3);
      expect(builtin.description["zh-CN"], builtin.name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(FEEL_BUILTINS.find((b) => b.name === "round half up")?.description["zh-CN"]).toBe(
      "四舍五入",
    );
  });

  it("agrees with the analyzer on what is built in", () => {
    for (const { name } of FEEL_BUILTINS) expect(feelAnalyzer.isBuiltin(name)).toBe(true);
    expect(feelAnalyzer.isBuiltin("金额")).toBe(false);
  });
});
