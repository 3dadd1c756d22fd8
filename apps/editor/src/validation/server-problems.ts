// Some rules live only in the node types' own code, which the server has and the editor does not
// (a timer in date mode needs a date; a GET has no body). The server checks every saved draft
// and says what it found; its problems the editor did not find itself are shown too — while
// what is on screen is exactly what the server checked (nothing unsaved), since afterwards they
// could be stale.
import type { Problem, ValidationReport } from "@playbook/schema";
import { indexProblems } from "./problemIndex";
import type { ValidationState } from "./useValidation";

const where = (problem: Problem) =>
  [problem.code, problem.nodeId ?? "", problem.edgeId ?? "", problem.field ?? ""].join("\u0000");

export function withServerProblems(
  local: ValidationState,
  server: ValidationReport | undefined,
): ValidationState {
  if (!server || server.problems.length === 0) return local;
  const seen = new Set(local.problems.map(where));
  const extra = server.problems.filter((problem) => !seen.has(where(problem)));
  if (extra.length === 0) return local;
  const problems = [...local.problems, ...extra];
  return {
    ...local,
    ...indexProblems(problems),
    problems,
    ok: local.ok && !extra.some((problem) => problem.severity === "error"),
  };
}
