// The validator needs to parse expressions, but `schema` depends on zod only; the expression
// package provides this port (`feelAnalyzer` in @playbook/expr) and callers pass it in.

export type ExpressionKind = "expression" | "unaryTest";

export type ExpressionAnalysis =
  | {
      ok: true;
      /** Top-level variable names the expression reads. */
      names: string[];
    }
  | { ok: false; message: string; from: number; to: number };

export interface ExpressionAnalyzer {
  analyze(source: string, kind?: ExpressionKind): ExpressionAnalysis;
  /** Names usable without declaration (FEEL built-in functions and constants). */
  isBuiltin(name: string): boolean;
}
