// Bounds the work one evaluation may do. The patched interpreter reports work to a meter
// (iterations, calls, list sizes, string lengths, regex patterns, call depth); the meter
// throws BudgetExceeded when a bound is crossed, which the caller turns into a `budget` error.
import type { EvaluationMeter } from "feelin";
import type { BudgetLimit } from "./errors";
import { hasNestedQuantifier } from "./regex-guard";

export interface Budget {
  /** Iterations, function calls and list elements materialized, summed over the evaluation. */
  maxSteps: number;
  /** Nesting of user-defined FEEL function calls (recursion). */
  maxDepth: number;
  /** Length of any string the evaluation produces. */
  maxTextLength: number;
  /** Values (scalars, list items, context entries) copied from the variables into scope. */
  maxInputNodes: number;
  /** Length of the expression source. */
  maxSourceLength: number;
}

/**
 * Generous for conditions and mappings (a filter over 100k orders fits), small enough that a
 * runaway stops in well under a second on one core.
 */
export const DEFAULT_BUDGET: Readonly<Budget> = Object.freeze({
  maxSteps: 1_000_000,
  maxDepth: 64,
  maxTextLength: 1_000_000,
  maxInputNodes: 1_000_000,
  maxSourceLength: 20_000,
});

export class BudgetExceeded extends Error {
  constructor(
    readonly limit: BudgetLimit,
    message: string,
  ) {
    super(message);
    this.name = "BudgetExceeded";
  }
}

/** Long strings cost steps too, so repeated work over big text is bounded by maxSteps. */
const CHARS_PER_STEP = 64;

export function resolveBudget(overrides: Partial<Budget> | undefined): Budget {
  return overrides === undefined ? DEFAULT_BUDGET : { ...DEFAULT_BUDGET, ...overrides };
}

export function createMeter(budget: Budget): EvaluationMeter {
  let steps = 0;
  let depth = 0;
  const step = (units: number) => {
    steps += units;
    if (steps > budget.maxSteps) {
      throw new BudgetExceeded("steps", `evaluation exceeded ${budget.maxSteps} steps`);
    }
  };
  return {
    step,
    text(length) {
      if (length > budget.maxTextLength) {
        throw new BudgetExceeded(
          "text",
          `evaluation produced a string longer than ${budget.maxTextLength} characters`,
        );
      }
      step(Math.ceil(length / CHARS_PER_STEP));
    },
    pattern(source) {
      if (hasNestedQuantifier(source)) {
        throw new BudgetExceeded(
          "pattern",
          `regular expression ${JSON.stringify(source)} repeats a repetition and may never finish`,
        );
      }
    },
    enter() {
      depth++;
      step(1);
      if (depth > budget.maxDepth) {
        throw new BudgetExceeded("depth", `function calls nested deeper than ${budget.maxDepth}`);
      }
    },
    leave() {
      depth--;
    },
  };
}

/** A JS stack overflow (deeply nested source or data) is a budget problem, not a crash. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
