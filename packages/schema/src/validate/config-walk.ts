// Walks a node's config value alongside its JSON Schema to find what zod cannot tell us: which
// strings are FEEL expressions or variable names (`x-widget`), including inside arrays of objects
// such as mapping assignments, and which strings fail a Unicode `pattern` (see config-schema.ts).
import { WIDGET_KEYWORD } from "../fields";
import { UNICODE_PATTERN, unicodePattern } from "./config-schema";
import { isRecord } from "./shape";

export interface ConfigReference {
  readonly widget: "feel" | "variable";
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

// Deep enough for any real config; stops a self-referencing `$ref` from looping.
const MAX_DEPTH = 64;

export function walkConfig(schema: Record<string, unknown>, config: unknown): ConfigWalk {
  const references = new Map<string, ConfigReference>();
  const patternMismatches = new Map<string, Path>();

  const visit = (node: unknown, value: unknown, path: Path, inUnion: boolean, depth: number): void => {
    if (!isRecord(node) || depth > MAX_DEPTH) return;
    if (typeof node.$ref === "string") visit(resolveRef(schema, node.$ref), value, path, inUnion, depth + 1);
    for (const part of list(node.allOf)) visit(part, value, path, inUnion, depth + 1);
    // Which branch of a union applies is zod's business; follow the plausible ones for widgets.
    for (const branch of [...list(node.anyOf), ...list(node.oneOf)]) {
      if (mayDescribe(branch, value)) visit(branch, value, path, true, depth + 1);
    }
    if (typeof value === "string") {
      const widget = node[WIDGET_KEYWORD];
      if ((widget === "feel" || widget === "variable") && value.length > 0) {
        references.set(key(path), { widget, path, value });
      }
      const pattern = typeof node[UNICODE_PATTERN] === "string" ? unicodePattern(node[UNICODE_PATTERN]) : null;
      // Inside a union a mismatch may just mean another branch applies, so only zod can judge.
      if (pattern && !inUnion && !pattern.test(value)) patternMismatches.set(key(path), path);
    } else if (Array.isArray(value)) {
      const prefix = list(node.prefixItems);
      value.forEach((item, i) => {
        visit(prefix[i] ?? node.items, item, [...path, i], inUnion, depth + 1);
      });
    } else if (isRecord(value)) {
      for (const [name, item] of Object.entries(value)) {
        visit(propertySchema(node, name), item, [...path, name], inUnion, depth + 1);
      }
    }
  };

  visit(schema, config, [], false, 0);
  return { references: [...references.values()], patternMismatches: [...patternMismatches.values()] };
}

function propertySchema(node: Record<string, unknown>, name: string): unknown {
  if (isRecord(node.properties) && Object.hasOwn(node.properties, name)) return node.properties[name];
  if (isRecord(node.patternProperties)) {
    for (const [pattern, sub] of Object.entries(node.patternProperties)) {
      if (unicodePattern(pattern)?.test(name)) return sub;
    }
  }
  return node.additionalProperties;
}

/** A cheap guess whether a union branch is meant for this value: its type and its constants. */
function mayDescribe(branch: unknown, value: unknown): boolean {
  if (!isRecord(branch)) return false;
  if (typeof branch.type === "string" && !hasType(value, branch.type)) return false;
  if (isRecord(value) && isRecord(branch.properties)) {
    for (const [name, sub] of Object.entries(branch.properties)) {
      if (!isRecord(sub) || !(name in value)) continue;
      const constant = "const" in sub ? sub.const : Array.isArray(sub.enum) && sub.enum.length === 1 ? sub.enum[0] : undefined;
      if (constant !== undefined && value[name] !== constant) return false;
    }
  }
  return true;
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

function key(path: Path): string {
  return JSON.stringify(path);
}
