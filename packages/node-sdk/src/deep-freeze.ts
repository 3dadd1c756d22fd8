// Freezing for values handed out to callers (manifests) and to executors (variables), so a
// careless mutation fails at its source instead of corrupting shared state later.

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
