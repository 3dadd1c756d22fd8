// A node type's config JSON Schema made checkable: converted to zod once per schema object
// (conversion costs ~1 ms, validation runs on every keystroke) and cached in a WeakMap.
//
// zod's fromJSONSchema (4.6) compiles `pattern` without the `u` flag, so `\p{L}` — which our
// variable-name fields use so that 金额 is a valid name — would match the letters "p{L}" and
// reject every real name. JSON Schema patterns are Unicode regular expressions, so such patterns
// are moved to UNICODE_PATTERN before conversion and checked by config-walk.ts with the `u` flag.
// Custom keywords such as `x-widget` are kept by fromJSONSchema as metadata; we give it a
// throw-away registry so they do not pile up in zod's global one.
import { z } from "zod";
import { isRecord } from "./shape";

/** Where a pattern that needs Unicode mode is kept for config-walk.ts. */
export const UNICODE_PATTERN = "x-playbook-unicode-pattern";

export interface CompiledConfigSchema {
  /** Undefined when the schema uses JSON Schema that fromJSONSchema rejects (if/then/else...). */
  readonly validator: z.ZodType | undefined;
  /** The schema as walked for widgets and Unicode patterns. */
  readonly schema: Record<string, unknown>;
}

const compiled = new WeakMap<object, CompiledConfigSchema>();

export function compileConfigSchema(configSchema: Record<string, unknown>): CompiledConfigSchema {
  const cached = compiled.get(configSchema);
  if (cached) return cached;
  const schema = withUnicodePatternsSetAside(configSchema);
  let validator: z.ZodType | undefined;
  try {
    validator = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema, {
      registry: z.registry(),
    });
  } catch {
    validator = undefined;
  }
  const result = { validator, schema };
  compiled.set(configSchema, result);
  return result;
}

// Keywords whose value is a schema, a list of schemas, or a map of names to schemas.
const subschemaKeywords = new Set([
  "items",
  "additionalItems",
  "additionalProperties",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
]);
const subschemaListKeywords = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const subschemaMapKeywords = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
]);

function withUnicodePatternsSetAside(schema: unknown): Record<string, unknown> {
  return isRecord(schema) ? (copySchema(schema) as Record<string, unknown>) : {};
}

function copySchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(copySchema); // draft-7 tuple `items`
  if (!isRecord(schema)) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "pattern" && typeof value === "string" && needsUnicodeMode(value)) {
      copy[UNICODE_PATTERN] = value;
    } else if (subschemaKeywords.has(key)) {
      copy[key] = copySchema(value);
    } else if (subschemaListKeywords.has(key) && Array.isArray(value)) {
      copy[key] = value.map(copySchema);
    } else if (subschemaMapKeywords.has(key) && isRecord(value)) {
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, copySchema(sub)]),
      );
    } else {
      copy[key] = value;
    }
  }
  return copy;
}

/** True for patterns that mean something else, or nothing, without the `u` flag. */
function needsUnicodeMode(pattern: string): boolean {
  if (/\\[pP]\{|\\u\{|[\uD800-\uDFFF]/.test(pattern)) return true;
  try {
    new RegExp(pattern);
    return false;
  } catch {
    return true;
  }
}

const unicodePatterns = new Map<string, RegExp | null>();

/** The compiled Unicode pattern, or null when even Unicode mode rejects it (ignored then). */
export function unicodePattern(source: string): RegExp | null {
  let pattern = unicodePatterns.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(source, "u");
    } catch {
      pattern = null;
    }
    unicodePatterns.set(source, pattern);
  }
  return pattern;
}
