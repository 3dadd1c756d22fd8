// How the validator finds a node's type: by exact type and version. Callers hand in either the
// manifests the server publishes (an array) or their own registry behind this small interface.
import type { z } from "zod";
import type { NodeManifest } from "../manifest";

export interface NodeManifestLookup {
  /** The manifest of exactly this type and version, if installed. */
  get(type: string, version: number): NodeManifest | undefined;
  /** Installed versions of a type; used to tell the user what is available instead. */
  versions?(type: string): readonly number[];
  /**
   * The type's own zod config schema, where the caller has it (a server's registry). It is
   * checked instead of the one rebuilt from the manifest's JSON Schema, so rules JSON Schema
   * does not carry (a timer in date mode needs a date; a GET has no body) count too.
   */
  configValidator?(type: string, version: number): z.ZodType | undefined;
}

export type NodeTypes = readonly NodeManifest[] | NodeManifestLookup;

// The editor validates on every keystroke with the same manifest array; index it once.
const lookups = new WeakMap<readonly NodeManifest[], NodeManifestLookup>();

/** A lookup over a list of manifests (later entries win on a duplicate type and version). */
export function manifestLookup(manifests: readonly NodeManifest[]): NodeManifestLookup {
  const cached = lookups.get(manifests);
  if (cached) return cached;
  const byType = new Map<string, Map<number, NodeManifest>>();
  for (const manifest of manifests) {
    let versions = byType.get(manifest.type);
    if (!versions) {
      versions = new Map();
      byType.set(manifest.type, versions);
    }
    versions.set(manifest.version, manifest);
  }
  const lookup: NodeManifestLookup = {
    get: (type, version) => byType.get(type)?.get(version),
    versions: (type) => [...(byType.get(type)?.keys() ?? [])].sort((a, b) => a - b),
  };
  lookups.set(manifests, lookup);
  return lookup;
}

export function toLookup(nodeTypes: NodeTypes): NodeManifestLookup {
  return isLookup(nodeTypes) ? nodeTypes : manifestLookup(nodeTypes);
}

function isLookup(nodeTypes: NodeTypes): nodeTypes is NodeManifestLookup {
  return !Array.isArray(nodeTypes);
}
