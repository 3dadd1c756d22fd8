// Small helpers every route module uses: the router type, store results to values (errors thrown
// as problems for the one error handler), the problem responses documented in OpenAPI, and the
// domain ids a route adds to its request's log line.
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { ProblemDetails } from "@playbook/schema";
import type { Result } from "@playbook/store";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { ApiProblem, fromStoreError, PROBLEM_CONTENT_TYPE } from "../problem";

export type Router = OpenAPIHono<AppEnv>;

/** The value of a store result, or the mapped problem thrown for the error handler. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiProblem(fromStoreError(result.error));
  return result.value;
}

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: ProblemDetails } };

const problemDescriptions = {
  400: "Malformed JSON, a wrong type, an unknown key, or variables that do not match the definition",
  404: "Not found",
  409: "Conflict with the current state",
  413: "Body larger than the limit",
  415: "Body is not application/json",
  422: "The definition is not valid",
  428: "A revision (If-Match header or `revision` field) is required",
} as const;

export type ProblemStatus = keyof typeof problemDescriptions;

/** OpenAPI response entries for the problem statuses a route can answer with (500 always). */
export function problems(...statuses: ProblemStatus[]) {
  const responses: Record<number, { description: string; content: typeof problemContent }> = {};
  for (const status of statuses) {
    responses[status] = { description: problemDescriptions[status], content: problemContent };
  }
  responses[500] = {
    description: "Unexpected error (logged with the request id)",
    content: problemContent,
  };
  return responses;
}

/** A JSON request body entry; `required: false` lets clients omit an all-optional body. */
export function jsonBody<T extends z.ZodType>(schema: T, required = true) {
  return { content: { "application/json": { schema } }, required };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** Adds domain ids (instanceId, taskId...) to the request's structured log line. */
export function logIds(c: Context<AppEnv>, fields: Record<string, unknown>): void {
  Object.assign(c.get("logFields"), fields);
}

export { z };
