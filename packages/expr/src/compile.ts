// compile(): a FEEL source parsed and built once (cached, LRU-bounded), evaluated many times
// against plain JSON variables with only the declared names in scope and a work budget.
import type { ExpressionKind, VariableType } from "@playbook/schema";
import {
  type Budget,
  BudgetExceeded,
  createMeter,
  DEFAULT_BUDGET,
  isStackOverflow,
  resolveBudget,
} from "./budget";
import type { EvalResult, ExprError } from "./errors";
import { LruCache } from "./lru";
import { isSingleWord } from "./names";
import { buildProgram, type Program } from "./program";
import type { ReadNames } from "./read-names";
import { buildScope } from "./scope";
import { toJson } from "./to-json";

export interface EvaluateCompiledOptions {
  /** For unary tests: the input value (`?`). */
  input?: unknown;
  /** Declared types: `date` / `datetime` strings are read as FEEL dates. */
  types?: Readonly<Record<string, VariableType>>;
  /** Overrides of DEFAULT_BUDGET for this evaluation. */
  budget?: Partial<Budget>;
  /** Include feelin's warnings (unknown names, type mismatches) in the result. */
  warnings?: boolean;
  /** Pins `now()` and `today()` to this instant (epoch ms); default: the system clock. */
  now?: number;
  /** The zone `now()` and `today()` read `now` in (IANA name or offset); default UTC. */
  timeZone?: string;
}

export interface CompiledExpression {
  readonly source: string;
  readonly kind: ExpressionKind;
  /** The syntax error, or null when the source parsed. */
  readonly error: ExprError | null;
  /** Top-level variable names the expression reads (see read-names.ts). */
  readonly reads: ReadNames;
  evaluate(
    variables: Readonly<Record<string, unknown>>,
    options?: EvaluateCompiledOptions,
  ): EvalResult;
}

export type ExpressionCache = LruCache<string, Program>;

export interface CompileOptions {
  /**
   * Only these names are in scope; any other name reads as null. Remembered by identity: pass
   * the same (unchanging) list or set each time, not a mutated one.
   */
  declared?: Iterable<string>;
  /** Names to parse as variables when `declared` is absent (multi-word names need this). */
  knownNames?: Iterable<string>;
  /** The cache to use; `null` compiles afresh (benchmarks). Default: a shared 1000-entry LRU. */
  cache?: ExpressionCache | null;
}

export const DEFAULT_CACHE_CAPACITY = 1000;

export function createExpressionCache(capacity = DEFAULT_CACHE_CAPACITY): ExpressionCache {
  return new LruCache<string, Program>(capacity);
}

const sharedCache = createExpressionCache();

/** Empties the shared cache (tests, or after changing many definitions at once). */
export function clearExpressionCache(): void {
  sharedCache.clear();
}

export function compile(
  source: string,
  kind: ExpressionKind = "expression",
  options: CompileOptions = {},
): CompiledExpression {
  const scope = options.declared === undefined ? undefined : declaredScope(options.declared);
  const declared = scope?.names;
  const parseNames = scope?.parseNames ?? multiWordNames(options.knownNames ?? []);
  const cache = options.cache === undefined ? sharedCache : options.cache;
  const key = `${kind}\u0000${parseNames.join("\u0001")}\u0000${source}`;
  let program = cache?.get(key);
  if (program === undefined) {
    program = buildProgram(source, kind, parseNames, DEFAULT_BUDGET.maxSourceLength);
    cache?.set(key, program);
  }
  return bind(program, declared);
}

function bind(program: Program, declared: ReadonlySet<string> | undefined): CompiledExpression {
  // Names read inside filters may be variables too (or item properties), and a variable named
  // like a built-in (`date`) shadows it: all of them are candidates for the scope.
  const { names, itemNames, builtins } = program.names;
  const reads = [...names, ...itemNames, ...builtins];
  return {
    source: program.source,
    kind: program.kind,
    error: program.error,
    reads: program.names,
    evaluate(variables, options = {}) {
      if (program.feel === null) return { ok: false, error: program.error! };
      const budget = resolveBudget(options.budget);
      try {
        const scope = buildScope(variables, {
          reads,
          declared,
          types: options.types,
          budget,
          ...(program.kind === "unaryTest" ? { input: { value: options.input } } : {}),
        });
        const clock =
          options.now === undefined
            ? null
            : { epochMilliseconds: options.now, timeZone: options.timeZone ?? "UTC" };
        const result = program.feel.evaluate(scope, { meter: createMeter(budget), clock });
        const value = toJson(result.value);
        if (!options.warnings) return { ok: true, value };
        const warnings = result.warnings.map((w) => ({
          type: w.type,
          message: w.message,
          from: w.position.from,
          to: w.position.to,
        }));
        return { ok: true, value, warnings };
      } catch (error) {
        return { ok: false, error: toEvaluationError(error) };
      }
    },
  };
}

function toEvaluationError(error: unknown): ExprError {
  if (error instanceof BudgetExceeded) {
    return { code: "budget", limit: error.limit, message: error.message };
  }
  if (isStackOverflow(error)) {
    return { code: "budget", limit: "depth", message: "expression or data nested too deeply" };
  }
  return { code: "runtime", message: error instanceof Error ? error.message : String(error) };
}

interface DeclaredScope {
  names: ReadonlySet<string>;
  parseNames: string[];
}

// The engine passes the same declaration list for every evaluation of a definition: remember
// its set and multi-word names by identity instead of rebuilding them per call.
const declaredScopes = new WeakMap<Iterable<string>, DeclaredScope>();

function declaredScope(declared: Iterable<string>): DeclaredScope {
  let scope = declaredScopes.get(declared);
  if (scope === undefined) {
    const names: ReadonlySet<string> = declared instanceof Set ? declared : new Set(declared);
    scope = { names, parseNames: multiWordNames(names) };
    declaredScopes.set(declared, scope);
  }
  return scope;
}

function multiWordNames(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names) if (!isSingleWord(name)) out.push(name);
  return out.sort();
}
