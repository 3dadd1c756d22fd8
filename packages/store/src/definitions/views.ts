// Shapes the definitions API returns, and small reads shared by drafts and versions.
import type { ProcessDefinition } from "@playbook/schema";
import type { Db, Tx } from "../database/transaction";

export interface SaveDraftInput {
  key: string;
  /** The definition JSON as the editor has it; checked fully only at publish. */
  definition: Record<string, unknown>;
  /** The revision the editor loaded; a different current revision is a conflict. Omit to force. */
  expectedRevision?: number;
}

export interface DraftView {
  key: string;
  revision: number;
  definition: Record<string, unknown>;
  updatedAt: string;
}

export interface DefinitionSummary {
  key: string;
  name: unknown;
  /** Null when there is no draft (never saved, deleted or hard-deleted). */
  draftRevision: number | null;
  /** Null when never published. */
  latestVersion: number | null;
  /** A draft exists that is not what the latest version was published from (or none was). */
  unpublishedChanges: boolean;
  updatedAt: string;
}

export interface VersionSummary {
  key: string;
  version: number;
  note: string | null;
  publishedBy: string | null;
  publishedAt: string;
}

export interface VersionView extends VersionSummary {
  definition: ProcessDefinition;
}

export interface PublishInput {
  note?: string;
  publishedBy?: string;
  expectedRevision?: number;
}

export type DeleteMode = "soft" | "hard";

export async function lockDefinition(tx: Tx, workspaceId: string, key: string) {
  return tx
    .selectFrom("definitions")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("key", "=", key)
    .forUpdate()
    .executeTakeFirst();
}

export async function definitionExists(db: Db, workspaceId: string, key: string): Promise<boolean> {
  const row = await db
    .selectFrom("definitions")
    .select("key")
    .where("workspace_id", "=", workspaceId)
    .where("key", "=", key)
    .executeTakeFirst();
  return row !== undefined;
}

export function toVersionSummary(row: {
  key: string;
  version: number;
  note: string | null;
  published_by: string | null;
  published_at: Date;
}): VersionSummary {
  return {
    key: row.key,
    version: row.version,
    note: row.note,
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  };
}
