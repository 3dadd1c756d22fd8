// Rules of the variables panel as pure functions: which names are valid (the VariableName rule of
// @playbook/schema), which repeat, how a default survives a type change, and new-row naming.
import {
  assertNever,
  MoneyValue,
  type VariableDeclaration,
  VariableName,
  type VariableType,
  valueSchemaFor,
} from "@playbook/schema";

/** Why a name is refused, as a message key under `variables.nameError`. */
export type NameError = "empty" | "tooLong" | "leadingDigit" | "badCharacter" | "duplicate";

export function nameError(name: string, allNames: readonly string[]): NameError | undefined {
  if (!VariableName.safeParse(name).success) {
    if (name.length === 0) return "empty";
    if (name.length > 64) return "tooLong";
    if (/^\p{N}/u.test(name)) return "leadingDigit";
    return "badCharacter";
  }
  return allNames.filter((other) => other === name).length > 1 ? "duplicate" : undefined;
}

/** The names that occur more than once, so every copy can be flagged. */
export function duplicateNames(variables: readonly VariableDeclaration[]): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { name } of variables) {
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return duplicates;
}

export function isValidDefault(type: VariableType, value: unknown): boolean {
  return valueSchemaFor(type).safeParse(value).success;
}

/**
 * The default carried over to a new type: kept when still valid, converted when the meaning is
 * plain (12 ↔ "12", "true" → true, a number → that amount of CNY), otherwise dropped.
 */
export function coerceDefault(value: unknown, type: VariableType): unknown {
  if (value === undefined || isValidDefault(type, value)) return value;
  const converted = convert(value, type);
  return converted !== undefined && isValidDefault(type, converted) ? converted : undefined;
}

function convert(value: unknown, type: VariableType): unknown {
  switch (type) {
    case "string":
    case "user":
      return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
    case "number":
      if (typeof value === "string" && value.trim() !== "") return Number(value);
      if (isMoney(value)) return value.amount;
      return undefined;
    case "boolean":
      if (value === "true" || value === "是") return true;
      if (value === "false" || value === "否") return false;
      return undefined;
    case "date":
      return typeof value === "string" ? value.slice(0, 10) : undefined;
    case "datetime":
      return undefined;
    case "money":
      if (typeof value === "number") return { amount: value, currency: "CNY" };
      if (typeof value === "string" && value.trim() !== "") {
        return { amount: Number(value), currency: "CNY" };
      }
      return undefined;
    case "list":
      return value === undefined ? undefined : [value];
    case "object":
      return undefined;
    default:
      return assertNever(type);
  }
}

function isMoney(value: unknown): value is { amount: number; currency: string } {
  return MoneyValue.safeParse(value).success;
}

/** A fresh declaration named `base1`, `base2`… — the first name not taken. */
export function newVariable(
  variables: readonly VariableDeclaration[],
  base: string,
): VariableDeclaration {
  const taken = new Set(variables.map((variable) => variable.name));
  let n = variables.length + 1;
  while (taken.has(`${base}${n}`)) n += 1;
  return { name: `${base}${n}`, type: "string", required: false };
}

/** Replaces one declaration with a patch applied; a type change re-checks the default. */
export function patchVariable(
  variables: readonly VariableDeclaration[],
  index: number,
  patch: Partial<VariableDeclaration>,
): VariableDeclaration[] {
  return variables.map((variable, i) => {
    if (i !== index) return variable;
    const next = { ...variable, ...patch };
    // An explicit `default: undefined` removes the default instead of storing a hole.
    if ("default" in patch && patch.default === undefined) delete next.default;
    if (patch.type !== undefined && patch.type !== variable.type) {
      const kept = coerceDefault(variable.default, patch.type);
      if (kept === undefined) delete next.default;
      else next.default = kept;
    }
    return next;
  });
}
