// Calendar-aware arithmetic on instants for timers and due dates ("P1M" after 31 Jan is the
// last day of February, not 3 March), using luxon's ISO 8601 duration parser.
import { DateTime, Duration } from "luxon";

/**
 * Add an ISO 8601 duration (`P1Y2M3DT4H5M6.5S`, `P2W`, `-P1D`) to an instant in epoch ms.
 * Years, months, weeks and days are calendar units in `timeZone` (default UTC), so a day across
 * a DST change keeps the wall-clock time; hours and smaller are exact. Returns undefined for
 * text that is not a duration or an instant out of range.
 */
export function addDuration(
  epochMs: number,
  isoDuration: string,
  timeZone = "UTC",
): number | undefined {
  if (!/\d/.test(isoDuration)) return undefined; // luxon reads a bare "P" as zero
  const negative = isoDuration.startsWith("-");
  const duration = Duration.fromISO(negative ? isoDuration.slice(1) : isoDuration);
  if (!duration.isValid || !Number.isFinite(epochMs)) return undefined;
  const start = DateTime.fromMillis(epochMs, { zone: timeZone });
  if (!start.isValid) return undefined;
  const end = negative ? start.minus(duration) : start.plus(duration);
  return end.isValid ? end.toMillis() : undefined;
}
