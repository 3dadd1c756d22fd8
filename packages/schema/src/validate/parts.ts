// A document with shape errors, taken apart: the variables, nodes and edges that parse on their
// own (defaults applied), and whether each list came through whole. Checks run on these parts
// can only report problems the whole document has too when every check they run is "monotone":
// see checkableWithout in validate-definition.ts for which ones are not.
import { ProcessEdge, ProcessNode } from "../definition";
import { VariableDeclaration } from "../variables";
import type { DefinitionElements } from "./graph";
import { isRecord } from "./shape";

export interface ParsedParts {
  readonly elements: DefinitionElements;
  /** True for a list every element of which parsed (a missing optional list counts as whole). */
  readonly whole: { readonly variables: boolean; readonly nodes: boolean; readonly edges: boolean };
}

export function parsedParts(input: unknown): ParsedParts {
  const document = isRecord(input) ? input : {};
  const variables = parseEach(document.variables, VariableDeclaration, true);
  const nodes = parseEach(document.nodes, ProcessNode, false);
  const edges = parseEach(document.edges, ProcessEdge, true);
  return {
    elements: { variables: variables.parsed, nodes: nodes.parsed, edges: edges.parsed },
    whole: { variables: variables.whole, nodes: nodes.whole, edges: edges.whole },
  };
}

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

function parseEach<T>(
  list: unknown,
  schema: Parser<T>,
  optional: boolean,
): { parsed: T[]; whole: boolean } {
  if (list === undefined) return { parsed: [], whole: optional };
  if (!Array.isArray(list)) return { parsed: [], whole: false };
  const parsed: T[] = [];
  for (const element of list) {
    const result = schema.safeParse(element);
    if (result.success) parsed.push(result.data);
  }
  return { parsed, whole: parsed.length === list.length };
}
