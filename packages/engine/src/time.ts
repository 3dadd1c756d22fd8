// Turning what users write (ISO 8601 durations and date-times) into due instants.
import { addDuration } from "@playbook/expr";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** A duration (from `now`) or a date-time; undefined when the text is neither. */
export function dueAtFrom(now: number, text: string): number | undefined {
  if (text.startsWith("P")) return addDuration(now, text);
  if (!ISO_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}
