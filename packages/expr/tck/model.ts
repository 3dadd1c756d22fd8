// A DMN model reduced to what the FEEL runner needs: decisions and business knowledge models by
// name, with their expression element and what they require.
import { attr, child, children, elementNames, readXml, type XmlNode } from "./xml";

export interface Drg {
  name: string;
  id: string;
  kind: "decision" | "bkm";
  /** The decision's expression element, or the BKM's encapsulatedLogic. */
  logic: XmlNode | undefined;
  logicName: string | undefined;
  /** Required decisions and BKMs, by id. */
  requires: string[];
}

export interface Model {
  byName: Map<string, Drg>;
  byId: Map<string, Drg>;
  inputNames: Set<string>;
  /** Decision services by id: the runner does not invoke them. */
  serviceIds: Set<string>;
}

const NOT_EXPRESSIONS = new Set([
  "variable",
  "informationRequirement",
  "knowledgeRequirement",
  "authorityRequirement",
  "description",
  "extensionElements",
  "question",
  "allowedAnswers",
]);

export function readModel(path: string): Model {
  const definitions = readXml(path).definitions as XmlNode;
  const byName = new Map<string, Drg>();
  const byId = new Map<string, Drg>();
  const add = (drg: Drg) => {
    byName.set(drg.name, drg);
    byId.set(drg.id, drg);
  };
  for (const node of children(definitions, "decision")) {
    const logicName = elementNames(node).find((name) => !NOT_EXPRESSIONS.has(name));
    add({
      name: attr(node, "name") ?? "",
      id: attr(node, "id") ?? "",
      kind: "decision",
      logic: logicName === undefined ? undefined : child(node, logicName),
      logicName,
      requires: requirements(node),
    });
  }
  for (const node of children(definitions, "businessKnowledgeModel")) {
    add({
      name: attr(node, "name") ?? "",
      id: attr(node, "id") ?? "",
      kind: "bkm",
      logic: child(node, "encapsulatedLogic"),
      logicName: "encapsulatedLogic",
      requires: requirements(node),
    });
  }
  const inputNames = new Set(
    children(definitions, "inputData").map((node) => attr(node, "name") ?? ""),
  );
  const serviceIds = new Set(
    children(definitions, "decisionService").map((node) => attr(node, "id") ?? ""),
  );
  return { byName, byId, inputNames, serviceIds };
}

function requirements(node: XmlNode): string[] {
  const hrefs = [
    ...children(node, "informationRequirement").map((r) =>
      attr(child(r, "requiredDecision"), "href"),
    ),
    ...children(node, "knowledgeRequirement").map((r) =>
      attr(child(r, "requiredKnowledge"), "href"),
    ),
  ];
  return hrefs
    .filter((href): href is string => href !== undefined)
    .map((href) => href.replace(/^.*#/, ""));
}
