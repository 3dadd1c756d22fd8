// Lookup tables over a definition (nodes by id, edges by source and port group, incoming edges,
// parsed configs), built once per definition object. Published definitions are immutable, so
// the tables are memoised on the object itself; callers must not mutate a definition after use.
import type { ProcessDefinition, ProcessEdge, ProcessNode, VariableType } from "@playbook/schema";
import type { z } from "zod";
import type { PortGroup } from "./types";

export type ConfigParse = { ok: true; value: unknown } | { ok: false; message: string };

export interface DefinitionIndex {
  node(id: string): ProcessNode | undefined;
  /** Outgoing edges of one port group, ordered by (priority, id). */
  outgoing(nodeId: string, group: PortGroup): readonly ProcessEdge[];
  incoming(nodeId: string): readonly ProcessEdge[];
  /** The node's config parsed with `schema`, memoised per node. */
  config(node: ProcessNode, schema: z.ZodType): ConfigParse;
  /** Declared variable types, so FEEL reads `date`/`datetime` strings as dates. */
  readonly variableTypes: Readonly<Record<string, VariableType>>;
}

const NO_EDGES: readonly ProcessEdge[] = [];
const indexes = new WeakMap<ProcessDefinition, DefinitionIndex>();

export function portGroup(port: string): PortGroup {
  return port === "error" || port === "timeout" ? port : "normal";
}

/** The order in which conditions are tried: lower priority first, ties broken by edge id. */
export function byPriority(a: ProcessEdge, b: ProcessEdge): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function indexDefinition(definition: ProcessDefinition): DefinitionIndex {
  const cached = indexes.get(definition);
  if (cached) return cached;
  const index = buildIndex(definition);
  indexes.set(definition, index);
  return index;
}

function buildIndex(definition: ProcessDefinition): DefinitionIndex {
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<string, ProcessEdge[]>();
  const incoming = new Map<string, ProcessEdge[]>();
  for (const edge of definition.edges) {
    push(outgoing, `${edge.source}\u0000${portGroup(edge.sourcePort)}`, edge);
    push(incoming, edge.target, edge);
  }
  for (const edges of outgoing.values()) edges.sort(byPriority);
  const configs = new Map<string, { schema: z.ZodType; parse: ConfigParse }>();

  const variableTypes: Record<string, VariableType> = {};
  for (const variable of definition.variables) variableTypes[variable.name] = variable.type;

  return {
    variableTypes,
    node: (id) => nodes.get(id),
    outgoing: (nodeId, group) => outgoing.get(`${nodeId}\u0000${group}`) ?? NO_EDGES,
    incoming: (nodeId) => incoming.get(nodeId) ?? NO_EDGES,
    config(node, schema) {
      const hit = configs.get(node.id);
      if (hit && hit.schema === schema) return hit.parse;
      const result = schema.safeParse(node.config);
      const parse: ConfigParse = result.success
        ? { ok: true, value: deepFreeze(result.data) }
        : {
            ok: false,
            message: result.error.issues
              .map((issue) => `${issue.path.join(".") || "config"}: ${issue.message}`)
              .join("; "),
          };
      configs.set(node.id, { schema, parse });
      return parse;
    },
  };
}

/** Parsed configs are shared by every instance and effect; freezing makes misuse loud. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
