// Definition keys a person does not have to invent: derived from the English name when there is
// one, else a short random key; made unique against the keys already taken.
const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export function isDefinitionKey(key: string): boolean {
  return key.length > 0 && key.length <= 100 && KEY_PATTERN.test(key);
}

export function keyFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || `flow-${Math.random().toString(36).slice(2, 8)}`;
}

export function uniqueKey(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
