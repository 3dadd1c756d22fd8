// The one validator the editor (as the user types) and the server (on save and publish) share:
// shape first, then — on a well-shaped definition — every semantic check, all problems at once.
// On request, a document with shape errors also gets the checks that stay true of the elements
// that did parse, so one broken field does not hide every other problem.
import { ProcessDefinition } from "../definition";
import type { ExpressionAnalyzer } from "../expression-port";
import type { Problem, ProblemCode } from "../problems";
import { checkConfigs } from "./config";
import { checkConnections } from "./connections";
import { checkBusyLoops } from "./cycles";
import { checkVariables } from "./declarations";
import { checkExpressions } from "./expressions";
import { checkGateways } from "./gateways";
import { buildGraph, type DefinitionElements } from "./graph";
import { checkIdentity, checkNodeTypes } from "./identity";
import { type NodeManifestLookup, type NodeTypes, toLookup } from "./node-types";
import { checkParallelBalance } from "./parallel";
import { type ParsedParts, parsedParts } from "./parts";
import { checkReachability } from "./reachability";
import type { SettingTitles } from "./setting-names";
import { shapeProblems } from "./shape";
import { checkStarts } from "./starts";

export interface ValidateOptions {
  /** Parses FEEL; `feelAnalyzer` from @playbook/expr in the product. */
  expressions: ExpressionAnalyzer;
  /**
   * On a document with shape errors, also check the variables, nodes and edges that parsed,
   * leaving out what a broken element could cause rather than reveal (an unreachable node
   * behind a broken edge...). Off by default: shape problems only, as callers that only want
   * to explain a broken file (e.g. an import without the node types at hand) expect.
   */
  checkParsedParts?: boolean;
  /**
   * Titles of node settings for messages, by node type and key, where the manifest has no
   * `x-title` (the editor passes its form titles of the built-in types). Default: keys.
   */
  settingTitles?: SettingTitles;
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
  const lookup = toLookup(nodeTypes);
  const parsed = ProcessDefinition.safeParse(input);
  if (!parsed.success) {
    // Parsed again with reportInput (slower) to tell a missing field from a wrong one.
    const detailed = ProcessDefinition.safeParse(input, { reportInput: true });
    const issues = detailed.success ? parsed.error.issues : detailed.error.issues;
    const problems = shapeProblems(input, issues, lookup);
    if (options.checkParsedParts)
      problems.push(...partsProblems(parsedParts(input), lookup, options));
    return { ok: false, problems };
  }
  const definition = parsed.data;
  const problems = semanticProblems(definition, lookup, options.expressions, options.settingTitles);
  return { ok: !problems.some((p) => p.severity === "error"), problems, definition };
}

function semanticProblems(
  elements: DefinitionElements,
  lookup: NodeManifestLookup,
  analyzer: ExpressionAnalyzer,
  titles?: SettingTitles,
): Problem[] {
  const graph = buildGraph(elements, lookup);
  const configs = checkConfigs(graph, lookup, titles);
  return [
    ...checkIdentity(elements, graph),
    ...checkVariables(elements),
    ...checkNodeTypes(graph, lookup),
    ...configs.problems,
    ...checkStarts(graph, titles),
    ...checkConnections(graph),
    ...checkGateways(graph),
    ...checkExpressions(elements, graph, configs.references, analyzer, titles),
    ...checkReachability(graph),
    ...checkBusyLoops(graph),
    ...checkParallelBalance(graph),
  ];
}

// Problems that an element lost to a shape error could cause rather than reveal. Every other
// check only finds more when elements are added (a duplicate, a bad setting, a loop without a
// wait, too many edges on a port stay so), so on the parts that parsed it reports nothing false.
/** Need every node and edge: a missing one can make a node unreachable, a join unbalanced... */
const needsWholeGraph: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "edge.unknownNode",
  "start.missing",
  "node.unreachable",
  "node.cannotReachEnd",
  "gateway.noDefault",
  "parallel.unbalanced",
  "parallel.unsynchronized",
]);
/** Need every variable: a broken declaration would make its name look undeclared. */
const needsEveryVariable: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "expression.undeclaredVariable",
  "variable.undeclared",
]);

function partsProblems(
  parts: ParsedParts,
  lookup: NodeManifestLookup,
  options: ValidateOptions,
): Problem[] {
  const { whole } = parts;
  const graphWhole = whole.nodes && whole.edges;
  return semanticProblems(
    parts.elements,
    lookup,
    options.expressions,
    options.settingTitles,
  ).filter(
    (p) =>
      (graphWhole || !needsWholeGraph.has(p.code)) &&
      (whole.variables || !needsEveryVariable.has(p.code)),
  );
}
