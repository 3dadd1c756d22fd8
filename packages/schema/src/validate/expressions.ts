// Expressions and variable references: every edge condition, every FEEL config field and every
// `{{ … }}` placeholder of a text template must parse and read only declared variables (or FEEL
// built-ins); every config field that names a
// variable to write must name a declared one. Both kinds of expression problem carry the range
// to underline inside the expression: the syntax error, or where the undeclared name is read.
import type { ExpressionAnalyzer } from "../expression-port";
import type { Problem } from "../problems";
import { templatePlaceholders } from "../templates";
import { configField, type NodeConfigReferences } from "./config";
import type { DefinitionElements, ProcessGraph } from "./graph";
import type { ExpressionPlace } from "./messages";
import { edgeName, text } from "./names";
import { fieldPath, problem, type Where } from "./report";
import { type SettingTitles, settingName } from "./setting-names";

export function checkExpressions(
  definition: DefinitionElements,
  graph: ProcessGraph,
  configReferences: readonly NodeConfigReferences[],
  analyzer: ExpressionAnalyzer,
  titles?: SettingTitles,
): Problem[] {
  const declared = new Set(definition.variables.map((variable) => variable.name));
  const problems: Problem[] = [];
  const expression = (source: string, place: ExpressionPlace, where: Where, offset = 0) =>
    problems.push(...expressionProblems(source, place, where, declared, analyzer, offset));

  for (const { edge, source, target } of graph.edges) {
    if (edge.condition === undefined) continue;
    // The message is about the condition, so the edge is not named by it.
    const name = edgeName(edge, { from: source.name, to: target.name }, { byCondition: false });
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
      const setting = node.manifest
        ? settingName(reference.path, node.manifest, titles)
        : text(` ${fieldPath(reference.path)} `, fieldPath(reference.path));
      const where = { nodeId: node.node.id, field };
      const place: ExpressionPlace = { kind: "nodeConfig", node: node.name, field: setting };
      if (reference.widget === "feel") {
        expression(reference.value, place, where);
      } else if (reference.widget === "template") {
        // Each `{{ … }}` is an expression; ranges point into the whole text.
        for (const placeholder of templatePlaceholders(reference.value)) {
          expression(placeholder.source, place, where, placeholder.from);
        }
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
  /** Where `source` starts in the field's text (a template's placeholder). */
  offset: number,
): Problem[] {
  const analysis = analyzer.analyze(source, "expression");
  if (!analysis.ok) {
    return [
      problem(
        "expression.syntax",
        { where: place, detail: analysis.message },
        { ...where, range: shifted(withinSource(analysis, source.length), offset) },
      ),
    ];
  }
  const undeclared = new Set(
    analysis.names.filter((name) => !declared.has(name) && !analyzer.isBuiltin(name)),
  );
  return [...undeclared].map((name) => {
    const read = analysis.nameRanges?.find((range) => range.name === name);
    const at =
      read === undefined
        ? where
        : { ...where, range: shifted(withinSource(read, source.length), offset) };
    return problem("expression.undeclaredVariable", { where: place, name }, at);
  });
}

interface SourceRange {
  readonly from: number;
  readonly to: number;
}

/** An analyzer's range, kept inside the source so an editor can always mark it. */
function withinSource(range: SourceRange, length: number): SourceRange {
  const from = clamp(range.from, length);
  return { from, to: Math.max(from, clamp(range.to, length)) };
}

function shifted(range: SourceRange, offset: number): SourceRange {
  return offset === 0 ? range : { from: range.from + offset, to: range.to + offset };
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(offset)), length);
}
