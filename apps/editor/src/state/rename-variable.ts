// Renaming a declared variable carries its uses along: FEEL expressions in node settings and on
// connections, `{{ … }}` placeholders in text settings, and settings that name a variable
// (assignment targets, result variables). The
// plan is computed up front from the node types' config schemas (which strings are FEEL or a
// variable name) and applied as one change, so a single undo restores the old name everywhere.
// What cannot be rewritten safely is left as written and reported, never guessed at.
import { renameVariable } from "@playbook/expr";
import { type ProcessDefinition, templatePlaceholders, walkConfig } from "@playbook/schema";
import type { ManifestOf } from "../canvas/connection-rules";

export type SkipReason = "syntax" | "captured" | "inFilter";

export interface SkippedUse {
  /** The node or connection the expression belongs to. */
  nodeId?: string;
  edgeId?: string;
  reason: SkipReason;
}

export interface VariableRename {
  index: number;
  from: string;
  to: string;
  /** New configs of the nodes whose settings use the variable. */
  nodeConfigs: Record<string, Record<string, unknown>>;
  /** New conditions of the connections that read it. */
  edgeConditions: Record<string, string>;
  /** How many places were rewritten. */
  rewritten: number;
  skipped: SkippedUse[];
}

export function planVariableRename(
  definition: ProcessDefinition,
  index: number,
  to: string,
  manifestOf: ManifestOf,
): VariableRename | undefined {
  const from = definition.variables[index]?.name;
  if (from === undefined || from === to) return undefined;
  const plan: VariableRename = {
    index,
    from,
    to,
    nodeConfigs: {},
    edgeConditions: {},
    rewritten: 0,
    skipped: [],
  };
  // Another declaration of the old name keeps the uses: they still refer to that one.
  if (definition.variables.some((variable, i) => i !== index && variable.name === from)) {
    return plan;
  }

  const rewrite = (source: string, where: Pick<SkippedUse, "nodeId" | "edgeId">) => {
    const outcome = renameVariable(source, from, to);
    if (!outcome.ok) {
      if (outcome.reason !== "invalidName") plan.skipped.push({ ...where, reason: outcome.reason });
      return source;
    }
    if (outcome.inFilters > 0) plan.skipped.push({ ...where, reason: "inFilter" });
    plan.rewritten += outcome.renamed;
    return outcome.source;
  };

  for (const node of definition.nodes) {
    const manifest = manifestOf(node.type, node.typeVersion);
    if (!manifest || node.config === undefined) continue;
    let config: unknown = node.config;
    for (const reference of walkConfig(manifest.configSchema, node.config).references) {
      let next = reference.value;
      if (reference.widget === "variable") {
        if (reference.value === from) {
          next = to;
          plan.rewritten++;
        }
      } else if (reference.widget === "template") {
        next = rewriteTemplate(reference.value, (source) => rewrite(source, { nodeId: node.id }));
      } else {
        next = rewrite(reference.value, { nodeId: node.id });
      }
      if (next !== reference.value) config = setAt(config, reference.path, next);
    }
    if (config !== node.config) plan.nodeConfigs[node.id] = config as Record<string, unknown>;
  }

  for (const edge of definition.edges) {
    if (edge.condition === undefined) continue;
    const next = rewrite(edge.condition, { edgeId: edge.id });
    if (next !== edge.condition) plan.edgeConditions[edge.id] = next;
  }
  return plan;
}

/** Applies a planned rename: the declaration, then the uses it found. */
export function applyVariableRename(
  definition: ProcessDefinition,
  rename: VariableRename,
): ProcessDefinition {
  return {
    ...definition,
    variables: definition.variables.map((variable, i) =>
      i === rename.index ? { ...variable, name: rename.to } : variable,
    ),
    nodes: definition.nodes.map((node) => {
      const config = rename.nodeConfigs[node.id];
      return config === undefined ? node : { ...node, config };
    }),
    edges: definition.edges.map((edge) => {
      const condition = rename.edgeConditions[edge.id];
      return condition === undefined ? edge : { ...edge, condition };
    }),
  };
}

/** A template with each `{{ … }}` expression passed through `rewrite`, the text around kept. */
function rewriteTemplate(text: string, rewrite: (source: string) => string): string {
  let out = text;
  // From the last placeholder back, so earlier offsets stay valid.
  for (const placeholder of templatePlaceholders(text).reverse()) {
    const next = rewrite(placeholder.source);
    if (next !== placeholder.source)
      out = out.slice(0, placeholder.from) + next + out.slice(placeholder.to);
  }
  return out;
}

/** A copy of `value` with the string at `path` replaced; untouched branches are shared. */
function setAt(value: unknown, path: readonly (string | number)[], next: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  if (Array.isArray(value) && typeof head === "number") {
    const copy = [...value];
    copy[head] = setAt(value[head], rest, next);
    return copy;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    return { ...record, [head]: setAt(record[head], rest, next) };
  }
  return value;
}
