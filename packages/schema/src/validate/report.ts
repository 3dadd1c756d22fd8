// Builds Problem values: the message comes from the code's entry in messages.ts and the
// severity from the code, so no check can invent an unlisted message or severity.
import type { Problem, ProblemCode } from "../problems";
import { type MessageParams, problemMessages } from "./messages";

/** Where a problem belongs, so the editor can draw it on the canvas or in the form. */
export interface Where {
  nodeId?: string;
  edgeId?: string;
  /** Dotted path inside the node, edge or definition, e.g. `config.assignments.0.expression`. */
  field?: string;
  range?: { from: number; to: number };
}

// Everything blocks publishing except what is the node type author's fault, not the user's.
const warnings: ReadonlySet<ProblemCode> = new Set<ProblemCode>(["node.configUnchecked"]);

export function severityOf(code: ProblemCode): Problem["severity"] {
  return warnings.has(code) ? "warning" : "error";
}

export function problem<C extends ProblemCode>(
  code: C,
  params: MessageParams<C>,
  where: Where = {},
): Problem {
  const message = (problemMessages[code] as (p: MessageParams<C>) => Problem["message"])(params);
  const result: Problem = { code, severity: severityOf(code), message };
  if (where.nodeId !== undefined) result.nodeId = where.nodeId;
  if (where.edgeId !== undefined) result.edgeId = where.edgeId;
  if (where.field !== undefined) result.field = where.field;
  if (where.range !== undefined) result.range = where.range;
  return result;
}

/** `["config", "assignments", 0, "expression"]` → `config.assignments.0.expression`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join(".");
}
