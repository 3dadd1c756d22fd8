// The ExpressionAnalyzer port of @playbook/schema: parse errors with positions and the names an
// expression reads, for the shared validator (editor and server) and autocomplete.
import type { ExpressionAnalyzer } from "@playbook/schema";
import { isBuiltinName } from "./builtins";
import { compile } from "./compile";

export const feelAnalyzer: ExpressionAnalyzer = {
  analyze(source, kind = "expression") {
    const compiled = compile(source, kind);
    if (compiled.error !== null) {
      const { message, from = 0, to = source.length, line, column } = compiled.error;
      return { ok: false, message, from, to, line, column };
    }
    const { names, itemNames, occurrences } = compiled.reads;
    const nameRanges = occurrences
      .filter((occurrence) => !occurrence.inFilter)
      .map(({ name, from, to }) => ({ name, from, to }));
    return { ok: true, names: [...names], itemNames: [...itemNames], nameRanges };
  },
  isBuiltin: isBuiltinName,
};
