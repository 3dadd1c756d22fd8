// Expressions and variable references: every edge condition and every FEEL config field must
// parse and read only declared variables (or FEEL built-ins); every config field that names a
// variable to write must name a declared one.
import type { ProcessDefinition } from "../definition";
import type { ExpressionAnalyzer } from "../expression-port";
import type { Problem } from "../problems";
import { configField, type NodeConfigReferences } from "./config";
import type { ProcessGraph } from "./graph";
import type { ExpressionPlace } from "./messages";
import { fieldPath, problem, type Where } from "./report";

export function checkExpressions(
  definition: ProcessDefinition,
  graph: ProcessGraph,
  configReferences: readonly NodeConfigReferences[],
  analyzer: ExpressionAnalyzer,
): Problem[] {
  const declared = new Set(definition.variables.map((variable) => variable.name));
  const problems: Problem[] = [];
  const expression = (source: string, place: ExpressionPlace, where: Where) =>
    problems.push(...expressionProblems(source, place, where, declared, analyzer));

  for (const { edge, name } of graph.edges) {
    if (edge.condition === undefined) continue;
    expression(
      edge.condition,
      { kind: "edgeCondition", edge: name },
      { edgeId: edge.id, field: "condition" },
    );
  }
  for (const { node, references } of configReferences) {
    for (const reference of references) {
      const field = configField(reference.path);
      // A widget sits on a property or item, never on the config itself, so the path is never empty.
      const setting = fieldPath(reference.path);
      const where = { nodeId: node.node.id, field };
      if (reference.widget === "feel") {
        expression(reference.value, { kind: "nodeConfig", node: node.name, field: setting }, where);
      } else if (!declared.has(reference.value)) {
        problems.push(
          problem(
            "variable.undeclared",
            { node: node.name, field: setting, name: reference.value },
            where,
          ),
        );
      }
    }
  }
  return problems;
}

function expressionProblems(
  source: string,
  place: ExpressionPlace,
  where: Where,
  declared: ReadonlySet<string>,
  analyzer: ExpressionAnalyzer,
): Problem[] {
  const analysis = analyzer.analyze(source, "expression");
  if (!analysis.ok) {
    const from = clamp(analysis.from, source.length);
    const to = Math.max(from, clamp(analysis.to, source.length));
    return [
      problem(
        "expression.syntax",
        { where: place, detail: analysis.message },
        { ...where, range: { from, to } },
      ),
    ];
  }
  const undeclared = new Set(
    analysis.names.filter((name) => !declared.has(name) && !analyzer.isBuiltin(name)),
  );
  return [...undeclared].map((name) =>
    problem("expression.undeclaredVariable", { where: place, name }, where),
  );
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(offset)), length);
}
