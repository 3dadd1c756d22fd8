import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { dayjsToIso, isIsoFor, isoToDayjs } from "./datetime";

describe("date picker ↔ ISO text", () => {
  it("stores a picked date as YYYY-MM-DD", () => {
    expect(dayjsToIso(dayjs("2025-06-18T15:30:00"), "date")).toBe("2025-06-18");
  });

  it("stores a picked date-time with the local offset, as the validator demands", () => {
    const stored = dayjsToIso(dayjs("2025-06-18T09:00:00"), "datetime");
    expect(stored).toMatch(/^2025-06-18T09:00:00[+-]\d{2}:\d{2}$/);
    expect(stored && isIsoFor(stored, "datetime")).toBe(true);
  });

  it("reads back the same instant it stored", () => {
    const picked = dayjs("2025-12-31T23:45:00");
    const stored = dayjsToIso(picked, "datetime");
    expect(isoToDayjs(stored, "datetime")?.valueOf()).toBe(picked.valueOf());
  });

  it("reads a date-time written in another offset as the same instant", () => {
    const read = isoToDayjs("2025-06-18T09:00:00+08:00", "datetime");
    expect(read?.toISOString()).toBe("2025-06-18T01:00:00.000Z");
  });

  it("shows nothing for empty or malformed text instead of an invalid date", () => {
    expect(isoToDayjs(undefined, "date")).toBeUndefined();
    expect(isoToDayjs("", "datetime")).toBeUndefined();
    expect(isoToDayjs("18/06/2025", "date")).toBeUndefined();
    expect(isoToDayjs("2025-06-18T09:00:00", "datetime")).toBeUndefined(); // no offset
    expect(isoToDayjs("2025-06-18", "datetime")).toBeUndefined();
  });

  it("stores nothing when the picker is cleared", () => {
    expect(dayjsToIso(null, "date")).toBeUndefined();
  });
});
