// Definitions: drafts the editor saves (with revision checks), validation with the shared
// validator, and publishing, which freezes the draft as a new immutable version.
import { createRoute } from "@hono/zod-openapi";
import {
  CreateDefinitionRequest as CreateDefinitionBody,
  type CreateDefinitionRequest,
  canonicalizeDefinition,
  DefinitionKeyParam,
  DefinitionList,
  DefinitionVersionParam,
  DraftResponse,
  type ProcessDefinitionInput,
  PublishDefinitionRequest,
  SaveDraftRequest,
  ValidateDefinitionRequest,
  ValidationReport,
  VersionList,
  VersionResponse,
  VersionSummary,
} from "@playbook/schema";
import type { DraftView } from "@playbook/store";
import type { Context } from "hono";
import type { AppDeps } from "../deps";
import type { AppEnv } from "../env";
import { ApiProblem, definitionInvalid } from "../problem";
import { expectedRevision, revisionEtag, storeRevision } from "./revision";
import { jsonBody, jsonResponse, problems, type Router, unwrap, z } from "./shared";

const tags = ["Definitions"];
const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .meta({ description: 'The ETag from GET (e.g. "3"), or * to overwrite whatever is there.' }),
});

const list = createRoute({
  method: "get",
  path: "/api/definitions",
  tags,
  summary: "List definitions",
  responses: {
    200: jsonResponse(DefinitionList, "Every definition with a draft or a published version"),
    ...problems(),
  },
});

const create = createRoute({
  method: "post",
  path: "/api/definitions",
  tags,
  summary: "Create a definition (its first draft)",
  request: { body: jsonBody(CreateDefinitionBody) },
  responses: {
    201: jsonResponse(DraftResponse, "Created; the draft is at revision 1"),
    ...problems(400, 409, 413, 415),
  },
});

const getDraft = createRoute({
  method: "get",
  path: "/api/definitions/{key}",
  tags,
  summary: "Get the draft (ETag = revision)",
  request: { params: DefinitionKeyParam },
  responses: {
    200: jsonResponse(DraftResponse, "The draft and what would block publishing it"),
    ...problems(400, 404),
  },
});

const saveDraft = createRoute({
  method: "put",
  path: "/api/definitions/{key}",
  tags,
  summary: "Save the draft",
  description:
    "Send the revision you loaded (If-Match or `revision`); a stale one answers 409 with `currentRevision`. `If-Match: *` overwrites deliberately. Graph problems do not block saving; they come back in `validation`.",
  request: { params: DefinitionKeyParam, headers: ifMatchHeader, body: jsonBody(SaveDraftRequest) },
  responses: { 200: jsonResponse(DraftResponse, "Saved"), ...problems(400, 409, 413, 415, 428) },
});

const deleteDraft = createRoute({
  method: "delete",
  path: "/api/definitions/{key}",
  tags,
  summary: "Delete the draft (published versions stay)",
  request: { params: DefinitionKeyParam, headers: ifMatchHeader },
  responses: { 204: { description: "Deleted" }, ...problems(400, 404, 409) },
});

const validate = createRoute({
  method: "post",
  path: "/api/definitions/{key}/validate",
  tags,
  summary: "Validate the draft, or a document sent in the body",
  request: { params: DefinitionKeyParam, body: jsonBody(ValidateDefinitionRequest, false) },
  responses: {
    200: jsonResponse(ValidationReport, "Every problem found; `ok` is false when any is an error"),
    ...problems(400, 404, 413, 415),
  },
});

const publish = createRoute({
  method: "post",
  path: "/api/definitions/{key}/publish",
  tags,
  summary: "Publish the draft as a new immutable version",
  description: "Refused with 422 and the problem list while the draft is invalid.",
  request: {
    params: DefinitionKeyParam,
    headers: ifMatchHeader,
    body: jsonBody(PublishDefinitionRequest, false),
  },
  responses: {
    201: jsonResponse(VersionSummary, "Published"),
    ...problems(400, 404, 409, 413, 415, 422),
  },
});

const versions = createRoute({
  method: "get",
  path: "/api/definitions/{key}/versions",
  tags,
  summary: "List published versions, newest first",
  request: { params: DefinitionKeyParam },
  responses: { 200: jsonResponse(VersionList, "Published versions"), ...problems(400, 404) },
});

const version = createRoute({
  method: "get",
  path: "/api/definitions/{key}/versions/{version}",
  tags,
  summary: "Get one published version",
  request: { params: DefinitionVersionParam },
  responses: { 200: jsonResponse(VersionResponse, "The frozen definition"), ...problems(400, 404) },
});

export function registerDefinitionRoutes(app: Router, deps: AppDeps): void {
  const definitions = () => deps.store.workspace(deps.workspaceId).definitions;

  const draftResponse = (draft: DraftView): DraftResponse => {
    const report = deps.validator.validate(draft.definition);
    return { ...draft, validation: { ok: report.ok, problems: report.problems } };
  };

  app.openapi(list, async (c) => {
    const items = unwrap(await definitions().list());
    return c.json({ items }, 200);
  });

  app.openapi(create, async (c) => {
    const document = await rawDefinition<CreateDefinitionRequest>(c);
    const { key } = c.req.valid("json").definition;
    const existing = await definitions().listVersions(key);
    if (existing.ok) {
      throw new ApiProblem({
        status: 409,
        code: "definition.exists",
        title: "Definition already exists",
        detail: `A definition with key ${key} exists; edit it with PUT /api/definitions/${key}.`,
        field: "definition.key",
      });
    }
    // Revision 0 means "no draft yet": a concurrent create of the same key loses with a 409.
    const saved = unwrap(
      await definitions().saveDraft({ key, definition: document, expectedRevision: 0 }),
    );
    c.header("Location", `/api/definitions/${encodeURIComponent(key)}`);
    c.header("ETag", revisionEtag(saved.revision));
    return c.json(draftResponse(saved), 201);
  });

  app.openapi(getDraft, async (c) => {
    const { key } = c.req.valid("param");
    const draft = unwrap(await definitions().getDraft(key));
    c.header("ETag", revisionEtag(draft.revision));
    return c.json(draftResponse(draft), 200);
  });

  app.openapi(saveDraft, async (c) => {
    const { key } = c.req.valid("param");
    const body = c.req.valid("json");
    const expected = expectedRevision(c.req.valid("header")["if-match"], body.revision);
    if (expected.kind === "none") {
      throw new ApiProblem({
        status: 428,
        code: "definition.revisionRequired",
        title: "Revision required",
        detail:
          "Send the revision you loaded in If-Match (the ETag of GET) or as `revision`; use If-Match: * to overwrite on purpose.",
        field: "revision",
      });
    }
    if (body.definition.key !== key) {
      throw new ApiProblem({
        status: 400,
        code: "definition.keyMismatch",
        title: "Definition key mismatch",
        detail: `The document's key ${body.definition.key} differs from ${key} in the path.`,
        field: "definition.key",
      });
    }
    const document = await rawDefinition<{ definition: ProcessDefinitionInput }>(c);
    const saved = unwrap(
      await definitions().saveDraft({
        key,
        definition: document,
        expectedRevision: storeRevision(expected),
      }),
    );
    c.header("ETag", revisionEtag(saved.revision));
    return c.json(draftResponse(saved), 200);
  });

  app.openapi(deleteDraft, async (c) => {
    const { key } = c.req.valid("param");
    const expected = expectedRevision(c.req.valid("header")["if-match"], undefined);
    unwrap(await definitions().deleteDraft(key, { expectedRevision: storeRevision(expected) }));
    return c.body(null, 204);
  });

  app.openapi(validate, async (c) => {
    const { key } = c.req.valid("param");
    const body = c.req.valid("json");
    const document =
      body.definition !== undefined
        ? body.definition
        : unwrap(await definitions().getDraft(key)).definition;
    const report = deps.validator.validate(document);
    return c.json({ ok: report.ok, problems: report.problems }, 200);
  });

  app.openapi(publish, async (c) => {
    const { key } = c.req.valid("param");
    const body = c.req.valid("json");
    const expected = expectedRevision(c.req.valid("header")["if-match"], body.revision);
    const draft = unwrap(await definitions().getDraft(key));
    const wanted = storeRevision(expected);
    if (wanted !== undefined && wanted !== draft.revision) {
      throw new ApiProblem({
        status: 409,
        code: "definition.revisionConflict",
        title: "Draft changed since it was loaded",
        detail: `Expected revision ${wanted}, but the draft is at revision ${draft.revision}.`,
        field: "revision",
        currentRevision: draft.revision,
      });
    }
    const report = deps.validator.validate(draft.definition);
    if (!report.ok) throw new ApiProblem(definitionInvalid(key, report.problems));
    // Pinned to the revision just validated: a save landing in between makes this a 409.
    const published = unwrap(
      await definitions().publish(key, {
        expectedRevision: draft.revision,
        ...(body.note !== undefined ? { note: body.note } : {}),
        ...(body.publishedBy !== undefined ? { publishedBy: body.publishedBy } : {}),
      }),
    );
    c.header(
      "Location",
      `/api/definitions/${encodeURIComponent(key)}/versions/${published.version}`,
    );
    return c.json(published, 201);
  });

  app.openapi(versions, async (c) => {
    const { key } = c.req.valid("param");
    const items = unwrap(await definitions().listVersions(key));
    return c.json({ items }, 200);
  });

  app.openapi(version, async (c) => {
    const { key, version: wanted } = c.req.valid("param");
    const found = unwrap(await definitions().getVersion(key, wanted));
    return c.json({ ...found, definition: found.definition as Record<string, unknown> }, 200);
  });
}

/**
 * The definition exactly as the client wrote it (validated already), in canonical key order.
 * Stored instead of the parsed value so defaults the client left out do not appear in diffs.
 */
async function rawDefinition<B extends { definition: ProcessDefinitionInput }>(
  c: Context<AppEnv>,
): Promise<Record<string, unknown>> {
  const body = (await c.req.json()) as B;
  return canonicalizeDefinition(body.definition) as Record<string, unknown>;
}
