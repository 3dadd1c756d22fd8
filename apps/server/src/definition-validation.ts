// The shared definition validator (the same one the editor runs as the user types), bound to the
// node types this server has registered, in the two shapes the server needs: a full report for
// the API, and the store's publish hook so nothing invalid is frozen even if a caller skips ours.
import { feelAnalyzer } from "@playbook/expr";
import type { NodeTypeRegistry } from "@playbook/node-sdk";
import {
  type NodeManifestLookup,
  type ValidationResult,
  validateDefinition,
} from "@playbook/schema";
import type { DefinitionIssue, ValidateDefinition } from "@playbook/store";

export interface DefinitionValidator {
  /** Every problem of a definition document (shape first, then graph and expressions). */
  validate(input: unknown): ValidationResult;
  /** The store's publish hook: blocking problems only, as issues. */
  forStore: ValidateDefinition;
}

export function createDefinitionValidator(registry: NodeTypeRegistry): DefinitionValidator {
  // Read through the registry on every call: node packs may be registered after start-up.
  const nodeTypes: NodeManifestLookup = {
    get: (type, version) => registry.get(type, version)?.manifest,
    versions: (type) =>
      registry
        .manifests()
        .filter((manifest) => manifest.type === type)
        .map((manifest) => manifest.version),
    // The node types' own zod configs: cross-field rules are checked before anything publishes.
    configValidator: (type, version) => registry.get(type, version)?.config,
  };
  const validate = (input: unknown) =>
    validateDefinition(input, nodeTypes, { expressions: feelAnalyzer, checkParsedParts: true });
  return {
    validate,
    forStore: (definition) =>
      validate(definition)
        .problems.filter((problem) => problem.severity === "error")
        .map(
          (problem): DefinitionIssue => ({
            code: problem.code,
            message: problem.message.en,
            ...(problem.field !== undefined ? { path: problem.field } : {}),
            ...(problem.nodeId !== undefined ? { nodeId: problem.nodeId } : {}),
            ...(problem.edgeId !== undefined ? { edgeId: problem.edgeId } : {}),
          }),
        ),
  };
}
