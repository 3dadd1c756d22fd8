// Finds the published version an instance should run: the one asked for, or the latest.
import type { Db } from "../database/transaction";
import { fail, ok, type Result } from "../errors";
import type { StoreResources } from "../resources";
import type { LoadedDefinition } from "./cache";

export interface PublishedVersion {
  loaded: LoadedDefinition;
  version: number;
}

export async function resolvePublished(
  executor: Db,
  res: StoreResources,
  workspaceId: string,
  key: string,
  version?: number,
): Promise<Result<PublishedVersion>> {
  let wanted = version;
  if (wanted === undefined) {
    const definition = await executor
      .selectFrom("definitions")
      .select("latest_version")
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .executeTakeFirst();
    if (!definition || definition.latest_version === 0) {
      res.definitions.rememberLatest(workspaceId, key, undefined);
      return fail({ code: definition ? "definition.notPublished" : "definition.notFound", key });
    }
    wanted = definition.latest_version;
    res.definitions.rememberLatest(workspaceId, key, wanted);
  }
  if (!Number.isInteger(wanted) || wanted < 1)
    return fail({ code: "definition.versionNotFound", key, version: wanted });
  const loaded = await res.definitions.get(executor, workspaceId, key, wanted);
  if (!loaded) {
    if (version === undefined) return fail({ code: "definition.notFound", key });
    const exists = await executor
      .selectFrom("definitions")
      .select("key")
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .executeTakeFirst();
    return fail(
      exists
        ? { code: "definition.versionNotFound", key, version }
        : { code: "definition.notFound", key },
    );
  }
  return ok({ loaded, version: wanted });
}
