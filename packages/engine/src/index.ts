// Public API of @playbook/engine: the pure interpreter, its contract and the behaviour configs.
export { applyEvent } from "./apply";
export * from "./behaviours/configs";
export { ERROR_VARIABLE } from "./behaviours/service";
export { backoffMs } from "./retry";
export { DEFAULT_MAX_STEPS } from "./run";
export * from "./types";
