// Reading DMN and TCK test XML: one parser configuration (namespace prefixes dropped, every
// value kept as text) and small accessors over the resulting plain objects.
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";

export type XmlNode = { [key: string]: unknown };

const REPEATED = new Set([
  "decision",
  "businessKnowledgeModel",
  "inputData",
  "contextEntry",
  "formalParameter",
  "binding",
  "informationRequirement",
  "knowledgeRequirement",
  "testCase",
  "resultNode",
  "inputNode",
  "item",
  "component",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // expected strings keep their spaces; whitespace between elements is ignored below
  trimValues: false,
  alwaysCreateTextNode: true,
  isArray: (name) => REPEATED.has(name),
});

export function readXml(path: string): XmlNode {
  return parser.parse(readFileSync(path, "utf8")) as XmlNode;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  if (Array.isArray(value)) return value[0] as XmlNode | undefined;
  return isNode(value) ? value : undefined;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter(isNode);
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

export function text(node: XmlNode | undefined): string {
  const value = node?.["#text"];
  return typeof value === "string" ? value : "";
}

/** Element children (not attributes or text), in document order per element name. */
export function elementNames(node: XmlNode): string[] {
  return Object.keys(node).filter((key) => !key.startsWith("@_") && key !== "#text");
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null;
}
