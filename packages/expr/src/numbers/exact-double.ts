// Exact decimal +, −, ×, ÷ on doubles without decimal.js, for the everyday case (money, rates,
// quantities): a speed path only, each result is checked to be the exact decimal one.
//
// Why it is exact. A double x stands for the decimal its shortest text spells (decimal.ts).
// If x === m / 10^k for an integer |m| < 10^15 and k ≤ 22 (both m and 10^k are exact doubles,
// and IEEE division rounds correctly), x is the nearest double to the decimal m·10^-k; as that
// decimal has at most 15 significant digits, it is the one x stands for (DBL_DIG = 15). So the
// operands are m_a·10^-k_a and m_b·10^-k_b exactly; integer arithmetic on the m's is exact while
// it stays below 2^53, and a result n·10^-k with |n| < 10^15 comes back, again by IEEE division,
// as the double standing for exactly that decimal. Anything else returns undefined and goes to
// decimal.js.
import Decimal from "decimal.js";

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k); // 10^0 … 10^22, all exact
const MAX_MANTISSA = 1e15;
const MAX_SCALE = 15;

/** The smallest k with x = m / 10^k, |m| < 10^15; -1 when there is none. */
function scaleOf(x: number): number {
  for (let k = 0; k <= MAX_SCALE; k++) {
    const unit = POW10[k]!;
    const m = Math.round(x * unit);
    if (m / unit === x) return Math.abs(m) < MAX_MANTISSA ? k : -1;
  }
  return -1;
}

function mantissa(x: number, k: number): number {
  return Math.round(x * POW10[k]!);
}

export function exactSum(a: number, b: number): number | undefined {
  const ka = scaleOf(a);
  const kb = ka < 0 ? -1 : scaleOf(b);
  if (kb < 0) return undefined;
  const k = Math.max(ka, kb);
  const ma = mantissa(a, ka) * POW10[k - ka]!;
  const mb = mantissa(b, kb) * POW10[k - kb]!;
  if (!Number.isSafeInteger(ma) || !Number.isSafeInteger(mb)) return undefined;
  const sum = ma + mb; // exact below 2^53; a rounded sum is never below 10^15 either
  if (Math.abs(sum) >= MAX_MANTISSA) return undefined;
  return sum === 0 ? 0 : sum / POW10[k]!;
}

export function exactProduct(a: number, b: number): number | undefined {
  const ka = scaleOf(a);
  const kb = ka < 0 ? -1 : scaleOf(b);
  if (kb < 0 || ka + kb > 22) return undefined;
  const product = mantissa(a, ka) * mantissa(b, kb);
  if (!(Math.abs(product) < MAX_MANTISSA)) return undefined;
  return product === 0 ? 0 : product / POW10[ka + kb]!;
}

/** a / b when the quotient is a short decimal (26.8 = 268 / 10): checked by multiplying back. */
export function exactQuotient(a: number, b: number): number | undefined {
  const quotient = a / b;
  if (!Number.isFinite(quotient)) return undefined;
  return exactProduct(quotient, b) === a ? quotient : undefined;
}

/**
 * x rounded to `scale` decimal places (0 ≤ scale ≤ 15) in one of decimal.js's rounding modes,
 * on the integer mantissa: 26.8 floored is 26, 8999.991 to two places (half even) is 8999.99.
 */
export function exactRound(x: number, scale: number, mode: Decimal.Rounding): number | undefined {
  if (scale < 0 || scale > MAX_SCALE) return undefined;
  const k = scaleOf(x);
  if (k < 0) return undefined;
  if (k <= scale) return x;
  const m = mantissa(x, k);
  const divisor = POW10[k - scale]!;
  const sign = m < 0 ? -1 : 1;
  // truncated quotient and remainder, exact: a quotient rounded up to an integer is corrected
  let quotient = Math.trunc(m / divisor);
  let remainder = m - quotient * divisor;
  if (remainder !== 0 && remainder < 0 !== m < 0) {
    quotient -= sign;
    remainder += sign * divisor;
  }
  if (remainder !== 0) {
    const away = awayFromZero(mode, m, quotient, 2 * Math.abs(remainder) - divisor);
    if (away === undefined) return undefined;
    if (away) quotient += sign;
  }
  return quotient === 0 ? 0 : quotient / POW10[scale]!;
}

/** Whether to round away from zero; `half` compares the dropped part with one half (−, 0, +). */
function awayFromZero(
  mode: Decimal.Rounding,
  m: number,
  quotient: number,
  half: number,
): boolean | undefined {
  switch (mode) {
    case Decimal.ROUND_UP:
      return true;
    case Decimal.ROUND_DOWN:
      return false;
    case Decimal.ROUND_CEIL:
      return m > 0;
    case Decimal.ROUND_FLOOR:
      return m < 0;
    case Decimal.ROUND_HALF_UP:
      return half >= 0;
    case Decimal.ROUND_HALF_DOWN:
      return half > 0;
    case Decimal.ROUND_HALF_EVEN:
      return half > 0 || (half === 0 && Math.abs(quotient) % 2 === 1);
    default:
      return undefined; // ROUND_HALF_CEIL / ROUND_HALF_FLOOR: left to decimal.js
  }
}
