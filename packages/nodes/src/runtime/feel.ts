// FEEL in executor config: the engine passes service-node config through untouched, so the
// executor evaluates its expressions and `{{ FEEL }}` text templates against the variables.
import { evaluate } from "@playbook/expr";
import { NodeError } from "@playbook/node-sdk";
import { renderPlaceholders } from "@playbook/schema";

/** Evaluates one FEEL expression; a failure names the config field it came from. */
export function evaluateField(
  field: string,
  source: string,
  variables: Readonly<Record<string, unknown>>,
): unknown {
  const result = evaluate(source, { ...variables });
  if (!result.ok) {
    // The same expression fails the same way next time: not retryable.
    throw new NodeError("expression.failed", `${field}: ${result.error.message}`);
  }
  return result.value;
}

/**
 * Replaces each `{{ expression }}` with its value: text as is, null as nothing, lists and
 * contexts as JSON. Text without placeholders is returned unchanged.
 */
export function renderTemplate(
  field: string,
  template: string,
  variables: Readonly<Record<string, unknown>>,
): string {
  return renderPlaceholders(template, (source) => toText(evaluateField(field, source, variables)));
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
