// Definition JSON files: export writes the canonical document (stable key order, so exports diff
// well); import parses with the ProcessDefinition schema and, when the file is wrong, says what is
// wrong where, in the reader's language ("Field target of edge “e” is required").
import { feelAnalyzer } from "@playbook/expr";
import {
  canonicalizeDefinition,
  type LocalizedText,
  type NodeManifest,
  ProcessDefinition,
  validateDefinition,
} from "@playbook/schema";

export type DefinitionFileResult =
  | { ok: true; definition: ProcessDefinition }
  | { ok: false; kind: "notJson"; message: string }
  | { ok: false; kind: "invalid"; issues: LocalizedText[] };

/**
 * `nodeTypes`: the installed node types, so messages name nodes by their type's title ("开始")
 * rather than their id, and settings are checked too.
 */
export function parseDefinitionFile(
  text: string,
  nodeTypes: readonly NodeManifest[] = [],
): DefinitionFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, kind: "notJson", message: (error as Error).message };
  }
  const parsed = ProcessDefinition.safeParse(raw);
  if (parsed.success) return { ok: true, definition: parsed.data };
  // The shared validator turns schema issues into bilingual messages that name the node or edge.
  const { problems } = validateDefinition(raw, nodeTypes, { expressions: feelAnalyzer });
  const issues = problems.map((problem) => problem.message);
  return {
    ok: false,
    kind: "invalid",
    issues: issues.length
      ? issues
      : parsed.error.issues.map((issue) => ({
          en: `${issue.path.join(".") || "(document)"}: ${issue.message}`,
          "zh-CN": `${issue.path.join(".") || "（文档）"}：${issue.message}`,
        })),
  };
}

export function definitionFileName(definition: Pick<ProcessDefinition, "key">): string {
  return `${definition.key}.json`;
}

export function definitionFileText(definition: ProcessDefinition): string {
  return `${JSON.stringify(canonicalizeDefinition(definition), null, 2)}\n`;
}

/** Starts a download of the definition as a JSON file (browser only). */
export function downloadDefinition(definition: ProcessDefinition): string {
  const file = definitionFileName(definition);
  const blob = new Blob([definitionFileText(definition)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return file;
}
