// DMN boxed expressions to FEEL source text. A decision that requires other decisions or
// business knowledge models is evaluated as one FEEL context holding its requirements (in
// dependency order) and then itself, so everything runs through the package's public
// `evaluate` with FEEL values never leaving the interpreter.
import type { Drg, Model } from "./model";
import { attr, child, children, elementNames, text, type XmlNode } from "./xml";

/** Thrown for what the runner does not translate; the message is the skip reason. */
export class Unsupported extends Error {}

const RESULT_KEY = "__tck_result";

export function decisionSource(model: Model, decision: Drg): string {
  const own = drgSource(decision);
  const required = dependencyOrder(model, decision);
  if (required.length === 0) return own;
  const entries = required.map((drg) => `${contextKey(drg.name)}: (${drgSource(drg)})`);
  return `get value({${entries.join(", ")}, "${RESULT_KEY}": (${own})}, "${RESULT_KEY}")`;
}

function drgSource(drg: Drg): string {
  if (drg.logic === undefined || drg.logicName === undefined) {
    throw new Unsupported(`${drg.kind} "${drg.name}" has no expression`);
  }
  return expressionSource(drg.logicName, drg.logic);
}

/** Transitive requirements, each after the ones it needs. */
function dependencyOrder(model: Model, root: Drg): Drg[] {
  const ordered: Drg[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (drg: Drg) => {
    for (const id of drg.requires) {
      const required = model.byId.get(id);
      if (required === undefined) {
        throw new Unsupported(
          model.serviceIds.has(id)
            ? `requires decision service #${id} (not supported)`
            : `requirement #${id} is not in the model`,
        );
      }
      if (state.get(id) === "done") continue;
      if (state.get(id) === "visiting") throw new Unsupported("requirements form a cycle");
      state.set(id, "visiting");
      visit(required);
      state.set(id, "done");
      ordered.push(required);
    }
  };
  visit(root);
  return ordered;
}

export function expressionSource(name: string, node: XmlNode): string {
  switch (name) {
    case "literalExpression": {
      const language = attr(node, "expressionLanguage");
      if (language !== undefined && !/feel/i.test(language)) {
        throw new Unsupported(`literal expression in ${language}`);
      }
      const source = text(child(node, "text")).trim();
      return source === "" ? "null" : source;
    }
    case "context":
      return contextSource(node);
    case "functionDefinition":
    case "encapsulatedLogic":
      return functionSource(node);
    case "list":
      return `[${expressionChildren(node, [])
        .map((part) => `(${part})`)
        .join(", ")}]`;
    case "invocation":
      return invocationSource(node);
    default:
      throw new Unsupported(`boxed ${name} is not a FEEL literal expression`);
  }
}

function contextSource(node: XmlNode): string {
  const entries: string[] = [];
  let result: string | undefined;
  for (const entry of children(node, "contextEntry")) {
    const [value] = expressionChildren(entry, ["variable"]);
    const name = attr(child(entry, "variable"), "name");
    if (name === undefined) result = value ?? "null";
    else entries.push(`${contextKey(name)}: (${value ?? "null"})`);
  }
  if (result === undefined) return `{${entries.join(", ")}}`;
  entries.push(`"${RESULT_KEY}": (${result})`);
  return `get value({${entries.join(", ")}}, "${RESULT_KEY}")`;
}

function functionSource(node: XmlNode): string {
  const kind = attr(node, "kind") ?? "FEEL";
  if (kind !== "FEEL") throw new Unsupported(`external ${kind} function`);
  const params = children(node, "formalParameter").map((param) => attr(param, "name") ?? "");
  const [body] = expressionChildren(node, ["formalParameter"]);
  return `function(${params.join(", ")}) (${body ?? "null"})`;
}

function invocationSource(node: XmlNode): string {
  const [callee] = expressionChildren(node, ["binding"]);
  if (callee === undefined) throw new Unsupported("invocation without a callee");
  const bindings = children(node, "binding").map((binding) => {
    const name = attr(child(binding, "parameter"), "name") ?? "";
    const [value] = expressionChildren(binding, ["parameter"]);
    return `${name}: (${value ?? "null"})`;
  });
  return `(${callee})(${bindings.join(", ")})`;
}

/** The expression elements among a node's children, translated. */
function expressionChildren(node: XmlNode, ignore: readonly string[]): string[] {
  const skip = new Set([...ignore, "description", "extensionElements"]);
  const names = elementNames(node).filter((name) => !skip.has(name));
  if (names.length > 1 && names.some((name) => children(node, name).length > 1)) {
    // the parser groups siblings by element name, so a mixed sequence has lost its order
    throw new Unsupported("boxed list mixing expression kinds");
  }
  return names.flatMap((name) => children(node, name).map((part) => expressionSource(name, part)));
}

/** A context key as a FEEL name where it is one, else as a string literal. */
function contextKey(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*( [\p{L}\p{N}_]+)*$/u.test(name) ? name : JSON.stringify(name);
}
