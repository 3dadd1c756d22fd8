// Element ids for new nodes and edges: readable (`userTask_4k2q`), valid ElementIds, and unique
// within the definition they are added to.
import type { ProcessDefinition } from "@playbook/schema";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function suffix(length = 4): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return out;
}

/** `playbook.userTask` → `userTask`: the last segment of the dotted type name. */
export function idPrefixForType(type: string): string {
  const last = type.split(".").pop() ?? "node";
  return last.replace(/[^A-Za-z0-9_-]/g, "") || "node";
}

export function usedIds(definition: Pick<ProcessDefinition, "nodes" | "edges">): Set<string> {
  return new Set([...definition.nodes.map((n) => n.id), ...definition.edges.map((e) => e.id)]);
}

/** A fresh id with the given prefix, not in `taken` (which it then joins). */
export function freshId(prefix: string, taken: Set<string>): string {
  let id = `${prefix}_${suffix()}`;
  while (taken.has(id)) id = `${prefix}_${suffix(6)}`;
  taken.add(id);
  return id;
}
