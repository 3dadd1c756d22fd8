// Choosing outgoing edges. Two rules, both from BPMN:
// - conditional flow (every node but gateways): unconditioned edges are all taken (an implicit
//   parallel split), each conditional edge whose condition is true is taken too, and default
//   edges are taken only when nothing else was;
// - exclusive choice (exclusive gateway): the first edge in (priority, id) order whose condition
//   is true (an edge without condition counts as true), else the default edge.
// A condition is true only when it yields the boolean `true`; FEEL's null (e.g. a comparison with
// a missing variable) is false. Evaluation errors become incidents, never crashes.
import type { ProcessEdge } from "@playbook/schema";
import type { Run } from "./run";

export type EdgeChoice = { ok: true; edges: ProcessEdge[] } | { ok: false; message: string };

type Verdict = { ok: true; value: boolean } | { ok: false; message: string };

function test(run: Run, edge: ProcessEdge): Verdict {
  if (edge.condition === undefined) return { ok: true, value: true };
  const result = run.evaluate(edge.condition);
  if (!result.ok) {
    return { ok: false, message: `condition of edge ${edge.id}: ${result.error.message}` };
  }
  return { ok: true, value: result.value === true };
}

/** `edges` must be ordered by (priority, id), as DefinitionIndex.outgoing returns them. */
export function chooseConditionalFlow(run: Run, edges: readonly ProcessEdge[]): EdgeChoice {
  if (edges.length === 0) return { ok: true, edges: [] };
  const taken: ProcessEdge[] = [];
  const defaults: ProcessEdge[] = [];
  for (const edge of edges) {
    if (edge.isDefault) {
      defaults.push(edge);
      continue;
    }
    const verdict = test(run, edge);
    if (!verdict.ok) return verdict;
    if (verdict.value) taken.push(edge);
  }
  if (taken.length > 0) return { ok: true, edges: taken };
  if (defaults.length > 0) return { ok: true, edges: defaults };
  return { ok: false, message: "no outgoing condition is true and there is no default edge" };
}

export function chooseExclusive(run: Run, edges: readonly ProcessEdge[]): EdgeChoice {
  let fallback: ProcessEdge | undefined;
  for (const edge of edges) {
    if (edge.isDefault) {
      fallback ??= edge;
      continue;
    }
    const verdict = test(run, edge);
    if (!verdict.ok) return verdict;
    if (verdict.value) return { ok: true, edges: [edge] };
  }
  if (fallback) return { ok: true, edges: [fallback] };
  return { ok: false, message: "no condition is true and the gateway has no default edge" };
}
