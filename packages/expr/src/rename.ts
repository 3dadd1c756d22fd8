// Renaming a variable inside one FEEL expression: every place the expression reads the old name
// from its variables is rewritten, and nothing else — not path segments (`客户.金额`), context
// keys, names the expression binds itself (`for 金额 in …`), or text inside strings. The rest of
// the source is kept byte for byte, so comments, spacing and formatting survive.
import type { ExpressionKind } from "@playbook/schema";
import { isBuiltinName } from "./builtins";
import { compile } from "./compile";
import { isSingleWord } from "./names";

export type RenameOutcome =
  | {
      ok: true;
      /** The expression with the name replaced (the same string when it was not read). */
      source: string;
      /** How many places were rewritten. */
      renamed: number;
      /**
       * Reads inside list filters (`订单[金额 > 100]`), left as written: there the name may be a
       * property of each item rather than the variable.
       */
      inFilters: number;
    }
  | {
      ok: false;
      /**
       * `syntax`: the expression does not parse, so its names cannot be told apart;
       * `captured`: the new name is bound by the expression where the old one is read
       * (`for 单价 in 列表 return 单价 * 数量` renaming 数量 to 单价) and would change meaning;
       * `invalidName`: the new name cannot be read as a FEEL variable.
       */
      reason: "syntax" | "captured" | "invalidName";
    };

export function renameVariable(
  source: string,
  from: string,
  to: string,
  kind: ExpressionKind = "expression",
): RenameOutcome {
  if (!readsAsVariable(to)) return { ok: false, reason: "invalidName" };
  if (from === to || !source.includes(from)) return { ok: true, source, renamed: 0, inFilters: 0 };
  const compiled = compile(source, kind);
  if (compiled.error !== null) return { ok: false, reason: "syntax" };
  const targets = compiled.reads.occurrences.filter((occurrence) => occurrence.name === from);
  let inFilters = 0;
  const rewritten: { from: number; to: number }[] = [];
  for (const occurrence of targets) {
    if (occurrence.inFilter) {
      inFilters++;
      continue;
    }
    if (occurrence.bound.has(to)) return { ok: false, reason: "captured" };
    rewritten.push(occurrence);
  }
  let result = source;
  for (const { from: start, to: end } of [...rewritten].sort((a, b) => b.from - a.from)) {
    result = result.slice(0, start) + to + result.slice(end);
  }
  return { ok: true, source: result, renamed: rewritten.length, inFilters };
}

/** A single word that FEEL reads as a variable: not a keyword (`and`, `true`) or a built-in. */
function readsAsVariable(name: string): boolean {
  if (!isSingleWord(name) || isBuiltinName(name)) return false;
  const probe = compile(name);
  return probe.error === null && probe.reads.names.length === 1 && probe.reads.names[0] === name;
}
