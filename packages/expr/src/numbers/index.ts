export { type FeelNumber, fromBigInt, isFeelDecimal, toDouble } from "./decimal";
export { decimalNumbers } from "./system";
