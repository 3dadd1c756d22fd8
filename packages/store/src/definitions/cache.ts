// Published definition versions are immutable, so each is read from the database once per
// process and kept (bounded, least recently used out). The same object is handed to the engine
// every time, which lets the engine memoise its lookup tables on it.
import type { ProcessDefinition } from "@playbook/schema";
import type { Db } from "../database/transaction";

export interface LoadedDefinition {
  definition: ProcessDefinition;
}

export class DefinitionCache {
  private readonly entries = new Map<string, LoadedDefinition>();
  /**
   * The latest published version last seen per definition. Only a guess (another process may
   * have published since): a start that relies on it has the database confirm it.
   */
  private readonly latest = new Map<string, number>();

  guessLatest(workspaceId: string, key: string): number | undefined {
    return this.latest.get(`${workspaceId}\u0000${key}`);
  }

  rememberLatest(workspaceId: string, key: string, version: number | undefined): void {
    const latestKey = `${workspaceId}\u0000${key}`;
    if (version === undefined) this.latest.delete(latestKey);
    else this.latest.set(latestKey, version);
    if (this.latest.size > this.capacity) {
      const oldest = this.latest.keys().next().value;
      if (oldest !== undefined) this.latest.delete(oldest);
    }
  }

  constructor(private readonly capacity = 500) {}

  /** Reads through `executor` (pass the open transaction: on PGlite another connection would wait on it). */
  async get(
    executor: Db,
    workspaceId: string,
    key: string,
    version: number,
  ): Promise<LoadedDefinition | undefined> {
    const cacheKey = `${workspaceId}\u0000${key}\u0000${version}`;
    const hit = this.entries.get(cacheKey);
    if (hit) {
      this.entries.delete(cacheKey);
      this.entries.set(cacheKey, hit);
      return hit;
    }
    const row = await executor
      .selectFrom("definition_versions")
      .select("definition")
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .where("version", "=", version)
      .executeTakeFirst();
    if (!row) return undefined;
    const loaded = { definition: row.definition as ProcessDefinition };
    this.entries.set(cacheKey, loaded);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return loaded;
  }
}
