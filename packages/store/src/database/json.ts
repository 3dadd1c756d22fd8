// jsonb parameters are always sent as JSON text: node-postgres would turn a JS array into a
// Postgres array literal, and PGlite accepts text for jsonb, so text is the one form both share.

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function toJsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function isoOrNull(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
