// Definitions of one workspace: a draft edited freely (with a revision number to detect
// concurrent edits), and immutable numbered versions frozen from it by publishing.
import { ProcessDefinition } from "@playbook/schema";
import { sql } from "kysely";
import { toJson } from "../database/json";
import { type Db, inTransaction, sqlState, type Tx } from "../database/transaction";
import { type DefinitionIssue, fail, ok, type Result } from "../errors";
import type { StoreResources } from "../resources";
import { messageStartsOf } from "./message-starts";

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

export function definitionsSystem(res: StoreResources, workspaceId: string) {
  const { db } = res;

  async function lockDefinition(tx: Tx, key: string) {
    return tx
      .selectFrom("definitions")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .forUpdate()
      .executeTakeFirst();
  }

  async function saveDraft(input: SaveDraftInput): Promise<Result<DraftView>> {
    const documentKey = input.definition.key;
    if (documentKey !== undefined && documentKey !== input.key) {
      return fail({
        code: "definition.keyMismatch",
        key: input.key,
        documentKey: String(documentKey),
      });
    }
    try {
      return await inTransaction<Result<DraftView>>(db, async (tx, rollback) => {
        await tx
          .insertInto("definitions")
          .values({ workspace_id: workspaceId, key: input.key })
          .onConflict((conflict) => conflict.columns(["workspace_id", "key"]).doNothing())
          .execute();
        const current = await lockDefinition(tx, input.key);
        if (!current) throw new Error(`definition ${input.key} missing after upsert`);
        const actual = current.draft === null ? 0 : current.draft_revision;
        if (input.expectedRevision !== undefined && input.expectedRevision !== actual) {
          return rollback(
            fail({
              code: "definition.revisionConflict",
              key: input.key,
              expectedRevision: input.expectedRevision,
              actualRevision: actual,
            }),
          );
        }
        const saved = await tx
          .updateTable("definitions")
          .set({
            draft: toJson(input.definition),
            draft_revision: current.draft_revision + 1,
            draft_deleted_at: null,
            updated_at: sql<Date>`now()`,
          })
          .where("workspace_id", "=", workspaceId)
          .where("key", "=", input.key)
          .returning(["draft_revision", "updated_at"])
          .executeTakeFirstOrThrow();
        return ok({
          key: input.key,
          revision: saved.draft_revision,
          definition: input.definition,
          updatedAt: saved.updated_at.toISOString(),
        });
      });
    } catch (error) {
      if (sqlState(error) === "23503") return fail({ code: "workspace.notFound", workspaceId });
      throw error;
    }
  }

  async function getDraft(key: string): Promise<Result<DraftView>> {
    const row = await db
      .selectFrom("definitions")
      .select(["draft", "draft_revision", "draft_deleted_at", "updated_at"])
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row || row.draft === null || row.draft_deleted_at !== null)
      return fail({ code: "draft.notFound", key });
    return ok({
      key,
      revision: row.draft_revision,
      definition: row.draft as Record<string, unknown>,
      updatedAt: row.updated_at.toISOString(),
    });
  }

  /** Soft: hidden until restored. Hard: the draft's content is gone (and the definition too if never published). */
  async function deleteDraft(
    key: string,
    options: { mode?: DeleteMode; expectedRevision?: number } = {},
  ): Promise<Result<{ key: string }>> {
    return inTransaction<Result<{ key: string }>>(db, async (tx, rollback) => {
      const current = await lockDefinition(tx, key);
      if (!current || current.draft === null)
        return rollback(fail({ code: "draft.notFound", key }));
      if (
        options.expectedRevision !== undefined &&
        options.expectedRevision !== current.draft_revision
      ) {
        return rollback(
          fail({
            code: "definition.revisionConflict",
            key,
            expectedRevision: options.expectedRevision,
            actualRevision: current.draft_revision,
          }),
        );
      }
      if ((options.mode ?? "soft") === "soft") {
        await tx
          .updateTable("definitions")
          .set({ draft_deleted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
          .where("workspace_id", "=", workspaceId)
          .where("key", "=", key)
          .execute();
      } else if (current.latest_version === 0) {
        await tx
          .deleteFrom("definitions")
          .where("workspace_id", "=", workspaceId)
          .where("key", "=", key)
          .execute();
      } else {
        await tx
          .updateTable("definitions")
          .set({ draft: null, draft_deleted_at: null, updated_at: sql<Date>`now()` })
          .where("workspace_id", "=", workspaceId)
          .where("key", "=", key)
          .execute();
      }
      return ok({ key });
    });
  }

  async function restoreDraft(key: string): Promise<Result<DraftView>> {
    const restored = await db
      .updateTable("definitions")
      .set({ draft_deleted_at: null, updated_at: sql<Date>`now()` })
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .where("draft", "is not", null)
      .where("draft_deleted_at", "is not", null)
      .executeTakeFirst();
    if (restored.numUpdatedRows === 0n) return fail({ code: "draft.notFound", key });
    return getDraft(key);
  }

  async function publish(key: string, input: PublishInput = {}): Promise<Result<VersionSummary>> {
    return inTransaction<Result<VersionSummary>>(db, async (tx, rollback) => {
      const current = await lockDefinition(tx, key);
      if (!current || current.draft === null || current.draft_deleted_at !== null) {
        return rollback(fail({ code: "draft.notFound", key }));
      }
      if (
        input.expectedRevision !== undefined &&
        input.expectedRevision !== current.draft_revision
      ) {
        return rollback(
          fail({
            code: "definition.revisionConflict",
            key,
            expectedRevision: input.expectedRevision,
            actualRevision: current.draft_revision,
          }),
        );
      }
      const checked = checkForPublish(res, key, current.draft);
      if (!checked.ok) return rollback(checked);
      const definition = checked.value;
      const version = current.latest_version + 1;
      const published = await tx
        .insertInto("definition_versions")
        .values({
          workspace_id: workspaceId,
          key,
          version,
          definition: toJson(definition),
          note: input.note ?? null,
          published_by: input.publishedBy ?? null,
        })
        .returning("published_at")
        .executeTakeFirstOrThrow();
      await tx
        .updateTable("definitions")
        .set({ latest_version: version, updated_at: sql<Date>`now()` })
        .where("workspace_id", "=", workspaceId)
        .where("key", "=", key)
        .execute();
      await replaceMessageStarts(tx, res, workspaceId, key, version, definition);
      res.logger.info({ workspaceId, definitionKey: key, version }, "definition published");
      return ok({
        key,
        version,
        note: input.note ?? null,
        publishedBy: input.publishedBy ?? null,
        publishedAt: published.published_at.toISOString(),
      });
    });
  }

  async function list(): Promise<Result<DefinitionSummary[]>> {
    const rows = await db
      .selectFrom("definitions as d")
      .leftJoin("definition_versions as v", (join) =>
        join
          .onRef("v.workspace_id", "=", "d.workspace_id")
          .onRef("v.key", "=", "d.key")
          .onRef("v.version", "=", "d.latest_version"),
      )
      .select([
        "d.key",
        "d.draft",
        "d.draft_revision",
        "d.draft_deleted_at",
        "d.latest_version",
        "d.updated_at",
        "v.definition as published",
      ])
      .where("d.workspace_id", "=", workspaceId)
      .orderBy("d.key")
      .execute();
    const summaries = rows
      .filter(
        (row) => row.latest_version > 0 || (row.draft !== null && row.draft_deleted_at === null),
      )
      .map((row) => {
        const hasDraft = row.draft !== null && row.draft_deleted_at === null;
        const source = (hasDraft ? row.draft : row.published) as { name?: unknown } | null;
        return {
          key: row.key,
          name: source?.name ?? null,
          draftRevision: hasDraft ? row.draft_revision : null,
          latestVersion: row.latest_version > 0 ? row.latest_version : null,
          updatedAt: row.updated_at.toISOString(),
        };
      });
    return ok(summaries);
  }

  async function listVersions(key: string): Promise<Result<VersionSummary[]>> {
    const exists = await definitionExists(db, workspaceId, key);
    if (!exists) return fail({ code: "definition.notFound", key });
    const rows = await db
      .selectFrom("definition_versions")
      .select(["key", "version", "note", "published_by", "published_at"])
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .orderBy("version", "desc")
      .execute();
    return ok(rows.map(toVersionSummary));
  }

  /** A published version; the latest when `version` is omitted. */
  async function getVersion(key: string, version?: number): Promise<Result<VersionView>> {
    let query = db
      .selectFrom("definition_versions")
      .select(["key", "version", "note", "published_by", "published_at", "definition"])
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key);
    query =
      version === undefined
        ? query.orderBy("version", "desc").limit(1)
        : query.where("version", "=", version);
    const row = await query.executeTakeFirst();
    if (row)
      return ok({ ...toVersionSummary(row), definition: row.definition as ProcessDefinition });
    const exists = await definitionExists(db, workspaceId, key);
    if (!exists) return fail({ code: "definition.notFound", key });
    return fail(
      version === undefined
        ? { code: "definition.notPublished", key }
        : { code: "definition.versionNotFound", key, version },
    );
  }

  return {
    saveDraft,
    getDraft,
    deleteDraft,
    restoreDraft,
    publish,
    list,
    listVersions,
    getVersion,
  };
}

export type DefinitionsSystem = ReturnType<typeof definitionsSystem>;

async function definitionExists(db: Db, workspaceId: string, key: string): Promise<boolean> {
  const row = await db
    .selectFrom("definitions")
    .select("key")
    .where("workspace_id", "=", workspaceId)
    .where("key", "=", key)
    .executeTakeFirst();
  return row !== undefined;
}

function toVersionSummary(row: {
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

/** Shape (zod), key, known node types, then the injected graph validator. */
function checkForPublish(
  res: StoreResources,
  key: string,
  draft: unknown,
): Result<ProcessDefinition> {
  const parsed = ProcessDefinition.safeParse(draft);
  if (!parsed.success) {
    const issues: DefinitionIssue[] = parsed.error.issues.map((issue) => ({
      code: "definition.shape",
      message: issue.message,
      path: issue.path.join("."),
    }));
    return fail({ code: "definition.invalid", key, issues });
  }
  const definition = parsed.data;
  if (definition.key !== key)
    return fail({ code: "definition.keyMismatch", key, documentKey: definition.key });
  const issues: DefinitionIssue[] = [];
  for (const node of definition.nodes) {
    if (!res.resolveNodeType(node.type, node.typeVersion)) {
      issues.push({
        code: "node.unknownType",
        message: `unknown node type ${node.type} v${node.typeVersion}`,
        nodeId: node.id,
      });
    }
  }
  issues.push(...(res.validateDefinition?.(definition) ?? []));
  return issues.length > 0 ? fail({ code: "definition.invalid", key, issues }) : ok(definition);
}

async function replaceMessageStarts(
  tx: Tx,
  res: StoreResources,
  workspaceId: string,
  key: string,
  version: number,
  definition: ProcessDefinition,
): Promise<void> {
  await tx
    .deleteFrom("message_start_triggers")
    .where("workspace_id", "=", workspaceId)
    .where("definition_key", "=", key)
    .execute();
  const starts = messageStartsOf(definition, res.resolveNodeType);
  if (starts.length === 0) return;
  await tx
    .insertInto("message_start_triggers")
    .values(
      starts.map((start) => ({
        workspace_id: workspaceId,
        message_name: start.messageName,
        definition_key: key,
        version,
        start_node_id: start.startNodeId,
      })),
    )
    .execute();
}
