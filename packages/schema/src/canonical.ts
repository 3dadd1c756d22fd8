// Stable JSON for definitions, so they diff well in git: keys sorted, nodes and edges sorted by
// id, undefined dropped. Array order elsewhere (variables, assignments, form fields) is meaning
// and is kept.
import type { ProcessDefinitionInput } from "./definition";

export function canonicalizeDefinition<D extends ProcessDefinitionInput>(definition: D): D {
  const withSortedElements = {
    ...definition,
    nodes: [...definition.nodes].sort(byId),
    ...(definition.edges === undefined ? {} : { edges: [...definition.edges].sort(byId) }),
  };
  return sortKeys(withSortedElements) as D;
}

/** The canonical text of a definition file: two-space indented, ending in a newline. */
export function stringifyDefinition(definition: ProcessDefinitionInput): string {
  return `${JSON.stringify(canonicalizeDefinition(definition), null, 2)}\n`;
}

// Code-unit order, not localeCompare: the result must not depend on the machine's locale.
function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    // defineProperty, so a "__proto__" key from JSON.parse stays a key and not a prototype.
    if (item !== undefined) {
      Object.defineProperty(sorted, key, {
        value: sortKeys(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return sorted;
}
