// Problems indexed by where they belong, so a canvas node or edge finds its own in O(1), and a
// form finds the ones of one field.
import type { Problem } from "@playbook/schema";

export interface ProblemIndex {
  byNode: Map<string, Problem[]>;
  byEdge: Map<string, Problem[]>;
}

export function indexProblems(problems: readonly Problem[]): ProblemIndex {
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.nodeId !== undefined) push(byNode, problem.nodeId, problem);
    if (problem.edgeId !== undefined) push(byEdge, problem.edgeId, problem);
  }
  return { byNode, byEdge };
}

function push(map: Map<string, Problem[]>, key: string, problem: Problem): void {
  const list = map.get(key);
  if (list) list.push(problem);
  else map.set(key, [problem]);
}

/** Problems at `field` or inside it (`config` matches `config.url` and `config.headers.x`). */
export function problemsAt(problems: readonly Problem[], field: string): Problem[] {
  return problems.filter(
    (problem) =>
      problem.field !== undefined &&
      (problem.field === field || problem.field.startsWith(`${field}.`)),
  );
}
