// The validator needs to parse expressions, but `schema` depends on zod only; the expression
// package provides this port (`feelAnalyzer` in @playbook/expr) and callers pass it in.

export type ExpressionKind = "expression" | "unaryTest";

export type ExpressionAnalysis =
  | {
      ok: true;
      /** Top-level variable names the expression reads. */
      names: string[];
      /** Names read inside filters (`list[金额 > 100]`): item properties or variables. */
      itemNames?: string[];
      /**
       * Where the names in `names` are read, as UTF-16 offsets into the source (as CodeMirror
       * counts). Optional: without it the validator finds each name by a lexical scan.
       */
      nameRanges?: { name: string; from: number; to: number }[];
    }
  | { ok: false; message: string; from: number; to: number; line?: number; column?: number };

export interface ExpressionAnalyzer {
  analyze(source: string, kind?: ExpressionKind): ExpressionAnalysis;
  /** Names usable without declaration (FEEL built-in functions and constants). */
  isBuiltin(name: string): boolean;
}
