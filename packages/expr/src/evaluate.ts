// evaluate(): the one-call form used by the engine and the editor's test-run. It goes through
// compile(), so repeated sources are parsed once.
import type { ExpressionKind } from "@playbook/schema";
import { compile, type EvaluateCompiledOptions } from "./compile";
import type { EvalResult } from "./errors";

export interface EvaluateOptions extends EvaluateCompiledOptions {
  kind?: ExpressionKind;
  /** Only these names are in scope; any other name reads as null, never a host value. */
  declared?: Iterable<string>;
}

/** Evaluate FEEL against plain JSON variables; the value comes back as plain JSON (see toJson). */
export function evaluate(
  source: string,
  variables: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): EvalResult {
  const { kind = "expression", declared, ...evaluateOptions } = options;
  const compiled = compile(source, kind, {
    declared,
    // Without a declaration, the variables' own names tell the parser about multi-word names.
    knownNames: declared === undefined ? Object.keys(variables) : undefined,
  });
  return compiled.evaluate(variables, evaluateOptions);
}
