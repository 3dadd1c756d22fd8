// Dates as definitions store them (ISO: `2025-06-18` for a date, `2025-06-18T09:00:00+08:00` for
// a date-time with offset) ↔ the dayjs values antd's DatePicker works with.
import dayjs, { type Dayjs } from "dayjs";

export type DateMode = "date" | "datetime";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// The validator requires an explicit offset (Z or ±hh:mm) on date-times.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The picker value for a stored text; undefined for empty or unreadable text. */
export function isoToDayjs(text: string | undefined, mode: DateMode): Dayjs | undefined {
  if (!text) return undefined;
  const shape = mode === "date" ? ISO_DATE : ISO_DATE_TIME;
  if (!shape.test(text)) return undefined;
  const value = dayjs(text);
  return value.isValid() ? value : undefined;
}

/** The text to store for a picked value: local date, or local date-time with its offset. */
export function dayjsToIso(value: Dayjs | null | undefined, mode: DateMode): string | undefined {
  if (!value?.isValid()) return undefined;
  return mode === "date" ? value.format("YYYY-MM-DD") : value.format("YYYY-MM-DDTHH:mm:ssZ");
}

/** Whether a stored text is in the shape the validator accepts for the mode. */
export function isIsoFor(text: string, mode: DateMode): boolean {
  return isoToDayjs(text, mode) !== undefined;
}
