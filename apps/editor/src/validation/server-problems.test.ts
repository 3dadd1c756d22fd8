import type { Problem } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import { indexProblems } from "./problemIndex";
import { withServerProblems } from "./server-problems";

const problem = (code: Problem["code"], nodeId: string, field: string): Problem => ({
  code,
  severity: "error",
  message: { "zh-CN": code, en: code },
  nodeId,
  field,
});

const local = (problems: Problem[]) => ({
  ok: problems.length === 0,
  problems,
  pending: false,
  ...indexProblems(problems),
});

describe("problems only the server can find", () => {
  it("are added to the editor's own, on their node, and block publishing", () => {
    const timer = problem("node.config", "wait", "config.date");
    const merged = withServerProblems(local([]), { ok: false, problems: [timer] });
    expect(merged.ok).toBe(false);
    expect(merged.problems).toEqual([timer]);
    expect(merged.byNode.get("wait")).toEqual([timer]);
  });

  it("are not shown twice when the editor found the same one", () => {
    const same = problem("node.config", "wait", "config.duration");
    const mine = local([same]);
    expect(withServerProblems(mine, { ok: false, problems: [{ ...same }] })).toBe(mine);
  });

  it("change nothing when the server has nothing to add", () => {
    const mine = local([]);
    expect(withServerProblems(mine, undefined)).toBe(mine);
    expect(withServerProblems(mine, { ok: true, problems: [] })).toBe(mine);
  });
});
