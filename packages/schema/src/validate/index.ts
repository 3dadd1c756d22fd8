export { type NodeManifestLookup, type NodeTypes, manifestLookup } from "./node-types";
export { type ValidateOptions, type ValidationResult, validateDefinition } from "./validate-definition";
export { type DisplayName, displayName, type MessageParams, problemMessages } from "./messages";
export { severityOf } from "./report";
