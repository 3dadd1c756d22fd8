// A FEEL source parsed and built into an execution tree once (the patched feelin `compile`),
// plus the names it reads. Programs are immutable and shared through the LRU cache; scoping,
// budgets and JSON conversion happen per evaluation in compile.ts.
import type { ExpressionKind } from "@playbook/schema";
import { type CompiledExpression as FeelProgram, compile as feelCompile } from "feelin";
import { type ExprError, syntaxError } from "./errors";
import { decimalNumbers } from "./numbers";
import { type ReadNames, readNames } from "./read-names";

export interface Program {
  readonly source: string;
  readonly kind: ExpressionKind;
  /** Null when the source does not parse; `error` says why. */
  readonly feel: FeelProgram | null;
  readonly error: ExprError | null;
  readonly names: ReadNames;
}

const NO_NAMES: ReadNames = Object.freeze({
  names: [],
  itemNames: [],
  builtins: [],
  occurrences: [],
});

/**
 * @param parseNames multi-word variable names (`order total`): FEEL's grammar needs them up
 *   front to read `order total > 5` as one name; single-word names parse the same either way.
 */
export function buildProgram(
  source: string,
  kind: ExpressionKind,
  parseNames: readonly string[],
  maxSourceLength: number,
): Program {
  if (source.length > maxSourceLength) {
    const error: ExprError = {
      code: "budget",
      limit: "source",
      message: `expression is longer than ${maxSourceLength} characters`,
      from: 0,
      to: source.length,
    };
    return { source, kind, feel: null, error, names: NO_NAMES };
  }
  try {
    const feel = feelCompile(source, {
      kind: kind === "unaryTest" ? "unaryTests" : "expression",
      parseContext: Object.fromEntries(parseNames.map((name) => [name, null])),
      // FEEL numbers are decimals: 0.1 + 0.2 = 0.3 (numbers/decimal.ts)
      numbers: decimalNumbers,
    });
    return { source, kind, feel, error: null, names: readNames(feel.parseTree, source) };
  } catch (error) {
    return { source, kind, feel: null, error: toSyntaxError(source, error), names: NO_NAMES };
  }
}

function toSyntaxError(source: string, error: unknown): ExprError {
  const position = (error as { position?: { from?: unknown; to?: unknown } }).position;
  const from = typeof position?.from === "number" ? position.from : 0;
  const to = typeof position?.to === "number" ? position.to : source.length;
  const message = error instanceof Error ? error.message : String(error);
  return syntaxError(source, message, from, to);
}
