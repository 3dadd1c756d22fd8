// The store saves states as jsonb: helpers that make tests see exactly what it would.

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Throws unless `value` survives a jsonb round trip unchanged (no undefined, NaN, Dates...). */
export function assertPlainJson(value: unknown, path: string): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}, not JSON`);
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) assertPlainJson(item, `${path}[${i}]`);
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) throw new Error(`${path}.${key} is undefined`);
      assertPlainJson(child, `${path}.${key}`);
    }
    return;
  }
  throw new Error(`${path} is ${typeof value}, not JSON`);
}

/** A copy as the store would read it back from jsonb. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
