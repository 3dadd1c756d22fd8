// An explicit registry of node types (never module state): what the server publishes, what the
// engine resolves behaviours through, and where workers find executors. Several versions of a
// type live side by side so instances drawn with v1 keep running while v2 is in the palette.
import type { NodeTypeInfo } from "@playbook/engine";
import type { NodeManifest } from "@playbook/schema";
import type { NodeDefinition } from "./define-node";
import { NodeSdkError } from "./errors";
import { executeNode, type NodeExecutor } from "./execute";
import type { ImplementedNode } from "./implement-node";
import { type MigrationResult, migrateConfig } from "./migrations";

export type RegistryEntry = NodeDefinition | ImplementedNode;

export interface NodeTypeRegistry {
  /** Throws `registry.duplicate` when the type and version are already registered. */
  register(entry: RegistryEntry): void;
  get(type: string, version: number): NodeDefinition | undefined;
  /** The highest registered version: what the palette offers for new nodes. */
  latest(type: string): NodeDefinition | undefined;
  /** Sorted by type, then version. `latestOnly` gives the palette's view. */
  manifests(options?: { latestOnly?: boolean }): NodeManifest[];
  /** Matches the engine's `EngineContext.resolveNodeType`; safe to pass unbound. */
  resolveNodeType(type: string, version: number): NodeTypeInfo | undefined;
  /** Undefined for unknown types and for types registered without an executor. */
  executorFor(type: string, version: number): NodeExecutor | undefined;
  /** Upgrades a config drawn with `fromVersion`; `toVersion` defaults to the latest. */
  migrateConfig(
    type: string,
    fromVersion: number,
    config: Record<string, unknown>,
    toVersion?: number,
  ): MigrationResult;
}

interface Registered {
  definition: NodeDefinition;
  executor: NodeExecutor | undefined;
}

export function createNodeTypeRegistry(entries: Iterable<RegistryEntry> = []): NodeTypeRegistry {
  const byType = new Map<string, Map<number, Registered>>();

  const find = (type: string, version: number) => byType.get(type)?.get(version);
  const latest = (type: string) => {
    const versions = byType.get(type);
    if (versions === undefined) return undefined;
    return versions.get(Math.max(...versions.keys()))?.definition;
  };

  const register = (entry: RegistryEntry) => {
    const implemented = "execute" in entry ? entry : undefined;
    const definition = implemented?.definition ?? (entry as NodeDefinition);
    const versions = byType.get(definition.type) ?? new Map<number, Registered>();
    if (versions.has(definition.version)) {
      throw new NodeSdkError(
        "registry.duplicate",
        `node type ${definition.type}@${definition.version} is already registered`,
      );
    }
    const executor: NodeExecutor | undefined =
      implemented === undefined ? undefined : (job) => executeNode(implemented, job);
    versions.set(definition.version, { definition, executor });
    byType.set(definition.type, versions);
  };

  for (const entry of entries) register(entry);

  return {
    register,
    get: (type, version) => find(type, version)?.definition,
    latest,
    manifests: ({ latestOnly = false } = {}) => {
      const manifests: NodeManifest[] = [];
      for (const type of [...byType.keys()].sort()) {
        const versions = [...byType.get(type)!.values()].sort(
          (a, b) => a.definition.version - b.definition.version,
        );
        const shown = latestOnly ? versions.slice(-1) : versions;
        for (const { definition } of shown) manifests.push(definition.manifest);
      }
      return manifests;
    },
    resolveNodeType: (type, version) => {
      const definition = find(type, version)?.definition;
      if (definition === undefined) return undefined;
      return definition.retry === undefined
        ? { behaviour: definition.behaviour }
        : { behaviour: definition.behaviour, retry: definition.retry };
    },
    executorFor: (type, version) => find(type, version)?.executor,
    migrateConfig: (type, fromVersion, config, toVersion) => {
      const target = toVersion === undefined ? latest(type) : find(type, toVersion)?.definition;
      if (target === undefined) {
        const wanted = toVersion === undefined ? type : `${type}@${toVersion}`;
        return {
          ok: false,
          error: {
            code: "migration.unknownType",
            message: `node type ${wanted} is not registered`,
          },
        };
      }
      return migrateConfig(target, fromVersion, config);
    },
  };
}
