import type { Problem } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import { countProblems, sortProblems } from "./order";

const message = { en: "m", "zh-CN": "m" };
const p = (code: Problem["code"], severity: Problem["severity"], where: Partial<Problem> = {}) =>
  ({ code, severity, message, ...where }) as Problem;

describe("problems panel order", () => {
  const nodes = [{ id: "start" }, { id: "approve" }, { id: "notify" }];

  it("lists errors before warnings", () => {
    const sorted = sortProblems(
      [
        p("node.configUnchecked", "warning", { nodeId: "start" }),
        p("node.config", "error", { nodeId: "notify" }),
      ],
      nodes,
    );
    expect(sorted.map((problem) => problem.severity)).toEqual(["error", "warning"]);
  });

  it("follows the node order of the definition, then edges, then the whole definition", () => {
    const sorted = sortProblems(
      [
        p("start.missing", "error"),
        p("gateway.missingCondition", "error", { edgeId: "e2" }),
        p("node.config", "error", { nodeId: "notify" }),
        p("node.unreachable", "error", { nodeId: "approve" }),
      ],
      nodes,
    );
    expect(sorted.map((problem) => problem.nodeId ?? problem.edgeId ?? "definition")).toEqual([
      "approve",
      "notify",
      "e2",
      "definition",
    ]);
  });

  it("counts errors and warnings for the header", () => {
    expect(
      countProblems([
        p("node.config", "error"),
        p("node.configUnchecked", "warning"),
        p("start.missing", "error"),
      ]),
    ).toEqual({ errors: 2, warnings: 1 });
  });
});
