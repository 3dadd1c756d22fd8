// FEEL values to plain JSON, the only shape that leaves this package: dates, times and
// date-times as ISO 8601 strings (zoned ones with a numeric offset), durations as ISO
// durations, ranges as their FEEL properties, functions and non-finite numbers as null.
// Numbers leave as the nearest double: a decimal with more digits than a double holds (10 / 3,
// integers beyond 2^53) loses them here, one beyond the doubles' range (1e400) becomes null.
import { FeelDate, FeelDateTime, FeelDuration, FeelRange, FeelTime } from "feelin";
import { isFeelDecimal, toDouble } from "./numbers";

const MAX_NESTING = 64;

export function toJson(value: unknown): unknown {
  return convert(value, 0);
}

function convert(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "object":
      return value === null || depth > MAX_NESTING ? null : convertObject(value, depth);
    default:
      // undefined, functions (FEEL built-ins are JS functions), symbols, bigints
      return null;
  }
}

function convertObject(value: object, depth: number): unknown {
  if (isFeelDecimal(value)) return convert(toDouble(value), depth);
  if (value instanceof FeelDate || value instanceof FeelDuration) return value.iso;
  if (value instanceof FeelDateTime || value instanceof FeelTime) return zonedIso(value);
  if (value instanceof FeelRange) {
    return {
      start: convert(value.start, depth + 1),
      end: convert(value.end, depth + 1),
      "start included": value["start included"],
      "end included": value["end included"],
    };
  }
  if (Array.isArray(value)) return value.map((item) => convert(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return null; // FEEL functions, host objects
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: convert(entry, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** `10:00:00@Europe/Paris` is FEEL syntax, not ISO 8601: render the zone as its offset. */
function zonedIso(value: FeelDateTime | FeelTime): string {
  const at = value.iso.lastIndexOf("@");
  if (at < 0) return value.iso;
  const offset = value["time offset"];
  return value.iso.slice(0, at) + (offset === null ? "" : formatOffset(offset));
}

function formatOffset(offset: FeelDuration): string {
  const seconds = (offset.hours ?? 0) * 3600 + (offset.minutes ?? 0) * 60 + (offset.seconds ?? 0);
  const abs = Math.abs(seconds);
  const pad = (n: number) => String(Math.floor(n)).padStart(2, "0");
  return `${seconds < 0 ? "-" : "+"}${pad(abs / 3600)}:${pad((abs % 3600) / 60)}`;
}
