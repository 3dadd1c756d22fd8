// Published versions of one workspace: publishing validates the draft and freezes it as the
// next immutable numbered version; instances stay pinned to the version they started on.
import { ProcessDefinition } from "@playbook/schema";
import { sql } from "kysely";
import { toJson } from "../database/json";
import { inTransaction, type Tx } from "../database/transaction";
import { type DefinitionIssue, fail, ok, type Result } from "../errors";
import type { StoreResources } from "../resources";
import { messageStartsOf } from "./message-starts";
import {
  type DefinitionSummary,
  definitionExists,
  lockDefinition,
  type PublishInput,
  toVersionSummary,
  type VersionSummary,
  type VersionView,
} from "./views";

export function versionsSystem(res: StoreResources, workspaceId: string) {
  const { db } = res;

  async function publish(key: string, input: PublishInput = {}): Promise<Result<VersionSummary>> {
    return inTransaction<Result<VersionSummary>>(db, async (tx, rollback) => {
      const current = await lockDefinition(tx, workspaceId, key);
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
        .set({
          latest_version: version,
          published_revision: current.draft_revision,
          updated_at: sql<Date>`now()`,
        })
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
        "d.published_revision",
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
          unpublishedChanges: hasDraft && row.published_revision !== row.draft_revision,
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

  return { publish, list, listVersions, getVersion };
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
