// The one validator the editor (as the user types) and the server (on save and publish) share:
// shape first, then — on a well-shaped definition — every semantic check, all problems at once.
import { ProcessDefinition } from "../definition";
import type { ExpressionAnalyzer } from "../expression-port";
import type { Problem } from "../problems";
import { checkConfigs } from "./config";
import { checkConnections } from "./connections";
import { checkBusyLoops } from "./cycles";
import { checkVariables } from "./declarations";
import { checkExpressions } from "./expressions";
import { checkGateways } from "./gateways";
import { buildGraph } from "./graph";
import { checkIdentity, checkNodeTypes } from "./identity";
import { type NodeTypes, toLookup } from "./node-types";
import { checkParallelBalance } from "./parallel";
import { checkReachability } from "./reachability";
import { shapeProblems } from "./shape";
import { checkStarts } from "./starts";

export interface ValidateOptions {
  /** Parses FEEL; `feelAnalyzer` from @playbook/expr in the product. */
  expressions: ExpressionAnalyzer;
}

export interface ValidationResult {
  /** False exactly when some problem is an error (warnings do not block publishing). */
  ok: boolean;
  problems: Problem[];
  /** The parsed definition (defaults applied) when its shape is valid, even with other problems. */
  definition?: ProcessDefinition;
}

export function validateDefinition(
  input: unknown,
  nodeTypes: NodeTypes,
  options: ValidateOptions,
): ValidationResult {
  const parsed = ProcessDefinition.safeParse(input);
  if (!parsed.success) {
    // Graph checks on a half-parsed document would report consequences of the shape error.
    // Parsed again with reportInput (slower) to tell a missing field from a wrong one.
    const detailed = ProcessDefinition.safeParse(input, { reportInput: true });
    const issues = detailed.success ? parsed.error.issues : detailed.error.issues;
    return { ok: false, problems: shapeProblems(input, issues) };
  }
  const definition = parsed.data;
  const lookup = toLookup(nodeTypes);
  const graph = buildGraph(definition, lookup);
  const configs = checkConfigs(graph);
  const problems = [
    ...checkIdentity(definition),
    ...checkVariables(definition),
    ...checkNodeTypes(graph, lookup),
    ...configs.problems,
    ...checkStarts(graph),
    ...checkConnections(graph),
    ...checkGateways(graph),
    ...checkExpressions(definition, graph, configs.references, options.expressions),
    ...checkReachability(graph),
    ...checkBusyLoops(graph),
    ...checkParallelBalance(graph),
  ];
  return { ok: !problems.some((p) => p.severity === "error"), problems, definition };
}
