import { describe, expect, it } from "vitest";
import { durationParts, fromFriendly, toFriendly } from "./duration";

describe("duration picker ↔ ISO 8601", () => {
  it("shows a stored PT2H as 2 hours and P3D as 3 days", () => {
    expect(toFriendly("PT2H")).toEqual({ amount: 2, unit: "hours" });
    expect(toFriendly("P3D")).toEqual({ amount: 3, unit: "days" });
    expect(toFriendly("PT45M")).toEqual({ amount: 45, unit: "minutes" });
    expect(toFriendly("P2W")).toEqual({ amount: 2, unit: "weeks" });
  });

  it("picks the largest unit that holds the duration exactly", () => {
    expect(toFriendly("P1DT12H")).toEqual({ amount: 36, unit: "hours" });
    expect(toFriendly("PT120M")).toEqual({ amount: 2, unit: "hours" });
    expect(toFriendly("P14D")).toEqual({ amount: 2, unit: "weeks" });
    expect(toFriendly("PT3600S")).toEqual({ amount: 1, unit: "hours" });
  });

  it("leaves durations no single unit holds to raw mode", () => {
    expect(toFriendly("P1M")).toBeUndefined();
    expect(toFriendly("P1Y")).toBeUndefined();
    expect(toFriendly("PT90S")).toBeUndefined();
    expect(toFriendly("PT1.5M")).toBeUndefined();
    expect(toFriendly("PT0M")).toBeUndefined();
    expect(toFriendly("two hours")).toBeUndefined();
  });

  it("writes the picked amount and unit as ISO", () => {
    expect(fromFriendly({ amount: 2, unit: "hours" })).toBe("PT2H");
    expect(fromFriendly({ amount: 3, unit: "days" })).toBe("P3D");
    expect(fromFriendly({ amount: 30, unit: "minutes" })).toBe("PT30M");
    expect(fromFriendly({ amount: 1, unit: "weeks" })).toBe("P1W");
  });

  it("refuses an amount that is not a positive whole number", () => {
    expect(fromFriendly({ amount: 0, unit: "hours" })).toBeUndefined();
    expect(fromFriendly({ amount: 1.5, unit: "days" })).toBeUndefined();
    expect(fromFriendly({ amount: -2, unit: "days" })).toBeUndefined();
  });

  it("round-trips every friendly value", () => {
    for (const unit of ["minutes", "hours", "days", "weeks"] as const) {
      const iso = fromFriendly({ amount: 5, unit });
      expect(iso && toFriendly(iso)).toEqual({ amount: 5, unit });
    }
  });

  it("lists the parts of a mixed duration for its description", () => {
    expect(durationParts("P1DT12H")).toEqual([
      { amount: 1, unit: "days" },
      { amount: 12, unit: "hours" },
    ]);
    expect(durationParts("nonsense")).toBeUndefined();
  });
});
