// FEEL for business users, wrapped. PUBLIC API — the engine, validator and editor rely on these
// names and shapes. (Initial naive implementation; see packages/expr/README.md.)
import type { ExpressionAnalyzer, ExpressionKind } from "@playbook/schema";
import { evaluate as feelEvaluate, parseExpression, parseUnaryTests, unaryTest } from "feelin";

export type { ExpressionKind };

export interface ExprError {
  code: "syntax" | "runtime" | "budget";
  message: string;
  from?: number;
  to?: number;
}

export type EvalResult = { ok: true; value: unknown } | { ok: false; error: ExprError };

export interface EvaluateOptions {
  kind?: ExpressionKind;
  /** For unary tests: the input value (`?`). */
  input?: unknown;
}

/** Evaluate FEEL against plain JSON variables; the value comes back as plain JSON (see toJson). */
export function evaluate(
  source: string,
  variables: Record<string, unknown>,
  options: EvaluateOptions = {},
): EvalResult {
  try {
    const kind = options.kind ?? "expression";
    const raw =
      kind === "expression"
        ? feelEvaluate(source, { ...variables }).value
        : unaryTest(source, { ...variables, "?": options.input });
    return { ok: true, value: toJson(raw) };
  } catch (error) {
    return { ok: false, error: { code: "runtime", message: (error as Error).message } };
  }
}

/** FEEL values to JSON: dates and date-times as ISO strings, durations as ISO durations. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const iso = (value as { iso?: unknown }).iso;
    if (typeof iso === "string") return iso;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  if (typeof value === "function") return null;
  return value;
}

export const feelAnalyzer: ExpressionAnalyzer = {
  analyze(source, kind = "expression") {
    try {
      const tree = kind === "expression" ? parseExpression(source) : parseUnaryTests(source);
      const names = new Set<string>();
      tree.iterate({
        enter(node) {
          if (node.name === "VariableName") names.add(source.slice(node.from, node.to));
        },
      });
      return { ok: true, names: [...names] };
    } catch (error) {
      return { ok: false, message: (error as Error).message, from: 0, to: source.length };
    }
  },
  isBuiltin: () => false,
};

/**
 * Add an ISO 8601 duration to an instant (epoch ms), calendar-aware for years/months/days.
 * Returns undefined for text that is not a duration.
 */
export function addDuration(epochMs: number, isoDuration: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    isoDuration,
  );
  if (!m) return undefined;
  const [, y, mo, w, d, h, mi, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
  const date = new Date(epochMs);
  date.setUTCFullYear(date.getUTCFullYear() + (y ?? 0), date.getUTCMonth() + (mo ?? 0), date.getUTCDate() + (w ?? 0) * 7 + (d ?? 0));
  return date.getTime() + ((h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0)) * 1000;
}
