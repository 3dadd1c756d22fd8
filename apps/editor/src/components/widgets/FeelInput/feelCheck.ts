// What FeelInput marks as the user types, computed with the same analyzer the validator uses:
// a syntax error with its range, and every place a name is read that no variable declares.
import { feelAnalyzer } from "@playbook/expr";
import type { ExpressionKind } from "@playbook/schema";

export interface FeelMark {
  from: number;
  to: number;
}

export type SyntaxKind = "incomplete" | "unexpected" | "other";

export interface FeelCheck {
  syntax?: FeelMark & { kind: SyntaxKind; detail: string };
  undeclared: (FeelMark & { name: string })[];
}

export function checkFeel(
  source: string,
  declared: ReadonlySet<string>,
  kind: ExpressionKind = "expression",
): FeelCheck {
  if (source.trim() === "") return { undeclared: [] };
  const analysis = feelAnalyzer.analyze(source, kind);
  if (!analysis.ok) {
    return {
      syntax: {
        from: analysis.from,
        to: Math.max(analysis.to, analysis.from),
        kind: syntaxKind(analysis.message),
        detail: analysis.message,
      },
      undeclared: [],
    };
  }
  // The parser knows where each name is read (not in strings, comments or `订单.金额`).
  const undeclared = (analysis.nameRanges ?? [])
    .filter(({ name }) => !declared.has(name) && !feelAnalyzer.isBuiltin(name))
    .map(({ name, from, to }) => ({ name, from, to }));
  return { undeclared: undeclared.sort((a, b) => a.from - b.from) };
}

function syntaxKind(message: string): SyntaxKind {
  if (/^incomplete/i.test(message)) return "incomplete";
  if (/unrecognized|unexpected/i.test(message)) return "unexpected";
  return "other";
}
