// Cursor pagination over monotonic sequence columns: the cursor is the last seen position, so
// pages stay stable while rows are added.
import { fail, ok, type Result } from "./errors";

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  cursor?: string;
  /** 1–500, default 50. */
  limit?: number;
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 50;
  return Math.max(1, Math.min(500, Math.floor(limit)));
}

export function parseCursor(cursor: string | undefined): Result<number | undefined> {
  if (cursor === undefined || cursor === "") return ok(undefined);
  if (!/^\d{1,15}$/.test(cursor)) return fail({ code: "cursor.invalid", cursor });
  return ok(Number(cursor));
}

/** Builds a page from rows fetched with `limit + 1` (the extra row only says "there is more"). */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  position: (row: R) => number,
  view: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(view),
    nextCursor: rows.length > limit && last !== undefined ? String(position(last)) : null,
  };
}
