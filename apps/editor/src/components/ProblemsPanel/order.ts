// The order problems are read in: errors before warnings, then in the order nodes appear in the
// definition (roughly the flow's order), then whole-definition problems, then by code; plus counts.
import type { Problem, ProcessNode } from "@playbook/schema";

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  let errors = 0;
  for (const problem of problems) if (problem.severity === "error") errors += 1;
  return { errors, warnings: problems.length - errors };
}

export function sortProblems(
  problems: readonly Problem[],
  nodes: readonly Pick<ProcessNode, "id">[],
): Problem[] {
  const nodeOrder = new Map(nodes.map((node, index) => [node.id, index]));
  const place = (problem: Problem): number => {
    if (problem.nodeId !== undefined) return nodeOrder.get(problem.nodeId) ?? nodes.length;
    if (problem.edgeId !== undefined) return nodes.length + 1;
    return nodes.length + 2;
  };
  // Array.prototype.sort is stable, so equal problems keep the validator's order.
  return [...problems].sort(
    (a, b) =>
      severityRank(a) - severityRank(b) ||
      place(a) - place(b) ||
      (a.edgeId ?? "").localeCompare(b.edgeId ?? "") ||
      a.code.localeCompare(b.code),
  );
}

function severityRank(problem: Problem): number {
  return problem.severity === "error" ? 0 : 1;
}
