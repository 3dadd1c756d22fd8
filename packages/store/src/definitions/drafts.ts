// Drafts of one workspace: edited freely, with a revision number so a save from a stale editor
// is refused instead of silently overwriting a colleague's work.
import { sql } from "kysely";
import { toJson } from "../database/json";
import { inTransaction, sqlState } from "../database/transaction";
import { fail, ok, type Result } from "../errors";
import type { StoreResources } from "../resources";
import { type DeleteMode, type DraftView, lockDefinition, type SaveDraftInput } from "./views";

export function draftsSystem(res: StoreResources, workspaceId: string) {
  const { db } = res;

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
        const current = await lockDefinition(tx, workspaceId, input.key);
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

  async function deleteDraft(
    key: string,
    options: { mode?: DeleteMode; expectedRevision?: number } = {},
  ): Promise<Result<{ key: string }>> {
    return inTransaction<Result<{ key: string }>>(db, async (tx, rollback) => {
      const current = await lockDefinition(tx, workspaceId, key);
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

  return { saveDraft, getDraft, deleteDraft, restoreDraft };
}
