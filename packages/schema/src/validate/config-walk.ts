// Walks a node's config value alongside its JSON Schema to find what zod cannot tell us: which
// strings are FEEL expressions, variable names or `{{ FEEL }}` templates (`x-widget`), including
// inside arrays of objects
// such as mapping assignments, and which strings fail a Unicode `pattern` (see config-schema.ts).
// The schema is first compiled (once per schema object) into a plan that keeps only the parts
// that can hold such a string, so walking a config costs little more than reading it.
import { WIDGET_KEYWORD } from "../fields";
import { UNICODE_PATTERN, unicodePattern } from "./config-schema";
import { isRecord } from "./shape";

/** The widgets whose strings read variables: FEEL, a variable's name, `{{ FEEL }}` text. */
export type ReferenceWidget = "feel" | "variable" | "template";

export interface ConfigReference {
  readonly widget: ReferenceWidget;
  /** Path inside the config, e.g. ["assignments", 0, "expression"]. */
  readonly path: readonly (string | number)[];
  readonly value: string;
}

export interface ConfigWalk {
  readonly references: ConfigReference[];
  /** Paths of strings that do not match their Unicode pattern. */
  readonly patternMismatches: (readonly (string | number)[])[];
}

type Path = readonly (string | number)[];

/** The parts of a subschema that can lead to a finding; absent parts lead to none. */
interface Plan {
  widget?: ReferenceWidget;
  pattern?: RegExp;
  /** Every declared property; undefined for those without findings. */
  properties?: Map<string, Plan | undefined>;
  patternProperties?: [RegExp, Plan][];
  additionalProperties?: Plan;
  items?: Plan;
  prefixItems?: (Plan | undefined)[];
  /** allOf parts and resolved $refs: all apply. */
  all?: Plan[];
  /** anyOf/oneOf branches with what tells them apart, so only plausible ones are followed. */
  branches?: { type?: string; constants: [string, unknown][]; plan: Plan }[];
}

// Deep enough for any real schema; stops a self-referencing `$ref` chain from looping.
const MAX_DEPTH = 64;

const plans = new WeakMap<object, Plan | undefined>();

export function walkConfig(schema: Record<string, unknown>, config: unknown): ConfigWalk {
  const walk: Walk = { references: [], patternMismatches: [], seen: new Set(), path: [] };
  visit(walk, planFor(schema, schema, 0), config, false, 0);
  return { references: walk.references, patternMismatches: walk.patternMismatches };
}

interface Walk {
  references: ConfigReference[];
  patternMismatches: Path[];
  /** allOf parts and union branches can describe one string twice; one finding per path is kept. */
  seen: Set<string>;
  /** One mutable path, copied only when something is recorded: this runs on every keystroke. */
  path: (string | number)[];
}

function visit(
  walk: Walk,
  plan: Plan | undefined,
  value: unknown,
  inUnion: boolean,
  depth: number,
): void {
  if (!plan || depth > MAX_DEPTH) return;
  const { path } = walk;
  for (const part of plan.all ?? []) visit(walk, part, value, inUnion, depth + 1);
  for (const branch of plan.branches ?? []) {
    if (mayDescribe(branch, value)) visit(walk, branch.plan, value, true, depth + 1);
  }
  if (typeof value === "string") {
    if (plan.widget && value.length > 0 && firstTime(walk, "widget")) {
      walk.references.push({ widget: plan.widget, path: [...path], value });
    }
    // Inside a union a mismatch may just mean another branch applies, so only zod can judge.
    if (plan.pattern && !inUnion && !plan.pattern.test(value) && firstTime(walk, "pattern")) {
      walk.patternMismatches.push([...path]);
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      visit(walk, plan.prefixItems?.[i] ?? plan.items, value[i], inUnion, depth + 1);
      path.pop();
    }
  } else if (isRecord(value)) {
    for (const name of Object.keys(value)) {
      path.push(name);
      visit(walk, propertyPlan(plan, name), value[name], inUnion, depth + 1);
      path.pop();
    }
  }
}

function firstTime(walk: Walk, kind: "widget" | "pattern"): boolean {
  const key = `${kind}\u0000${walk.path.join("\u0000")}`;
  if (walk.seen.has(key)) return false;
  walk.seen.add(key);
  return true;
}

function propertyPlan(plan: Plan, name: string): Plan | undefined {
  if (plan.properties?.has(name)) return plan.properties.get(name);
  for (const [pattern, sub] of plan.patternProperties ?? []) if (pattern.test(name)) return sub;
  return plan.additionalProperties;
}

function mayDescribe(branch: NonNullable<Plan["branches"]>[number], value: unknown): boolean {
  if (branch.type !== undefined && !hasType(value, branch.type)) return false;
  if (!isRecord(value)) return true;
  return branch.constants.every(([name, constant]) => !(name in value) || value[name] === constant);
}

function planFor(root: Record<string, unknown>, schema: unknown, depth: number): Plan | undefined {
  if (!isRecord(schema) || depth > MAX_DEPTH) return undefined;
  if (plans.has(schema)) return plans.get(schema);
  const plan: Plan = {};
  plans.set(schema, plan); // provisional, so a recursive $ref ends here
  const sub = (child: unknown) => planFor(root, child, depth + 1);

  const widget = schema[WIDGET_KEYWORD];
  if (widget === "feel" || widget === "variable" || widget === "template") plan.widget = widget;
  const pattern =
    typeof schema[UNICODE_PATTERN] === "string" ? unicodePattern(schema[UNICODE_PATTERN]) : null;
  if (pattern) plan.pattern = pattern;
  const all = [
    ...list(schema.allOf),
    ...(typeof schema.$ref === "string" ? [resolveRef(root, schema.$ref)] : []),
  ]
    .map(sub)
    .filter((p) => p !== undefined);
  if (all.length > 0) plan.all = all;
  const branches = [...list(schema.anyOf), ...list(schema.oneOf)].flatMap((branch) => {
    const branchPlan = sub(branch);
    return branchPlan && isRecord(branch) ? [{ ...discriminators(branch), plan: branchPlan }] : [];
  });
  if (branches.length > 0) plan.branches = branches;
  if (isRecord(schema.properties)) {
    // Properties without findings stay listed, so they do not fall to additionalProperties.
    plan.properties = new Map(
      Object.entries(schema.properties).map(([name, child]) => [name, sub(child)]),
    );
  }
  if (isRecord(schema.patternProperties)) {
    const entries: [RegExp, Plan][] = [];
    for (const [source, child] of Object.entries(schema.patternProperties)) {
      const [regex, childPlan] = [unicodePattern(source), sub(child)];
      if (regex && childPlan) entries.push([regex, childPlan]);
    }
    if (entries.length > 0) plan.patternProperties = entries;
  }
  const additional = sub(schema.additionalProperties);
  if (additional) plan.additionalProperties = additional;
  const items = sub(schema.items);
  if (items) plan.items = items;
  const prefix = list(schema.prefixItems).map(sub);
  if (prefix.some((p) => p !== undefined)) plan.prefixItems = prefix;

  const useful =
    Object.keys(plan).some((k) => k !== "properties") ||
    [...(plan.properties?.values() ?? [])].some((p) => p !== undefined);
  const result = useful ? plan : undefined;
  plans.set(schema, result);
  return result;
}

function discriminators(branch: Record<string, unknown>): {
  type?: string;
  constants: [string, unknown][];
} {
  const constants: [string, unknown][] = [];
  if (isRecord(branch.properties)) {
    for (const [name, sub] of Object.entries(branch.properties)) {
      if (!isRecord(sub)) continue;
      if ("const" in sub) constants.push([name, sub.const]);
      else if (Array.isArray(sub.enum) && sub.enum.length === 1)
        constants.push([name, sub.enum[0]]);
    }
  }
  return typeof branch.type === "string" ? { type: branch.type, constants } : { constants };
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

function resolveRef(root: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let target: unknown = root;
  for (const segment of ref.slice(1).split("/").filter(Boolean)) {
    const name = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    target = isRecord(target) ? target[name] : undefined;
  }
  return target;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
