// Declared process variables: the only names expressions may read, and the types the runtime
// checks start/complete payloads against.
import { z } from "zod";
import { LocalizedText } from "./i18n";

export const VariableType = z.enum([
  "string",
  "number",
  "boolean",
  "date",
  "datetime",
  "money",
  "user",
  "list",
  "object",
]);
export type VariableType = z.infer<typeof VariableType>;

/** FEEL-friendly identifier: letters (any script, so 金额 works), digits, `_`; no leading digit. */
export const VariableName = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[\p{L}_][\p{L}\p{N}_]*$/u,
    "must start with a letter or _ and hold only letters, digits, _",
  );

export const VariableDeclaration = z.strictObject({
  name: VariableName,
  type: VariableType,
  required: z.boolean().default(false),
  default: z.unknown().optional(),
  label: LocalizedText.optional(),
});
export type VariableDeclaration = z.infer<typeof VariableDeclaration>;

/** Money is an amount in minor-unit-free decimal plus an ISO 4217 currency. */
export const MoneyValue = z.strictObject({
  amount: z.number().finite(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The zod schema that a value of a declared type must satisfy. */
export function valueSchemaFor(type: VariableType): z.ZodType {
  switch (type) {
    case "string":
      return z.string();
    case "number":
      return z.number().finite();
    case "boolean":
      return z.boolean();
    case "date":
      return z.string().regex(isoDate, "expected a date YYYY-MM-DD");
    case "datetime":
      return z.iso.datetime({ offset: true });
    case "money":
      return MoneyValue;
    case "user":
      return z.string().min(1);
    case "list":
      return z.array(z.unknown());
    case "object":
      return z.record(z.string(), z.unknown());
    default:
      return assertNever(type);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
