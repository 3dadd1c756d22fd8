// FEEL's operators on numbers, decimal-exact: `0.1 + 0.2 = 0.3` holds, `1.1 * 3` is 3.3.
// Two shortcuts keep everyday arithmetic at double speed: safe integers whose result is a safe
// integer, and short decimals (exact-double.ts); everything else is decimal.js at 34 digits.
import { type FeelNumber, fromDecimal, fromText, toDecimal } from "./decimal";
import { exactProduct, exactQuotient, exactSum } from "./exact-double";

const isSafe = Number.isSafeInteger;

export function add(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (typeof a === "number" && typeof b === "number") {
    const sum = addDoubles(a, b);
    if (sum !== undefined) return sum;
  }
  return fromDecimal(toDecimal(a).plus(toDecimal(b)));
}

/** The shortcuts of `add` alone: the exact sum as a double, or undefined. */
export function addDoubles(a: number, b: number): number | undefined {
  return isSafe(a) && isSafe(b) && isSafe(a + b) ? a + b : exactSum(a, b);
}

export function subtract(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (typeof a === "number" && typeof b === "number") {
    // unary minus is `0 - b`; negating a double is exact for the decimal it stands for
    if (a === 0) return b === 0 ? 0 : -b;
    if (isSafe(a) && isSafe(b) && isSafe(a - b)) return a - b;
    const difference = exactSum(a, -b);
    if (difference !== undefined) return difference;
  }
  return fromDecimal(toDecimal(a).minus(toDecimal(b)));
}

export function multiply(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (typeof a === "number" && typeof b === "number") {
    if (isSafe(a) && isSafe(b) && isSafe(a * b)) return a * b === 0 ? 0 : a * b;
    const product = exactProduct(a, b);
    if (product !== undefined) return product;
  }
  return fromDecimal(toDecimal(a).times(toDecimal(b)));
}

/** Division by zero is null (FEEL); 10 / 3 is 3.333… to 34 significant digits. */
export function divide(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  if (b === 0) return null;
  if (typeof a === "number" && typeof b === "number") {
    const quotient = exactQuotient(a, b);
    if (quotient !== undefined) return quotient;
  }
  return fromDecimal(toDecimal(a).dividedBy(toDecimal(b)));
}

/** `**`: 10 ** -5 is exactly 0.00001; a negative base to a fractional power is null. */
export function power(a: FeelNumber, b: FeelNumber): FeelNumber | null {
  return fromDecimal(toDecimal(a).toPower(toDecimal(b)));
}

export function compare(a: FeelNumber, b: FeelNumber): -1 | 0 | 1 {
  // two doubles order like the decimals they stand for (shortest text is monotonic)
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  return toDecimal(a).comparedTo(toDecimal(b)) as -1 | 0 | 1;
}

export function equals(a: FeelNumber, b: FeelNumber): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  return toDecimal(a).equals(toDecimal(b));
}

/** A numeric literal in the source, e.g. `0.1` or 40 digits of pi (rounded to 34). */
export function literal(text: string): FeelNumber | null {
  return fromText(text);
}

const DECIMAL_TEXT = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/**
 * `number(from)` after the separators are resolved: decimal text is read exactly (up to 34
 * digits). Other text keeps feelin's JavaScript reading (`+from`); null when it is no number.
 */
export function parse(text: string): FeelNumber | null {
  if (DECIMAL_TEXT.test(text)) return fromText(text.trim());
  const double = +text;
  return Number.isFinite(double) ? double : null;
}
