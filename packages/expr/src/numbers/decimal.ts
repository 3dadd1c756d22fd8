// How FEEL numbers are held. FEEL numbers are decimals (DMN: IEEE 754-2008 Decimal128, 34
// significant digits, half-even rounding). Inside the interpreter a number is either
// - a JS number, standing for the decimal its shortest text spells (`String(0.1)` is "0.1"),
//   which is exactly what a JSON number such as `0.1` means; or
// - a FeelDecimal (decimal.js, 34 digits) when no double spells the value: `1/3`, `2^53 + 1`.
// Every result is turned back into a JS number whenever that loses nothing (`fromDecimal`), so
// business values stay plain numbers: fast, and what list indexing and date building expect.
import Decimal from "decimal.js";

export const FeelDecimal = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  // modulo(-12, 5) = 3: the remainder takes the divisor's sign (DMN `modulo`)
  modulo: Decimal.ROUND_FLOOR,
  // Decimal128's exponent range: beyond it, overflow is Infinity (FEEL null), underflow is 0
  minE: -6176,
  maxE: 6144,
  // string() of a decimal reads like String() of a double: exponent form outside 1e-7..1e21
  toExpNeg: -7,
  toExpPos: 21,
});
export type FeelDecimal = Decimal;

/** A FEEL number as the patched interpreter holds it. */
export type FeelNumber = number | FeelDecimal;

export function isFeelDecimal(value: unknown): value is FeelDecimal {
  return value instanceof FeelDecimal;
}

export function toDecimal(value: FeelNumber): FeelDecimal {
  // decimal.js reads a JS number through its shortest text, i.e. the decimal it stands for
  return typeof value === "number" ? new FeelDecimal(value) : value;
}

/**
 * The value as a FEEL number: a JS number when that double spells it exactly, else the decimal
 * itself. Non-finite results (overflow beyond 10^6144, 0/0) are null, as FEEL has no infinity.
 */
export function fromDecimal(value: FeelDecimal): FeelNumber | null {
  if (!value.isFinite()) return null;
  if (value.isZero()) return 0;
  // Any decimal of up to 15 significant digits survives a trip through a double (DBL_DIG), in
  // the doubles' normal range; one of 16 or 17 only if it is its double's shortest text; no
  // shortest text is longer than 17 digits.
  const digits = value.sd();
  if (digits > 17) return value;
  const double = value.toNumber();
  if (digits <= 15 && value.e > -300 && value.e < 300) return double;
  return Number.isFinite(double) && new FeelDecimal(double).eq(value) ? double : value;
}

/** Digits past Decimal128's 34 are rounded off (half even), as the FEEL literal would be. */
export function fromText(text: string): FeelNumber | null {
  return fromDecimal(new FeelDecimal(text).toSignificantDigits());
}

/** An integer beyond 2^53 kept exactly up to 34 digits (rounded beyond), not the nearest double. */
export function fromBigInt(value: bigint): FeelNumber | null {
  const double = Number(value);
  if (Number.isSafeInteger(double)) return double;
  return fromDecimal(new FeelDecimal(value).toSignificantDigits());
}

/**
 * The nearest double: what leaves this package as JSON, and what feelin's own code (list
 * positions, date parts) gets. A decimal with more digits than a double holds loses them here;
 * one beyond the doubles' range becomes ±Infinity (JSON null) or 0.
 */
export function toDouble(value: FeelNumber): number {
  return typeof value === "number" ? value : value.toNumber();
}
