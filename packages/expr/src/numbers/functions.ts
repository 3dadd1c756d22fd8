// FEEL's numeric built-ins on decimals: rounding to a scale, modulo, roots and logs, and the
// list statistics. feelin has already checked and converted the arguments (a number where a
// number is declared, list items all numbers); returning `undefined` leaves the call to
// feelin's own implementation, which reports the invalid argument (sqrt(-1), modulo(1, 0)).
import Decimal from "decimal.js";
import { add, addDoubles, compare, divide, multiply } from "./arithmetic";
import { FeelDecimal, type FeelNumber, fromDecimal, isFeelDecimal, toDecimal } from "./decimal";
import { exactRound } from "./exact-double";

type NumericFunction = (args: readonly unknown[]) => unknown;

// DMN: scale is an integer in −6111..6176 (Decimal128's exponent range); a fractional scale is
// truncated (the TCK expects decimal(1/3, 2.5) = 0.33)
const MIN_SCALE = -6111;
const MAX_SCALE = 6176;

function isNumber(value: unknown): value is FeelNumber {
  return typeof value === "number" || isFeelDecimal(value);
}

function toScale(value: unknown): number | null {
  if (!isNumber(value)) return null;
  const scale = Math.trunc(typeof value === "number" ? value : value.toNumber());
  return scale >= MIN_SCALE && scale <= MAX_SCALE ? scale : null;
}

function roundToScale(n: FeelNumber, scale: number, mode: Decimal.Rounding): FeelNumber | null {
  if (typeof n === "number") {
    if (Number.isSafeInteger(n) && scale >= 0) return n;
    const rounded = exactRound(n, scale, mode);
    if (rounded !== undefined) return rounded;
  }
  const value = toDecimal(n);
  if (scale >= 0) return fromDecimal(value.toDecimalPlaces(scale, mode));
  const unit = new FeelDecimal(10).toPower(-scale); // exact: a power of ten
  return fromDecimal(value.dividedBy(unit).toDecimalPlaces(0, mode).times(unit));
}

/** decimal(n, scale), round up(n, scale), …: `scale` absent means 0 (floor, ceiling). */
function rounding(mode: Decimal.Rounding): NumericFunction {
  return ([n, scaleArg]) => {
    if (!isNumber(n) || scaleArg === null) return null;
    const scale = scaleArg === undefined ? 0 : toScale(scaleArg);
    return scale === null ? null : roundToScale(n, scale, mode);
  };
}

/** Numbers of a FEEL list, or undefined when any item is not one (feelin then decides). */
function numbersOf(items: readonly unknown[]): FeelNumber[] | undefined {
  return items.every(isNumber) ? (items as FeelNumber[]) : undefined;
}

/** Doubles add through the shortcuts while they apply; from then on, in decimals. */
function sum(items: readonly FeelNumber[]): FeelNumber | null {
  let total = 0;
  let index = 0;
  for (; index < items.length; index++) {
    const item = items[index]!;
    const next = typeof item === "number" ? addDoubles(total, item) : undefined;
    if (next === undefined) break;
    total = next;
  }
  if (index === items.length) return total;
  let exact = toDecimal(total);
  for (; index < items.length; index++) exact = exact.plus(toDecimal(items[index]!));
  return fromDecimal(exact);
}

function sorted(items: readonly FeelNumber[]): FeelNumber[] {
  return [...items].sort(compare);
}

function parity(n: unknown, remainder: 0 | 1): boolean | undefined {
  if (typeof n === "number" && Number.isSafeInteger(n)) return Math.abs(n % 2) === remainder;
  if (!isNumber(n)) return undefined;
  const value = toDecimal(n);
  // a fraction is neither odd nor even (as feelin answers)
  return value.isInteger() && value.mod(2).abs().equals(remainder);
}

function extreme(sign: 1 | -1): NumericFunction {
  return (args) => {
    const items = numbersOf(args);
    if (items === undefined) return undefined;
    let best: FeelNumber | null = null;
    for (const item of items) if (best === null || compare(item, best) === sign) best = item;
    return best;
  };
}

const functions: Record<string, NumericFunction> = {
  decimal: rounding(Decimal.ROUND_HALF_EVEN),
  floor: rounding(Decimal.ROUND_FLOOR),
  ceiling: rounding(Decimal.ROUND_CEIL),
  "round up": rounding(Decimal.ROUND_UP),
  "round down": rounding(Decimal.ROUND_DOWN),
  "round half up": rounding(Decimal.ROUND_HALF_UP),
  "round half down": rounding(Decimal.ROUND_HALF_DOWN),
  abs: ([n]) => {
    if (typeof n === "number") return Math.abs(n);
    return isFeelDecimal(n) ? n.abs() : undefined; // durations: feelin's
  },
  modulo: ([dividend, divisor]) => {
    if (!isNumber(dividend) || !isNumber(divisor) || compare(divisor, 0) === 0) return undefined;
    if (typeof dividend === "number" && typeof divisor === "number") {
      if (Number.isSafeInteger(dividend) && Number.isSafeInteger(divisor)) {
        const remainder = dividend % divisor;
        if (remainder === 0) return 0;
        return remainder < 0 !== divisor < 0 ? remainder + divisor : remainder;
      }
    }
    return fromDecimal(toDecimal(dividend).modulo(toDecimal(divisor)));
  },
  sqrt: ([n]) => (isNumber(n) && compare(n, 0) >= 0 ? fromDecimal(toDecimal(n).sqrt()) : undefined),
  log: ([n]) => (isNumber(n) && compare(n, 0) > 0 ? fromDecimal(toDecimal(n).ln()) : undefined),
  exp: ([n]) => (isNumber(n) ? fromDecimal(toDecimal(n).exp()) : undefined),
  odd: ([n]) => parity(n, 1),
  even: ([n]) => parity(n, 0),
  min: extreme(-1),
  max: extreme(1),
  sum: (args) => {
    const items = numbersOf(args);
    if (items === undefined) return undefined;
    return items.length === 0 ? null : sum(items);
  },
  mean: (args) => {
    const items = numbersOf(args);
    if (items === undefined) return undefined;
    const total = items.length === 0 ? null : sum(items);
    return total === null ? null : divide(total, items.length);
  },
  product: (args) => {
    const items = numbersOf(args);
    if (items === undefined) return undefined;
    if (items.length === 0) return null;
    let result: FeelNumber | null = 1;
    for (const item of items) {
      result = multiply(result, item);
      if (result === null) return null;
    }
    return result;
  },
  median: (args) => {
    const items = numbersOf(args);
    if (items === undefined) return undefined;
    if (items.length === 0) return null;
    const ordered = sorted(items);
    const middle = Math.floor(ordered.length / 2);
    if (ordered.length % 2 === 1) return ordered[middle];
    const pair = add(ordered[middle - 1]!, ordered[middle]!);
    return pair === null ? null : divide(pair, 2);
  },
  stddev: (args) => {
    const items = numbersOf(args);
    if (items === undefined) return undefined;
    if (items.length < 2) return null;
    // sample standard deviation, all in decimals
    const values = items.map(toDecimal);
    const mean = values.reduce((total, value) => total.plus(value)).dividedBy(values.length);
    let squares = new FeelDecimal(0);
    for (const value of values) {
      const deviation = value.minus(mean);
      squares = squares.plus(deviation.times(deviation));
    }
    return fromDecimal(squares.dividedBy(values.length - 1).sqrt());
  },
  mode: (args) => {
    const items = numbersOf(args);
    if (items === undefined) return undefined;
    if (items.length < 2) return [...items];
    const counts = new Map<string, { value: FeelNumber; count: number }>();
    for (const item of items) {
      const key = String(item); // a double's shortest text, or the decimal's digits
      const entry = counts.get(key);
      if (entry === undefined) counts.set(key, { value: item, count: 1 });
      else entry.count++;
    }
    let top = 0;
    for (const entry of counts.values()) top = Math.max(top, entry.count);
    return sorted([...counts.values()].filter((e) => e.count === top).map((e) => e.value));
  },
};

/** The built-in's result, or undefined to leave the call to feelin (see module comment). */
export function callNumericFunction(name: string, args: readonly unknown[]): unknown {
  const implementation = functions[name];
  return implementation === undefined ? undefined : implementation(args);
}
