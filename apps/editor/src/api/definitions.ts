// Definition drafts and versions over the typed client. Drafts come back parsed (defaults
// applied) so the editor works on ProcessDefinition values; every write names the revision it
// was based on, so a stale tab gets a 409 instead of overwriting a colleague's work.
import { ProcessDefinition, type ValidationReport, type VersionSummary } from "@playbook/schema";
import { ApiError, api, unwrap } from "./client";
import type { components } from "./schema";

/** A row of the process list, as the server sends it (`name` is the bilingual name, if any). */
export type DefinitionSummary = components["schemas"]["DefinitionSummary"];

export interface LoadedDraft {
  definition: ProcessDefinition;
  /** The draft revision this copy is based on; 0 when there is no draft yet. */
  revision: number;
  /** Where the copy came from: the draft, or the latest version when there is no draft. */
  source: { kind: "draft" } | { kind: "version"; version: number };
  validation?: ValidationReport;
}

export interface SavedDraft {
  revision: number;
  validation: ValidationReport;
}

const keyParam = (key: string) => ({ path: { key } });
const ifMatch = (revision: number) => `"${revision}"`;

export async function listDefinitions(): Promise<DefinitionSummary[]> {
  const body = await unwrap(api.GET("/api/definitions"));
  return body.items;
}

/** The draft, or — when the definition only has published versions — a copy of the latest one. */
export async function loadDraft(key: string): Promise<LoadedDraft> {
  try {
    const draft = await unwrap(api.GET("/api/definitions/{key}", { params: keyParam(key) }));
    return {
      definition: ProcessDefinition.parse(draft.definition),
      revision: draft.revision,
      source: { kind: "draft" },
      validation: draft.validation,
    };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "draft.notFound") throw error;
  }
  const latest = await loadVersion(key, undefined);
  return {
    definition: latest.definition,
    revision: 0,
    source: { kind: "version", version: latest.version },
  };
}

export async function loadVersion(
  key: string,
  version: number | undefined,
): Promise<{ definition: ProcessDefinition; version: number }> {
  const wanted = version ?? (await listVersions(key))[0]?.version;
  if (wanted === undefined) {
    throw new ApiError(404, {
      type: "urn:playbook:problem:definition.notPublished",
      title: "No published version",
      status: 404,
      code: "definition.notPublished",
    });
  }
  const found = await unwrap(
    api.GET("/api/definitions/{key}/versions/{version}", {
      params: { path: { key, version: wanted } },
    }),
  );
  return { definition: ProcessDefinition.parse(found.definition), version: found.version };
}

export async function createDefinition(definition: ProcessDefinition): Promise<SavedDraft> {
  const saved = await unwrap(api.POST("/api/definitions", { body: { definition } }));
  return { revision: saved.revision, validation: saved.validation };
}

/**
 * Saves the draft if it is still at `revision`; `"overwrite"` replaces whatever is there (the
 * user chose to after a conflict). A definition whose draft was deleted keeps its revision
 * counter, so a first save from a published version (revision 0) retries at the counter once.
 */
export async function saveDraft(
  definition: ProcessDefinition,
  revision: number | "overwrite",
): Promise<SavedDraft> {
  try {
    return await putDraft(definition, revision === "overwrite" ? "*" : ifMatch(revision));
  } catch (error) {
    if (
      !(revision === 0 && error instanceof ApiError && error.code === "definition.revisionConflict")
    )
      throw error;
    const current = error.details?.currentRevision;
    if (current === undefined || (await draftExists(definition.key))) throw error;
    return putDraft(definition, ifMatch(current));
  }
}

async function putDraft(definition: ProcessDefinition, match: string): Promise<SavedDraft> {
  const saved = await unwrap(
    api.PUT("/api/definitions/{key}", {
      params: { path: { key: definition.key }, header: { "if-match": match } },
      body: { definition },
    }),
  );
  return { revision: saved.revision, validation: saved.validation };
}

async function draftExists(key: string): Promise<boolean> {
  try {
    await unwrap(api.GET("/api/definitions/{key}", { params: keyParam(key) }));
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === "draft.notFound") return false;
    throw error;
  }
}

export async function deleteDraft(key: string, revision: number | undefined): Promise<void> {
  await unwrap(
    api.DELETE("/api/definitions/{key}", {
      params: {
        path: { key },
        header: revision === undefined ? {} : { "if-match": ifMatch(revision) },
      },
    }),
  );
}

export async function publishDraft(
  key: string,
  revision: number,
  note: string | undefined,
): Promise<VersionSummary> {
  return unwrap(
    api.POST("/api/definitions/{key}/publish", {
      params: { path: { key }, header: { "if-match": ifMatch(revision) } },
      body: note ? { note } : {},
    }),
  );
}

export async function listVersions(key: string): Promise<VersionSummary[]> {
  const body = await unwrap(api.GET("/api/definitions/{key}/versions", { params: keyParam(key) }));
  return body.items;
}
