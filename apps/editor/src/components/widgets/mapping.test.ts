import { describe, expect, it } from "vitest";
import { addRow, moveRow, removeRow, repeatedVariables, toRows, updateRow } from "./mapping";

const rows = [
  { variable: "折扣", expression: "金额 * 0.9" },
  { variable: "等级", expression: '"VIP"' },
  { variable: "积分", expression: "金额 / 10" },
];

describe("mapping rows (variable := FEEL)", () => {
  it("adds a row for the next declared variable not assigned yet", () => {
    const next = addRow(rows.slice(0, 1), ["折扣", "等级", "积分"]);
    expect(next).toEqual([rows[0], { variable: "等级", expression: "" }]);
  });

  it("adds an empty row when every declared variable is already assigned", () => {
    expect(addRow(rows, ["折扣", "等级", "积分"]).at(-1)).toEqual({ variable: "", expression: "" });
  });

  it("removes exactly the clicked row", () => {
    expect(removeRow(rows, 1).map((row) => row.variable)).toEqual(["折扣", "积分"]);
  });

  it("edits one row and leaves the others and the original untouched", () => {
    const next = updateRow(rows, 2, { expression: "金额 / 20" });
    expect(next[2]).toEqual({ variable: "积分", expression: "金额 / 20" });
    expect(next[0]).toBe(rows[0]);
    expect(rows[2]?.expression).toBe("金额 / 10");
  });

  it("moves a row up and down, since later assignments can read earlier ones", () => {
    expect(moveRow(rows, 2, -1).map((row) => row.variable)).toEqual(["折扣", "积分", "等级"]);
    expect(moveRow(rows, 0, 1).map((row) => row.variable)).toEqual(["等级", "折扣", "积分"]);
  });

  it("ignores a move past either end", () => {
    expect(moveRow(rows, 0, -1)).toEqual(rows);
    expect(moveRow(rows, 2, 1)).toEqual(rows);
  });

  it("reads rows from a config value, tolerating junk", () => {
    expect(toRows(undefined)).toEqual([]);
    expect(toRows([{ variable: "a", expression: 1 }, null, "x"])).toEqual([
      { variable: "a", expression: "" },
    ]);
  });

  it("flags a variable assigned twice", () => {
    expect(repeatedVariables([...rows, { variable: "折扣", expression: "0" }])).toEqual(
      new Set(["折扣"]),
    );
  });
});
