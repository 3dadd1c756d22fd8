// Upgrading a node's config from the version it was drawn with to a newer version of its type,
// step by step (n -> n+1) through the target definition's migration sequence.
import { z } from "zod";
import type { NodeDefinition } from "./define-node";

export type MigrationErrorCode =
  | "migration.unknownType"
  | "migration.downgrade"
  | "migration.missingStep"
  | "migration.failed"
  | "config.invalid";

export type MigrationResult =
  | { ok: true; version: number; config: Record<string, unknown> }
  | { ok: false; error: { code: MigrationErrorCode; message: string } };

/**
 * Returns the config as written for `target` (defaults stay implicit, as the editor writes
 * them), checked against the target's schema.
 */
export function migrateConfig(
  target: NodeDefinition,
  fromVersion: number,
  config: Record<string, unknown>,
): MigrationResult {
  const name = `${target.type}@${target.version}`;
  if (fromVersion > target.version) {
    return fail("migration.downgrade", `${name}: cannot migrate down from version ${fromVersion}`);
  }
  let current = config;
  for (let version = fromVersion + 1; version <= target.version; version++) {
    const step = target.migrations[version];
    if (step === undefined) {
      return fail("migration.missingStep", `${name}: no migration to version ${version}`);
    }
    try {
      current = step(structuredClone(current));
    } catch (error) {
      return fail(
        "migration.failed",
        `${name}: migration to version ${version} threw: ${(error as Error).message}`,
      );
    }
  }
  const parsed = target.config.safeParse(current);
  if (!parsed.success) {
    return fail(
      "config.invalid",
      `${name}: migrated config is invalid: ${z.prettifyError(parsed.error)}`,
    );
  }
  return { ok: true, version: target.version, config: current };
}

function fail(code: MigrationErrorCode, message: string): MigrationResult {
  return { ok: false, error: { code, message } };
}
