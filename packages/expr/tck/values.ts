// TCK values: XML `<value xsi:type=...>`, `<list>` and `<component>` read into a typed form,
// turned into inputs (FEEL dates, times, durations for the interpreter) and compared with the
// plain JSON that `evaluate` returns.
import { duration, parseDate, parseDateTime, parseTime } from "feelin";
import { attr, child, children, text, type XmlNode } from "./xml";

export type TckValue =
  | { kind: "nil" }
  | { kind: "scalar"; type: string | undefined; text: string }
  | { kind: "list"; items: TckValue[] }
  | { kind: "context"; entries: [string, TckValue][] };

/** Reads the value held by an `<expected>`, `<inputNode>`, `<item>` or `<component>`. */
export function readValue(node: XmlNode | undefined): TckValue {
  const list = child(node, "list");
  if (list !== undefined) return { kind: "list", items: children(list, "item").map(readValue) };
  const components = children(node, "component");
  if (components.length > 0) {
    return {
      kind: "context",
      entries: components.map((c) => [attr(c, "name") ?? "", readValue(c)]),
    };
  }
  const value = child(node, "value");
  if (value === undefined || attr(value, "nil") === "true") return { kind: "nil" };
  return { kind: "scalar", type: attr(value, "type")?.replace(/^.*:/, ""), text: text(value) };
}

/** The value as a variable: numbers as decimals, temporal types as FEEL values. */
export function toInput(value: TckValue): unknown {
  switch (value.kind) {
    case "nil":
      return null;
    case "list":
      return value.items.map(toInput);
    case "context":
      return Object.fromEntries(value.entries.map(([name, entry]) => [name, toInput(entry)]));
    case "scalar":
      return scalarInput(value.type, value.text);
  }
}

function scalarInput(type: string | undefined, raw: string): unknown {
  switch (type) {
    case "decimal":
    case "double":
    case "integer":
    case "int":
    case "long":
      return Number(raw);
    case "boolean":
      return raw.trim() === "true";
    case "date":
      return parseDate(raw.trim());
    case "dateTime":
      return parseDateTime(raw.trim());
    case "time":
      return parseTime(raw.trim());
    case "duration":
      return duration(raw.trim());
    default:
      return raw;
  }
}

/** Null when `actual` (plain JSON from evaluate) matches; otherwise what differs. */
export function mismatch(expected: TckValue, actual: unknown, path = "result"): string | null {
  switch (expected.kind) {
    case "nil":
      return actual === null ? null : `${path}: expected null, got ${show(actual)}`;
    case "list": {
      if (!Array.isArray(actual)) return `${path}: expected a list, got ${show(actual)}`;
      if (actual.length !== expected.items.length) {
        return `${path}: expected ${expected.items.length} items, got ${actual.length}`;
      }
      for (const [i, item] of expected.items.entries()) {
        const problem = mismatch(item, actual[i], `${path}[${i + 1}]`);
        if (problem !== null) return problem;
      }
      return null;
    }
    case "context": {
      if (typeof actual !== "object" || actual === null || Array.isArray(actual)) {
        return `${path}: expected a context, got ${show(actual)}`;
      }
      const record = actual as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length !== expected.entries.length) {
        return `${path}: expected keys ${expected.entries.map(([k]) => k).join(", ")}, got ${keys.join(", ")}`;
      }
      for (const [name, entry] of expected.entries) {
        if (!Object.hasOwn(record, name)) return `${path}: missing key ${name}`;
        const problem = mismatch(entry, record[name], `${path}.${name}`);
        if (problem !== null) return problem;
      }
      return null;
    }
    case "scalar":
      return scalarMatches(expected.type, expected.text, actual)
        ? null
        : `${path}: expected ${expected.type ?? "untyped"} ${JSON.stringify(expected.text)}, got ${show(actual)}`;
  }
}

function scalarMatches(type: string | undefined, raw: string, actual: unknown): boolean {
  switch (type) {
    case "decimal":
    case "double":
    case "integer":
    case "int":
    case "long":
      return typeof actual === "number" && numberMatches(raw.trim(), actual);
    case "boolean":
      return actual === (raw.trim() === "true");
    case "string":
      return actual === raw;
    case "date":
      return actual === raw.trim();
    case "dateTime":
    case "time":
      return (
        typeof actual === "string" && normalizeInstant(actual) === normalizeInstant(raw.trim())
      );
    case "duration":
      return typeof actual === "string" && durationKey(actual) === durationKey(raw.trim());
    default:
      // untyped text: compare with the value's plain text form
      return (
        (typeof actual === "string" || typeof actual === "number" || typeof actual === "boolean") &&
        String(actual) === raw.trim()
      );
  }
}

/**
 * `evaluate` hands numbers back as the nearest double to its decimal result, so the nearest
 * double to the expected decimal must match.
 * Results of transcendental functions (exp, log, sqrt, stddev) are written in the TCK to 8 or
 * more decimals; those are compared at the precision written.
 */
function numberMatches(raw: string, actual: number): boolean {
  if (actual === Number(raw)) return true;
  const places = /\.(\d+)$/.exec(raw)?.[1]?.length ?? 0;
  return places >= 8 && actual.toFixed(places) === Number(raw).toFixed(places);
}

/** `10:00:00.000Z` and `10:00:00+00:00` are the same instant text; so are trailing zeros. */
function normalizeInstant(value: string): string {
  return value
    .replace(/(\.\d*?)0+(?=$|[Z+-])/, "$1")
    .replace(/\.(?=$|[Z+-])/, "")
    .replace(/[+-]00:00$/, "Z");
}

/** ISO durations compared by value: total months and total seconds (P1D = PT24H). */
function durationKey(value: string): string | null {
  const m =
    /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value,
    );
  if (m === null) return null;
  const [, minus, y, mo, d, h, mi, s] = m;
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  const sign = minus === undefined ? 1 : -1;
  const months = sign * (n(y) * 12 + n(mo));
  const seconds = sign * (n(d) * 86_400 + n(h) * 3600 + n(mi) * 60 + n(s));
  return `${months || 0}m${seconds || 0}s`;
}

function show(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
