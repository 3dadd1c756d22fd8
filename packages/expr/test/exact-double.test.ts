import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeelDecimal, fromDecimal } from "../src/numbers/decimal";
import { exactProduct, exactQuotient, exactRound, exactSum } from "../src/numbers/exact-double";

// The double shortcuts must agree with decimal.js wherever they answer at all.
const shortDecimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.nat({ max: 18 }))
  .map(([m, k]) => Number(`${m}e-${k}`));
const money = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((cents) => cents / 100);
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const number = fc.oneof(shortDecimal, money, fc.integer(), anyDouble);

const decimal = (x: number) => new FeelDecimal(x);
const modes: Decimal.Rounding[] = [
  Decimal.ROUND_UP,
  Decimal.ROUND_DOWN,
  Decimal.ROUND_CEIL,
  Decimal.ROUND_FLOOR,
  Decimal.ROUND_HALF_UP,
  Decimal.ROUND_HALF_DOWN,
  Decimal.ROUND_HALF_EVEN,
];

const agrees = (fast: number | undefined, exact: Decimal) =>
  fast === undefined || fromDecimal(exact) === fast;

describe("exact decimal shortcuts on doubles", () => {
  it("answer the everyday cases", () => {
    expect(exactSum(0.1, 0.2)).toBe(0.3);
    expect(exactProduct(9999.99, 0.9)).toBe(8999.991);
    expect(exactQuotient(268, 10)).toBe(26.8);
    expect(exactRound(8999.991, 2, Decimal.ROUND_HALF_EVEN)).toBe(8999.99);
    expect(exactRound(2.675, 2, Decimal.ROUND_HALF_UP)).toBe(2.68);
    expect(exactRound(-2.5, 0, Decimal.ROUND_HALF_EVEN)).toBe(-2);
    expect(exactQuotient(10, 3)).toBeUndefined();
  });

  it("add and multiply exactly, or leave it to decimal.js", () => {
    fc.assert(
      fc.property(number, number, (a, b) => {
        expect(agrees(exactSum(a, b), decimal(a).plus(decimal(b)))).toBe(true);
        expect(agrees(exactProduct(a, b), decimal(a).times(decimal(b)))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("divide exactly, or leave it to decimal.js", () => {
    fc.assert(
      fc.property(
        number,
        number.filter((b) => b !== 0),
        (a, b) => agrees(exactQuotient(a, b), decimal(a).dividedBy(decimal(b))),
      ),
      { numRuns: 5000 },
    );
  });

  it("round to a scale exactly in every rounding mode, or leave it to decimal.js", () => {
    fc.assert(
      fc.property(
        number,
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(...modes),
        (x, scale, mode) => agrees(exactRound(x, scale, mode), decimal(x).toDP(scale, mode)),
      ),
      { numRuns: 5000 },
    );
  });
});
