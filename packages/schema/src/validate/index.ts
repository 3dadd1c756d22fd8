export { type ConfigReference, type ConfigWalk, walkConfig } from "./config-walk";
export { type MessageParams, problemMessages } from "./messages";
export { type DisplayName, displayName, type EdgeName, type TypedNode } from "./names";
export { manifestLookup, type NodeManifestLookup, type NodeTypes } from "./node-types";
export { severityOf } from "./report";
export type { SettingTitles } from "./setting-names";
export {
  type ValidateOptions,
  type ValidationResult,
  validateDefinition,
} from "./validate-definition";
