// Node configs against their node type's config schema: every zod issue and Unicode-pattern
// mismatch becomes a node.config problem at `config.<path>`; the FEEL and variable fields found
// on the way are handed to the expression check.
import type { z } from "zod";
import type { Problem } from "../problems";
import { compileConfigSchema } from "./config-schema";
import { type ConfigReference, walkConfig } from "./config-walk";
import type { GraphNode, ProcessGraph } from "./graph";
import { issueDetail, patternDetail } from "./issue-details";
import type { NodeManifestLookup } from "./node-types";
import { fieldPath, problem } from "./report";
import { type SettingTitles, settingName } from "./setting-names";

export interface NodeConfigReferences {
  readonly node: GraphNode;
  readonly references: readonly ConfigReference[];
}

export function checkConfigs(
  graph: ProcessGraph,
  lookup: NodeManifestLookup,
  titles?: SettingTitles,
): {
  problems: Problem[];
  references: NodeConfigReferences[];
} {
  const problems: Problem[] = [];
  const references: NodeConfigReferences[] = [];
  for (const node of graph.nodes) {
    const manifest = node.manifest;
    if (!manifest) continue; // node.unknownType says it
    const compiled = compileConfigSchema(manifest.configSchema);
    const { schema } = compiled;
    // The type's own schema where the caller has it: it also holds the rules JSON Schema cannot.
    const validator =
      lookup.configValidator?.(manifest.type, manifest.version) ?? compiled.validator;
    const config = node.node.config;
    const nodeId = node.node.id;
    // The setting as a person reads it in a message; none for the settings as a whole.
    const shown = (path: readonly PropertyKey[]) =>
      path.length === 0 ? undefined : settingName(path, manifest, titles);
    if (validator) {
      for (const issue of configIssues(validator, config)) {
        const field = configField(issue.path);
        problems.push(
          problem(
            "node.config",
            { node: node.name, field: shown(issue.path), detail: issueDetail(issue) },
            { nodeId, field },
          ),
        );
      }
    } else {
      problems.push(
        problem(
          "node.configUnchecked",
          { node: node.name, type: manifest.type, title: manifest.title },
          { nodeId, field: "config" },
        ),
      );
    }
    const walk = walkConfig(schema, config);
    for (const path of walk.patternMismatches) {
      const field = configField(path);
      problems.push(
        problem(
          "node.config",
          { node: node.name, field: shown(path), detail: patternDetail() },
          { nodeId, field },
        ),
      );
    }
    if (walk.references.length > 0) references.push({ node, references: walk.references });
  }
  return { problems, references };
}

// reportInput (to tell "missing" from "wrong type") turns off zod's fast path; the valid
// majority of configs is parsed without it and only a failing one again with it.
function configIssues(validator: z.ZodType, config: unknown): readonly z.core.$ZodIssue[] {
  if (validator.safeParse(config).success) return [];
  const result = validator.safeParse(config, { reportInput: true });
  return result.success ? [] : result.error.issues;
}

export function configField(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "config" : `config.${fieldPath(path)}`;
}
