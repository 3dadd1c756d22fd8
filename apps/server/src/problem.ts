// The one place where failures become RFC 9457 problem+json: store error values, zod issues,
// HTTP-level refusals (malformed JSON, body too large, unknown route) and unexpected throws.
// Routes never build error responses themselves; they throw an ApiProblem or return a store
// Result through `unwrap`, and the app's error handler calls `problemResponse`.
import type { InputIssue, Problem, ProblemDetails } from "@playbook/schema";
import { type StoreError, storeErrorKinds } from "@playbook/store";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Everything a problem carries besides `type`, `status` and `title`, which derive from the code. */
export interface ProblemInit {
  status: ContentfulStatusCode;
  code: string;
  title: string;
  detail?: string;
  field?: string;
  nodeId?: string;
  problems?: Array<Problem | InputIssue>;
  currentRevision?: number;
}

/** Thrown by routes and middleware; the app's error handler turns it into the response. */
export class ApiProblem extends Error {
  constructor(readonly init: ProblemInit) {
    super(init.detail ?? init.title);
    this.name = "ApiProblem";
  }
}

/** `urn:playbook:problem:task.alreadyCompleted` — stable per code, resolvable by no host. */
export function problemType(code: string): string {
  return `urn:playbook:problem:${code}`;
}

export function toProblemDetails(init: ProblemInit, requestId: string | undefined): ProblemDetails {
  const details: ProblemDetails = {
    type: problemType(init.code),
    title: init.title,
    status: init.status,
    code: init.code,
  };
  if (init.detail !== undefined) details.detail = init.detail;
  if (init.field !== undefined) details.field = init.field;
  if (init.nodeId !== undefined) details.nodeId = init.nodeId;
  if (init.problems !== undefined) details.problems = init.problems;
  if (init.currentRevision !== undefined) details.currentRevision = init.currentRevision;
  if (requestId !== undefined) details.requestId = requestId;
  return details;
}

export function problemResponse(c: Context, init: ProblemInit): Response {
  const requestId = c.get("requestId") as string | undefined;
  const body = toProblemDetails(init, requestId);
  return c.body(JSON.stringify(body), init.status, { "content-type": PROBLEM_CONTENT_TYPE });
}

// ---- store errors ---------------------------------------------------------------------------

const kindStatus = { notFound: 404, conflict: 409, invalid: 400 } as const;

/** Maps a store error value to a problem: status from its kind, the rest from its code. */
export function fromStoreError(error: StoreError): ProblemInit {
  const status: ContentfulStatusCode =
    error.code === "definition.invalid" ? 422 : kindStatus[storeErrorKinds[error.code]];
  const base = { status, code: error.code };
  switch (error.code) {
    case "workspace.notFound":
      return {
        ...base,
        title: "Workspace not found",
        detail: `No workspace ${error.workspaceId}.`,
      };
    case "definition.notFound":
      return {
        ...base,
        title: "Definition not found",
        detail: `No definition with key ${error.key}.`,
        field: "key",
      };
    case "definition.versionNotFound":
      return {
        ...base,
        title: "Version not found",
        detail: `Definition ${error.key} has no published version ${error.version}.`,
        field: "version",
      };
    case "definition.notPublished":
      return {
        ...base,
        title: "Definition not published",
        detail: `Definition ${error.key} has no published version yet; publish it first.`,
        field: "definitionKey",
      };
    case "definition.keyMismatch":
      return {
        ...base,
        title: "Definition key mismatch",
        detail: `The document's key ${error.documentKey} differs from ${error.key} in the path.`,
        field: "definition.key",
      };
    case "definition.revisionConflict":
      return {
        ...base,
        title: "Draft changed since it was loaded",
        detail: `Expected revision ${error.expectedRevision}, but the draft is at revision ${error.actualRevision}. Reload it and apply your changes again.`,
        field: "revision",
        currentRevision: error.actualRevision,
      };
    case "definition.invalid": {
      const problems = error.issues.map(
        (issue): InputIssue => ({
          code: issue.code,
          message: issue.message,
          ...(issue.path || issue.nodeId || issue.edgeId
            ? { field: issue.path ?? issue.nodeId ?? issue.edgeId }
            : {}),
        }),
      );
      const first = error.issues[0];
      return {
        ...base,
        title: "Definition is not valid",
        detail: `Definition ${error.key} has ${error.issues.length} problem(s).`,
        problems,
        ...(first?.path ? { field: first.path } : {}),
        ...(first?.nodeId ? { nodeId: first.nodeId } : {}),
      };
    }
    case "draft.notFound":
      return {
        ...base,
        title: "Draft not found",
        detail: `Definition ${error.key} has no draft.`,
        field: "key",
      };
    case "instance.notFound":
      return {
        ...base,
        title: "Instance not found",
        detail: `No instance ${error.instanceId}.`,
        field: "id",
      };
    case "instance.notRunning":
      return {
        ...base,
        title: "Instance is not running",
        detail: `Instance ${error.instanceId} is ${error.status}.`,
      };
    case "instance.idempotencyConflict":
      return {
        ...base,
        title: "Idempotency key already used",
        detail: `Idempotency key ${error.idempotencyKey} already started instance ${error.instanceId} of another definition.`,
        field: "Idempotency-Key",
      };
    case "variables.invalid": {
      const problems = error.issues.map(
        (issue): InputIssue => ({
          code: `variable.${issue.problem}`,
          message: issue.message,
          field: `variables.${issue.variable}`,
        }),
      );
      return {
        ...base,
        title: "Variables do not match the definition",
        detail: error.issues.map((issue) => issue.message).join("; "),
        problems,
        ...(problems[0]?.field ? { field: problems[0].field } : {}),
      };
    }
    case "task.notFound":
      return { ...base, title: "Task not found", detail: `No task ${error.taskId}.`, field: "id" };
    case "task.alreadyCompleted":
      return {
        ...base,
        title: "Task already completed",
        detail: `Task ${error.taskId} was already completed.`,
      };
    case "task.cancelled":
      return { ...base, title: "Task cancelled", detail: `Task ${error.taskId} was cancelled.` };
    case "task.invalidOutcome":
      return {
        ...base,
        title: "Unknown outcome",
        detail: `Outcome ${error.outcome ?? "(none)"} is not one of: ${error.allowed.join(", ")}.`,
        field: "outcome",
      };
    case "incident.notFound":
      return {
        ...base,
        title: "Incident not found",
        detail: `No incident ${error.incidentId}.`,
        field: "id",
      };
    case "incident.resolved":
      return {
        ...base,
        title: "Incident already resolved",
        detail: `Incident ${error.incidentId} is resolved.`,
      };
    case "message.invalid":
      return { ...base, title: "Invalid event", detail: error.message };
    case "cursor.invalid":
      return {
        ...base,
        title: "Invalid cursor",
        detail: `Cursor ${error.cursor} was not returned by this API.`,
        field: "cursor",
      };
    case "event.rejected":
      return { ...base, title: "Event not applicable", detail: error.message };
    default:
      return assertNever(error);
  }
}

/** A one-line description of a store error, for receipts that report failures inline. */
export function describeStoreError(error: StoreError): string {
  const init = fromStoreError(error);
  return init.detail ?? init.title;
}

// ---- request validation ---------------------------------------------------------------------

export type RequestPart = "body" | "query" | "path" | "header";

const partCodes: Record<RequestPart, string> = {
  body: "request.invalidBody",
  query: "request.invalidQuery",
  path: "request.invalidPath",
  header: "request.invalidHeader",
};

/** Zod issues of a request part as a 400 listing every offending field. */
export function fromZodError(error: z.ZodError, part: RequestPart): ProblemInit {
  const problems = error.issues.flatMap((issue) => issueToInputIssues(issue));
  const first = problems[0];
  return {
    status: 400,
    code: partCodes[part],
    title: `Invalid request ${part}`,
    detail: problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join("; "),
    problems,
    ...(first?.field ? { field: first.field } : {}),
  };
}

function issueToInputIssues(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[] = [],
): InputIssue[] {
  const path = [...prefix, ...issue.path].map(String);
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    // "Invalid input" helps nobody: report the branch the input came closest to matching.
    const closest = closestBranch(issue.errors);
    if (closest.length > 0) return closest.flatMap((inner) => issueToInputIssues(inner, path));
  }
  if (issue.code === "unrecognized_keys") {
    // One entry per unknown key, each pointing at the key itself.
    return issue.keys.map((key) => ({
      code: "request.unknownKey",
      message: `unknown key ${key}`,
      field: [...path, key].join("."),
    }));
  }
  const field = path.join(".");
  return [{ code: `request.${issue.code}`, message: issue.message, ...(field ? { field } : {}) }];
}

/**
 * The union branch the input came closest to matching: its issues reach deepest into the input,
 * then it is not a plain type mismatch (the input had the right kind), then it has fewest issues.
 */
function closestBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] {
  const score = (issues: z.core.$ZodIssue[]) => [
    Math.min(...issues.map((issue) => issue.path.length)),
    issues.every((issue) => issue.code === "invalid_type") ? 0 : 1,
    -issues.length,
  ];
  let best: z.core.$ZodIssue[] = [];
  for (const branch of branches) {
    if (branch.length === 0) continue;
    if (best.length === 0 || isBetter(score(branch), score(best))) best = branch;
  }
  return best;
}

function isBetter(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}

// ---- anything thrown ------------------------------------------------------------------------

/** Normalises any throw; unknown ones become an opaque 500 (details go to the log only). */
export function fromThrown(error: unknown): { init: ProblemInit; unexpected: boolean } {
  if (error instanceof ApiProblem) return { init: error.init, unexpected: false };
  if (error instanceof HTTPException) return { init: fromHttpException(error), unexpected: false };
  return {
    init: {
      status: 500,
      code: "server.unexpected",
      title: "Internal server error",
      detail: "Something went wrong on our side. Quote the request id when reporting it.",
    },
    unexpected: true,
  };
}

function fromHttpException(error: HTTPException): ProblemInit {
  const status = error.status as ContentfulStatusCode;
  if (status === 400 && /malformed json/i.test(error.message)) return malformedJson();
  if (status === 413) return payloadTooLarge();
  if (status === 415) {
    return {
      status,
      code: "request.unsupportedMediaType",
      title: "Unsupported media type",
      detail: "Send the body as application/json.",
      field: "Content-Type",
    };
  }
  return { status, code: `http.${status}`, title: error.message || "Request refused" };
}

export function malformedJson(detail?: string): ProblemInit {
  return {
    status: 400,
    code: "request.malformedJson",
    title: "Malformed JSON",
    detail: detail ?? "The request body is not valid JSON.",
  };
}

/** Text in a body that Postgres cannot store in text or jsonb, and where it is. */
export interface UnstorableText {
  field: string;
  /** U+0000, or a UTF-16 surrogate without its other half (`"\\ud800"`). */
  reason: "nul" | "loneSurrogate";
}

const UNSTORABLE: Record<UnstorableText["reason"], { code: string; message: string }> = {
  nul: { code: "nul_character", message: "text may not contain the NUL character (\\u0000)" },
  loneSurrogate: {
    code: "lone_surrogate",
    message: "text must be valid Unicode: it holds half of a surrogate pair (\\ud800–\\udfff)",
  },
};

export function unstorableText(part: RequestPart, { field, reason }: UnstorableText): ProblemInit {
  const { code, message } = UNSTORABLE[reason];
  return {
    status: 400,
    code: partCodes[part],
    title: `Invalid request ${part}`,
    detail: `${field || `the ${part}`}: ${message}`,
    problems: [{ code, field, message }],
    ...(field ? { field } : {}),
  };
}

export function nestedTooDeeply(limit: number): ProblemInit {
  const message = `the body is nested more than ${limit} levels deep`;
  return {
    status: 400,
    code: "request.invalidBody",
    title: "Invalid request body",
    detail: message,
    problems: [{ code: "too_deep", message }],
  };
}

export function payloadTooLarge(maxBytes?: number): ProblemInit {
  return {
    status: 413,
    code: "request.tooLarge",
    title: "Request body too large",
    ...(maxBytes === undefined ? {} : { detail: `The body may be at most ${maxBytes} bytes.` }),
  };
}

export function routeNotFound(method: string, path: string): ProblemInit {
  return {
    status: 404,
    code: "route.notFound",
    title: "Not found",
    detail: `No route ${method} ${path}.`,
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected store error: ${JSON.stringify(value)}`);
}

/** Publishing (or creating) refused: the validator's problems, each pointing at a node or field. */
export function definitionInvalid(key: string, problems: Problem[]): ProblemInit {
  const errors = problems.filter((p) => p.severity === "error");
  const first = errors[0];
  return {
    status: 422,
    code: "definition.invalid",
    title: "Definition is not valid",
    detail: `Definition ${key} has ${errors.length} problem(s) to fix before publishing${first ? `; first: ${first.message.en}` : ""}.`,
    problems,
    ...(first?.field !== undefined ? { field: first.field } : {}),
    ...(first?.nodeId !== undefined ? { nodeId: first.nodeId } : {}),
  };
}
