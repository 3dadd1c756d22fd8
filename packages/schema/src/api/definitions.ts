// Definition drafts and published versions. A draft carries a revision: saving with a stale one
// is a conflict, so two editor tabs cannot silently overwrite each other.
import { z } from "zod";
import { DefinitionKey, ProcessDefinition } from "../definition";
import { Problem } from "../problems";
import { Timestamp } from "./common";

/** The definition document as the editor writes it (strict: unknown keys are refused). */
export const DefinitionDocument = ProcessDefinition.meta({ id: "ProcessDefinition" });

const revision = z
  .number()
  .int()
  .min(0)
  .meta({ description: "The draft revision the client loaded; 0 when there is no draft yet." });

export const DefinitionKeyParam = z.strictObject({ key: DefinitionKey });

export const DefinitionVersionParam = z.strictObject({
  key: DefinitionKey,
  version: z.coerce.number().int().min(1),
});

export const CreateDefinitionRequest = z
  .strictObject({ definition: DefinitionDocument })
  .meta({ id: "CreateDefinitionRequest" });
export type CreateDefinitionRequest = z.infer<typeof CreateDefinitionRequest>;

export const SaveDraftRequest = z
  .strictObject({
    definition: DefinitionDocument,
    /** Alternative to the `If-Match` header. */
    revision: revision.optional(),
  })
  .meta({ id: "SaveDraftRequest" });
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;

export const ValidateDefinitionRequest = z
  .strictObject({
    /** Validate this document instead of the stored draft (e.g. unsaved editor state). */
    definition: z.unknown().optional(),
  })
  .meta({ id: "ValidateDefinitionRequest" });
export type ValidateDefinitionRequest = z.infer<typeof ValidateDefinitionRequest>;

export const PublishDefinitionRequest = z
  .strictObject({
    note: z.string().max(2000).optional(),
    publishedBy: z.string().min(1).max(200).optional(),
    /** Publish only if the draft is still at this revision (or send `If-Match`). */
    revision: revision.optional(),
  })
  .meta({ id: "PublishDefinitionRequest" });
export type PublishDefinitionRequest = z.infer<typeof PublishDefinitionRequest>;

export const ValidationReport = z
  .object({
    /** False exactly when some problem is an error; warnings do not block publishing. */
    ok: z.boolean(),
    problems: z.array(Problem),
  })
  .meta({ id: "ValidationReport" });
export type ValidationReport = z.infer<typeof ValidationReport>;

export const DefinitionSummary = z
  .object({
    key: z.string(),
    name: z.unknown().meta({
      description: "The definition's bilingual name, from the draft or the latest version.",
    }),
    draftRevision: z.number().int().nullable(),
    latestVersion: z.number().int().nullable(),
    unpublishedChanges: z.boolean().meta({
      description:
        "True when a draft exists that the latest version was not published from (or nothing was published yet).",
    }),
    updatedAt: Timestamp,
  })
  .meta({ id: "DefinitionSummary" });
export type DefinitionSummary = z.infer<typeof DefinitionSummary>;

export const DefinitionList = z
  .object({ items: z.array(DefinitionSummary) })
  .meta({ id: "DefinitionList" });
export type DefinitionList = z.infer<typeof DefinitionList>;

export const DraftResponse = z
  .object({
    key: z.string(),
    revision: z.number().int(),
    definition: z.record(z.string(), z.unknown()),
    updatedAt: Timestamp,
    /** What would block publishing right now (the draft is saved anyway). */
    validation: ValidationReport,
  })
  .meta({ id: "Draft" });
export type DraftResponse = z.infer<typeof DraftResponse>;

export const VersionSummary = z
  .object({
    key: z.string(),
    version: z.number().int(),
    note: z.string().nullable(),
    publishedBy: z.string().nullable(),
    publishedAt: Timestamp,
  })
  .meta({ id: "VersionSummary" });
export type VersionSummary = z.infer<typeof VersionSummary>;

export const VersionList = z.object({ items: z.array(VersionSummary) }).meta({ id: "VersionList" });
export type VersionList = z.infer<typeof VersionList>;

export const VersionResponse = z
  .object({
    key: z.string(),
    version: z.number().int(),
    note: z.string().nullable(),
    publishedBy: z.string().nullable(),
    publishedAt: Timestamp,
    definition: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Version" });
export type VersionResponse = z.infer<typeof VersionResponse>;
