// Shape problems: zod's issues for a document that is not a ProcessDefinition, pointed at the
// node or edge they sit in (by id when it has one) so the editor can still mark the element.
import type { z } from "zod";
import { ElementId } from "../definition";
import type { Problem } from "../problems";
import { type DisplayName, displayName, issueDetail, type Owner } from "./messages";
import { fieldPath, problem, type Where } from "./report";

export function shapeProblems(input: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const [collection, index, ...rest] = issue.path;
    const detail = issueDetail(issue);
    if ((collection === "nodes" || collection === "edges") && typeof index === "number") {
      const element = elementAt(input, collection, index);
      const kind = collection === "nodes" ? "node" : "edge";
      const where: Where = {};
      if (element.id !== undefined) where[kind === "node" ? "nodeId" : "edgeId"] = element.id;
      // Without an id the element can only be found by its position in the document.
      const field =
        element.id === undefined
          ? fieldPath(issue.path)
          : rest.length > 0
            ? fieldPath(rest)
            : undefined;
      if (field !== undefined) where.field = field;
      const owner: Owner | undefined =
        element.id === undefined ? undefined : { kind, name: element.name };
      return problem("definition.shape", { field, detail, owner }, where);
    }
    const field = issue.path.length > 0 ? fieldPath(issue.path) : undefined;
    return problem("definition.shape", { field, detail }, field === undefined ? {} : { field });
  });
}

function elementAt(
  input: unknown,
  collection: "nodes" | "edges",
  index: number,
): { id?: string; name: DisplayName } {
  const elements = isRecord(input) ? input[collection] : undefined;
  const element = Array.isArray(elements) ? elements[index] : undefined;
  if (!isRecord(element)) return { name: displayName(`${collection}.${index}`) };
  const id = ElementId.safeParse(element.id).success ? (element.id as string) : undefined;
  const label = isRecord(element.label) ? element.label : undefined;
  return id === undefined
    ? { name: displayName(`${collection}.${index}`) }
    : { id, name: displayName(id, label) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
