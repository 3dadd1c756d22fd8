import { describe, expect, test } from "vitest";
import { summarizeNodeChanges, toggledSelection } from "./flow-changes";

describe("reading what the user did on the canvas", () => {
  test("a drag reports positions; a size React Flow already knows is not a change", () => {
    const measured = new Map([["a", { width: 220, height: 60 }]]);
    const summary = summarizeNodeChanges(
      [
        { type: "position", id: "a", position: { x: 10, y: 20 }, dragging: true },
        { type: "dimensions", id: "a", dimensions: { width: 220, height: 60 } },
      ],
      measured,
    );
    expect(summary.positions).toEqual({ a: { x: 10, y: 20 } });
    expect(summary.resized).toBe(false);
  });

  test("ctrl+click adds to the selection, clicking a selected node again removes it", () => {
    expect(toggledSelection(["a"], new Map([["b", true]]))).toEqual(["a", "b"]);
    expect(toggledSelection(["a", "b"], new Map([["a", false]]))).toEqual(["b"]);
    expect(toggledSelection(["a"], new Map([["a", true]]))).toEqual(["a"]);
  });
});
