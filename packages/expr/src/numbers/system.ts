// The number system handed to the patched feelin (`compile(…, { numbers })`): FEEL numbers as
// decimals (decimal.ts), exact operators (arithmetic.ts) and numeric built-ins (functions.ts).
import type { NumberSystem } from "feelin";
import {
  add,
  compare,
  divide,
  equals,
  literal,
  multiply,
  parse,
  power,
  subtract,
} from "./arithmetic";
import { isFeelDecimal, toDouble } from "./decimal";
import { callNumericFunction } from "./functions";

export const decimalNumbers: NumberSystem = {
  isNumber: isFeelDecimal,
  literal,
  parse,
  add,
  subtract,
  multiply,
  divide,
  power,
  compare,
  equals,
  toDouble,
  call: callNumericFunction,
};
