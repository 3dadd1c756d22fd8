import { describe, expect, it } from "vitest";
import { addDuration } from "../src/index";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("due dates and timers from ISO durations", () => {
  it("adds hours, minutes and fractional seconds exactly", () => {
    expect(iso(addDuration(at("2024-03-01T10:00:00Z"), "PT2H30M"))).toBe(
      "2024-03-01T12:30:00.000Z",
    );
    expect(iso(addDuration(at("2024-03-01T10:00:00Z"), "PT0.5S"))).toBe("2024-03-01T10:00:00.500Z");
  });

  it("adds months by the calendar, keeping to the end of a short month", () => {
    expect(iso(addDuration(at("2024-01-31T09:00:00Z"), "P1M"))).toBe("2024-02-29T09:00:00.000Z");
    expect(iso(addDuration(at("2023-01-31T09:00:00Z"), "P1M"))).toBe("2023-02-28T09:00:00.000Z");
    expect(iso(addDuration(at("2024-02-29T00:00:00Z"), "P1Y"))).toBe("2025-02-28T00:00:00.000Z");
  });

  it("adds weeks and days, and subtracts a negative duration", () => {
    expect(iso(addDuration(at("2024-03-01T00:00:00Z"), "P2W"))).toBe("2024-03-15T00:00:00.000Z");
    expect(iso(addDuration(at("2024-03-01T00:00:00Z"), "P1Y2M3DT4H"))).toBe(
      "2025-05-04T04:00:00.000Z",
    );
    expect(iso(addDuration(at("2024-03-01T00:00:00Z"), "-P1D"))).toBe("2024-02-29T00:00:00.000Z");
  });

  it("keeps the wall-clock time across a DST change when asked for a zone", () => {
    const before = at("2024-03-30T09:00:00+01:00"); // Paris, the day before summer time
    expect(iso(addDuration(before, "P1D", "Europe/Paris"))).toBe("2024-03-31T07:00:00.000Z");
    expect(iso(addDuration(before, "PT24H", "Europe/Paris"))).toBe("2024-03-31T08:00:00.000Z");
  });

  it("returns undefined for text that is not a duration", () => {
    expect(addDuration(0, "3 days")).toBeUndefined();
    expect(addDuration(0, "P")).toBeUndefined();
    expect(addDuration(Number.NaN, "P1D")).toBeUndefined();
  });
});
