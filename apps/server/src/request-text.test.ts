import { describe, expect, test } from "vitest";
import { nestedDeeperThan } from "./request-text";

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

describe("how deep a JSON body nests, before it is parsed", () => {
  test("counts objects and arrays alike, up to the limit", () => {
    expect(nestedDeeperThan(nested(100), 100)).toBe(false);
    expect(nestedDeeperThan(nested(101), 100)).toBe(true);
    expect(nestedDeeperThan(`${"[".repeat(101)}${"]".repeat(101)}`, 100)).toBe(true);
  });

  test("siblings do not add up: only nesting counts", () => {
    const wide = `[${Array.from({ length: 500 }, () => "[[1]]").join(",")}]`;
    expect(nestedDeeperThan(wide, 3)).toBe(false);
  });

  test("brackets inside strings, escaped quotes included, are text", () => {
    const text = JSON.stringify({ note: `${"[{".repeat(200)} \\" ${'"'.repeat(3)} ]` });
    expect(nestedDeeperThan(text, 2)).toBe(false);
    expect(nestedDeeperThan(`{"a":"\\\\",${'"b":['.repeat(3)}1]]]}`, 3)).toBe(true);
  });
});
