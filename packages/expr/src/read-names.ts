// The variable names an expression reads from its scope: the input to "refers only to declared
// variables" validation and to the editor's autocomplete. Only top-level names count (`客户.等级`
// reads `客户`); names the expression binds itself (for/some/every variables, function
// parameters, context keys, `item`, `partial`) and FEEL built-in functions are left out.
import type { CompiledExpression } from "feelin";
import { isBuiltinName } from "./builtins";

type SyntaxNode = CompiledExpression["parseTree"]["topNode"];

export interface ReadNames {
  /** Names read from the variables, in order of first appearance. */
  readonly names: readonly string[];
  /**
   * Names read inside a filter (`订单[金额 > 100]`) that may be properties of each list item
   * rather than variables; they are not in `names`.
   */
  readonly itemNames: readonly string[];
  /** Built-in function names read (`count`, `date`); a variable of that name would shadow them. */
  readonly builtins: readonly string[];
  /** Every place a name is read from the scope, in source order (for renames and ranges). */
  readonly occurrences: readonly NameOccurrence[];
}

export interface NameOccurrence {
  readonly name: string;
  /** Offsets in the source: `source.slice(from, to)` is the name as written. */
  readonly from: number;
  readonly to: number;
  /** Inside a filter, where the name may be a property of each list item instead. */
  readonly inFilter: boolean;
  /** Names bound by the expression itself at this place (for, some/every, functions, contexts). */
  readonly bound: ReadonlySet<string>;
}

export function readNames(tree: CompiledExpression["parseTree"], source: string): ReadNames {
  const names = new Set<string>();
  const itemNames = new Set<string>();
  const builtins = new Set<string>();
  const occurrences: NameOccurrence[] = [];
  const text = (node: SyntaxNode) => source.slice(node.from, node.to).replace(/\s+/g, " ").trim();

  const visit = (node: SyntaxNode, bound: ReadonlySet<string>, inFilter: boolean): void => {
    switch (node.name) {
      case "VariableName": {
        const name = text(node);
        if (bound.has(name)) return;
        if (isBuiltinName(name)) {
          builtins.add(name);
          return;
        }
        occurrences.push({ name, from: node.from, to: node.to, inFilter, bound });
        if (inFilter) {
          if (!names.has(name)) itemNames.add(name);
        } else {
          names.add(name);
          itemNames.delete(name);
        }
        return;
      }
      case "PathExpression":
      case "InstanceOfExpression": {
        // `a.b`: only `a` is read from scope; `x instance of T`: T is a type, not a variable.
        const target = node.firstChild;
        if (target) visit(target, bound, inFilter);
        return;
      }
      case "FilterExpression": {
        const [target, ...rest] = children(node);
        if (target) visit(target, bound, inFilter);
        const inner = withNames(bound, ["item"]);
        for (const child of rest) visit(child, inner, true);
        return;
      }
      case "ForExpression":
      case "QuantifiedExpression": {
        let scope = node.name === "ForExpression" ? withNames(bound, ["partial"]) : bound;
        for (const child of children(node)) {
          if (child.name !== "InExpressions") {
            visit(child, scope, inFilter);
            continue;
          }
          // each iteration context sees the variables bound before it: `for x in xs, y in x`
          for (const inExpression of children(child)) {
            const [nameNode, ...rest] = children(inExpression);
            for (const part of rest) visit(part, scope, inFilter);
            if (nameNode) scope = withNames(scope, [text(nameNode)]);
          }
        }
        return;
      }
      case "FunctionDefinition": {
        const params = children(node)
          .filter((child) => child.name === "FormalParameters")
          .flatMap((formal) => children(formal).map((param) => text(param.firstChild ?? param)));
        const body = children(node).find((child) => child.name === "FunctionBody");
        if (body) visit(body, withNames(bound, params), inFilter);
        return;
      }
      case "Context": {
        let scope = bound;
        for (const entry of children(node)) {
          if (entry.name !== "ContextEntry") continue;
          const [key, value] = children(entry);
          if (value) visit(value, scope, inFilter);
          if (key) scope = withNames(scope, [contextKey(key, text)]);
        }
        return;
      }
      case "NamedParameter": {
        // `f(amount: x)`: the parameter name is not read from scope, its value is.
        const [, value] = children(node);
        if (value) visit(value, bound, inFilter);
        return;
      }
      default:
        for (const child of children(node)) visit(child, bound, inFilter);
    }
  };

  visit(tree.topNode, new Set(), false);
  return { names: [...names], itemNames: [...itemNames], builtins: [...builtins], occurrences };
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function withNames(bound: ReadonlySet<string>, names: readonly string[]): ReadonlySet<string> {
  return names.length === 0 ? bound : new Set([...bound, ...names]);
}

/** A context key is a name (`a b`) or a string literal (`"a b"`). */
function contextKey(key: SyntaxNode, text: (node: SyntaxNode) => string): string {
  const raw = text(key);
  if (!raw.startsWith('"')) return raw;
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
