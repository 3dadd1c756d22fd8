import { describe, expect, it } from "vitest";
import { hasNestedQuantifier } from "../src/regex-guard";

describe("screening regular expressions for catastrophic backtracking", () => {
  it.each(["(a+)+", "(a*)*", "^(\\w+\\s?)*$", "(?:a|b+){2,}", "((ab)+c)*", "(x+x+)+y"])(
    "refuses %s",
    (p) => {
      expect(hasNestedQuantifier(p)).toBe(true);
    },
  );

  it.each(["^订单-\\d+$", "a+b+", "(ab)+", "(a|b)*c", "[(+*)]+", "\\(a+\\)+", "(a{2})+", "(a?)+"])(
    "allows %s",
    (p) => {
      expect(hasNestedQuantifier(p)).toBe(false);
    },
  );
});
