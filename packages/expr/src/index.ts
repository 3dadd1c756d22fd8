// FEEL for business users, wrapped: compile once and cache, only declared variables in scope,
// bounded work, errors as data with positions, plain JSON out. PUBLIC API — the engine, the
// validator and the editor rely on these names and shapes (see README.md).
export type { ExpressionKind } from "@playbook/schema";
export { feelAnalyzer } from "./analyzer";
export { type Budget, DEFAULT_BUDGET } from "./budget";
export { type BuiltinCategory, FEEL_BUILTINS, type FeelBuiltin, isBuiltinName } from "./builtins";
export {
  type CompiledExpression,
  type CompileOptions,
  clearExpressionCache,
  compile,
  createExpressionCache,
  DEFAULT_CACHE_CAPACITY,
  type EvaluateCompiledOptions,
  type ExpressionCache,
} from "./compile";
export { addDuration } from "./duration";
export type { BudgetLimit, EvalResult, ExprError, ExprErrorCode, ExprWarning } from "./errors";
export { type EvaluateOptions, evaluate } from "./evaluate";
export type { NameOccurrence, ReadNames } from "./read-names";
export { type RenameOutcome, renameVariable } from "./rename";
export { toJson } from "./to-json";
