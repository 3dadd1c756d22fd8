// Shape problems: zod's issues for a document that is not a ProcessDefinition, pointed at the
// node or edge they sit in (by id when it has one) so the editor can still mark the element, and
// naming it as the canvas would: a node by its label or type, an edge by its label, condition or
// the nodes it joins.
import type { z } from "zod";
import { ElementId } from "../definition";
import type { Problem } from "../problems";
import { issueDetail } from "./issue-details";
import type { Owner } from "./messages";
import { type DisplayName, displayName, edgeName } from "./names";
import type { NodeManifestLookup } from "./node-types";
import { fieldPath, problem, type Where } from "./report";

export function shapeProblems(
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  lookup: NodeManifestLookup,
): Problem[] {
  let names: ReadonlyMap<string, DisplayName> | undefined;
  const nodeNames = () => {
    names ??= rawNodeNames(input, lookup);
    return names;
  };
  return issues.map((issue) => {
    const [collection, index, ...rest] = issue.path;
    const detail = issueDetail(issue);
    if ((collection === "nodes" || collection === "edges") && typeof index === "number") {
      const element = elementAt(input, collection, index);
      const id = ElementId.safeParse(element?.id).success ? (element?.id as string) : undefined;
      const where: Where = {};
      if (id !== undefined) where[collection === "nodes" ? "nodeId" : "edgeId"] = id;
      // Without an id the element can only be found by its position in the document.
      const field =
        id === undefined ? fieldPath(issue.path) : rest.length > 0 ? fieldPath(rest) : undefined;
      if (field !== undefined) where.field = field;
      const owner =
        id === undefined || element === undefined
          ? undefined
          : ownerOf(collection, id, element, nodeNames());
      return problem("definition.shape", { field, detail, owner }, where);
    }
    const field = issue.path.length > 0 ? fieldPath(issue.path) : undefined;
    return problem("definition.shape", { field, detail }, field === undefined ? {} : { field });
  });
}

function ownerOf(
  collection: "nodes" | "edges",
  id: string,
  element: Record<string, unknown>,
  nodeNames: ReadonlyMap<string, DisplayName>,
): Owner {
  const label = isRecord(element.label) ? element.label : undefined;
  if (collection === "nodes") return { kind: "node", name: nodeNames.get(id) ?? displayName(id) };
  const end = (key: "source" | "target") =>
    typeof element[key] === "string" ? nodeNames.get(element[key]) : undefined;
  const name = edgeName(
    { id, label, condition: element.condition },
    { from: end("source"), to: end("target") },
  );
  return { kind: "edge", name };
}

/** Names of the nodes that have a usable id, as the canvas shows them: label, else type title. */
function rawNodeNames(input: unknown, lookup: NodeManifestLookup): Map<string, DisplayName> {
  const names = new Map<string, DisplayName>();
  const nodes = isRecord(input) && Array.isArray(input.nodes) ? input.nodes : [];
  for (const node of nodes) {
    if (!isRecord(node) || !ElementId.safeParse(node.id).success) continue;
    const id = node.id as string;
    if (names.has(id)) continue;
    const { type, typeVersion } = node;
    const manifest =
      typeof type === "string" && typeof typeVersion === "number"
        ? lookup.get(type, typeVersion)
        : undefined;
    names.set(id, displayName(id, isRecord(node.label) ? node.label : undefined, manifest?.title));
  }
  return names;
}

function elementAt(
  input: unknown,
  collection: "nodes" | "edges",
  index: number,
): Record<string, unknown> | undefined {
  const elements = isRecord(input) ? input[collection] : undefined;
  const element = Array.isArray(elements) ? elements[index] : undefined;
  return isRecord(element) ? element : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
