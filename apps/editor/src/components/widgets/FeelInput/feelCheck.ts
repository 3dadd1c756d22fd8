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
  const undeclared = analysis.names
    .filter((name) => !declared.has(name) && !feelAnalyzer.isBuiltin(name))
    .flatMap((name) => findNameRanges(source, name).map((range) => ({ ...range, name })));
  return { undeclared: undeclared.sort((a, b) => a.from - b.from) };
}

function syntaxKind(message: string): SyntaxKind {
  if (/^incomplete/i.test(message)) return "incomplete";
  if (/unrecognized|unexpected/i.test(message)) return "unexpected";
  return "other";
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Where `name` is read in `source`: whole-word occurrences outside string literals and comments,
 * and not after a `.` (there it is a property of something else, as in `订单.金额`).
 */
export function findNameRanges(source: string, name: string): FeelMark[] {
  if (name === "") return [];
  const ranges: FeelMark[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '"') {
      i = skipString(source, i);
      continue;
    }
    if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      i = end === -1 ? source.length : end;
      continue;
    }
    if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? source.length : end + 2;
      continue;
    }
    if (source.startsWith(name, i) && isWordAt(source, i, i + name.length)) {
      ranges.push({ from: i, to: i + name.length });
      i += name.length;
      continue;
    }
    i += 1;
  }
  return ranges;
}

function skipString(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== '"') i += source[i] === "\\" ? 2 : 1;
  return i + 1;
}

function isWordAt(source: string, from: number, to: number): boolean {
  const before = source.slice(0, from).trimEnd().at(-1);
  const previous = source[from - 1];
  const next = source[to];
  if (previous !== undefined && IDENTIFIER_CHAR.test(previous)) return false;
  if (next !== undefined && IDENTIFIER_CHAR.test(next)) return false;
  return before !== ".";
}
