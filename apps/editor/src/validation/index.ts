// Validation as the editor uses it: the shared validator, debounced and indexed by node and edge.
export { indexProblems, type ProblemIndex, problemsAt } from "./problemIndex";
export { useValidation, VALIDATION_DELAY_MS, type ValidationState } from "./useValidation";
export { type EditorValidation, validateForEditor } from "./validate";
