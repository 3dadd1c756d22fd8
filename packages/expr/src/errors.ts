// Evaluation results and errors as data: a stable code, a message, and a position the editor
// can underline.

export type ExprErrorCode = "syntax" | "runtime" | "budget";

/** Which bound stopped an evaluation (see budget.ts). */
export type BudgetLimit = "steps" | "depth" | "text" | "pattern" | "input" | "source";

export interface ExprError {
  code: ExprErrorCode;
  message: string;
  /** UTF-16 offsets into the source, as CodeMirror and lezer count them. */
  from?: number;
  to?: number;
  /** 1-based line and column of `from`. */
  line?: number;
  column?: number;
  /** For `budget` errors: the bound that was hit. */
  limit?: BudgetLimit;
}

export interface ExprWarning {
  /** feelin's warning type, e.g. NO_VARIABLE_FOUND, INVALID_TYPE. */
  type: string;
  message: string;
  from: number;
  to: number;
}

export type EvalResult =
  | {
      ok: true;
      value: unknown /** Only when asked for (`warnings: true`). */;
      warnings?: ExprWarning[];
    }
  | { ok: false; error: ExprError };

/** A syntax error located in `source`, with line/column derived from the offset. */
export function syntaxError(source: string, message: string, from: number, to: number): ExprError {
  const before = source.slice(0, from);
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.split("\n").length;
  return { code: "syntax", message, from, to, line, column: from - lineStart + 1 };
}
