// Turns caller variables into a FEEL scope: only declared names, only plain data. Functions,
// class instances, getters, symbols and prototypes never cross into the interpreter, so no
// expression can reach a host object however it probes.
import type { VariableType } from "@playbook/schema";
import {
  dateAndTime,
  FeelDate,
  FeelDateTime,
  FeelDuration,
  FeelRange,
  FeelTime,
  parseDate,
  toFeel,
} from "feelin";
import { type Budget, BudgetExceeded } from "./budget";
import { isSingleWord, normalizeName } from "./names";
import { fromBigInt } from "./numbers";

export interface ScopeOptions {
  /** The names the expression reads (read-names.ts); nothing else is copied into scope. */
  reads: readonly string[];
  /** Only these names are in scope; without it, every own enumerable key of `variables`. */
  declared?: ReadonlySet<string>;
  /** Declared types: `date` / `datetime` strings become FEEL dates so `due < today()` works. */
  types?: Readonly<Record<string, VariableType>>;
  budget: Budget;
  /** For unary tests: the input value, in scope as `?`. */
  input?: { value: unknown };
}

const MAX_NESTING = 64;

export function buildScope(
  variables: Readonly<Record<string, unknown>>,
  options: ScopeOptions,
): Record<string, unknown> {
  const copier = new PlainDataCopier(options.budget.maxInputNodes);
  const scope: Record<string, unknown> = {};
  for (const name of namesInScope(variables, options)) {
    const present = Object.hasOwn(variables, name);
    // A declared variable without a value is null; an undeclared, absent name stays out of
    // scope so the interpreter reports it (NO_VARIABLE_FOUND) and reads null.
    if (!present && options.declared === undefined) continue;
    const value = copier.copy(present ? variables[name] : null, 0);
    define(scope, name, coerceDeclaredType(value, options.types?.[name]));
  }
  if (options.input !== undefined) define(scope, "?", copier.copy(options.input.value, 0));
  return scope;
}

/**
 * The variables both allowed (declared) and read. Copying only what is read keeps evaluation
 * cost independent of how many variables an instance holds. FEEL matches multi-word names
 * loosely (`a+b` is `a + b`), so those are compared in normalized form.
 */
function namesInScope(
  variables: Readonly<Record<string, unknown>>,
  options: ScopeOptions,
): string[] {
  const { reads, declared } = options;
  if (reads.every((name) => isSingleWord(name))) {
    return reads.filter((name) => declared === undefined || declared.has(name));
  }
  const wanted = new Set(reads.map(normalizeName));
  const candidates = declared ?? Object.keys(variables);
  return [...candidates].filter((name) => wanted.has(normalizeName(name)));
}

/** Copies only data FEEL understands; everything else becomes null. */
class PlainDataCopier {
  private nodes = 0;
  private readonly ancestors = new Set<object>();

  constructor(private readonly maxNodes: number) {}

  copy(value: unknown, depth: number): unknown {
    if (++this.nodes > this.maxNodes) {
      throw new BudgetExceeded("input", `variables hold more than ${this.maxNodes} values`);
    }
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        // a JSON number stands for the decimal it spells: 0.1 is exactly 0.1 to FEEL
        return Number.isFinite(value) ? value : null;
      case "bigint":
        // beyond 2^53 kept exactly as a decimal (up to 34 digits), not rounded to a double
        return fromBigInt(value);
      case "object":
        return value === null ? null : this.copyObject(value, depth);
      default:
        // undefined, functions, symbols
        return null;
    }
  }

  private copyObject(value: object, depth: number): unknown {
    if (isFeelValue(value)) return value;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toFeel(value);
    if (depth >= MAX_NESTING || this.ancestors.has(value)) return null;
    this.ancestors.add(value);
    try {
      if (Array.isArray(value)) return value.map((item) => this.copy(item, depth + 1));
      if (!isPlainObject(value)) return null;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        define(out, key, this.copy((value as Record<string, unknown>)[key], depth + 1));
      }
      return out;
    } finally {
      this.ancestors.delete(value);
    }
  }
}

/** FEEL's own immutable values, as produced by an earlier evaluation or `toFeel`. */
function isFeelValue(value: object): boolean {
  return (
    value instanceof FeelDate ||
    value instanceof FeelTime ||
    value instanceof FeelDateTime ||
    value instanceof FeelDuration ||
    value instanceof FeelRange
  );
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A key such as `__proto__` is data here, never the prototype setter. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function coerceDeclaredType(value: unknown, type: VariableType | undefined): unknown {
  if (typeof value !== "string") return value;
  // feelin throws (rather than returning null) for some inputs, e.g. negative years
  try {
    if (type === "date") return parseDate(value);
    if (type === "datetime") return dateAndTime(value);
  } catch {
    return null;
  }
  return value;
}
