// The shared validator (@playbook/schema, with FEEL from @playbook/expr) as the editor calls it:
// the same result object for the same definition object, so every panel reading the one
// definition of the store pays for one validation.
import { feelAnalyzer } from "@playbook/expr";
import { type NodeManifest, type Problem, validateDefinition } from "@playbook/schema";
import { indexProblems, type ProblemIndex } from "./problemIndex";
import { builtinSettingTitles } from "./setting-titles";

export interface EditorValidation extends ProblemIndex {
  /** False exactly when some problem is an error (warnings do not block publishing). */
  ok: boolean;
  problems: Problem[];
}

const cache = new WeakMap<
  object,
  { manifests: readonly NodeManifest[]; result: EditorValidation }
>();

export function validateForEditor(
  definition: unknown,
  manifests: readonly NodeManifest[],
): EditorValidation {
  const key = typeof definition === "object" && definition !== null ? definition : undefined;
  const cached = key ? cache.get(key) : undefined;
  if (cached && cached.manifests === manifests) return cached.result;
  const { ok, problems } = validateDefinition(definition, manifests, {
    expressions: feelAnalyzer,
    // A shape error in one node should not hide every other problem while the user edits.
    checkParsedParts: true,
    settingTitles: builtinSettingTitles,
  });
  const result = { ok, problems, ...indexProblems(problems) };
  if (key) cache.set(key, { manifests, result });
  return result;
}
