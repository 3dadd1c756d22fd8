// Checks variables against the definition's declarations (the only names expressions may read)
// with the same zod schemas the editor uses (`valueSchemaFor`), before anything is written.
import { type ProcessDefinition, type VariableType, valueSchemaFor } from "@playbook/schema";
import type { VariableIssue } from "../errors";

/** What a value of each declared type is, as the end of "x must be …". */
const EXPECTED: Record<VariableType, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  date: "a date (YYYY-MM-DD)",
  datetime: "a date and time (ISO 8601)",
  money: "an amount of money ({ amount, currency })",
  user: "a user id",
  list: "a list",
  object: "an object",
};

export interface ValidateVariablesOptions {
  /** Starting an instance: required variables without a default must be present. */
  checkRequired?: boolean;
}

export function validateVariables(
  definition: Pick<ProcessDefinition, "variables">,
  variables: Record<string, unknown>,
  options: ValidateVariablesOptions = {},
): VariableIssue[] {
  const declared = new Map(
    definition.variables.map((declaration) => [declaration.name, declaration]),
  );
  const issues: VariableIssue[] = [];
  for (const [name, value] of Object.entries(variables)) {
    const declaration = declared.get(name);
    if (!declaration) {
      issues.push({
        variable: name,
        problem: "undeclared",
        message: `${name} is not a declared variable`,
      });
      continue;
    }
    if (value === null && !declaration.required) continue;
    const parsed = valueSchemaFor(declaration.type).safeParse(value);
    if (!parsed.success) {
      const detail = parsed.error.issues[0]?.message ?? "invalid value";
      issues.push({
        variable: name,
        problem: "type",
        message: `${name} must be ${EXPECTED[declaration.type]}: ${detail}`,
      });
    }
  }
  if (options.checkRequired) {
    for (const declaration of definition.variables) {
      const missing =
        variables[declaration.name] === undefined || variables[declaration.name] === null;
      if (declaration.required && declaration.default === undefined && missing) {
        issues.push({
          variable: declaration.name,
          problem: "required",
          message: `${declaration.name} is required`,
        });
      }
    }
  }
  return issues;
}

/** Keeps only declared names (used for message payloads, which often carry extra fields). */
export function pickDeclared(
  definition: Pick<ProcessDefinition, "variables">,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const declaration of definition.variables) {
    if (declaration.name in values) picked[declaration.name] = values[declaration.name];
  }
  return picked;
}
