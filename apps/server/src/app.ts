// The HTTP application: middleware (request id, logging, body limit, JSON check), the routes,
// the API docs, the built editor, and the single error path to problem+json. No listening here:
// tests call `app.request()`, main.ts hands `app.fetch` to the Node server.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { AppDeps } from "./deps";
import { registerEditor } from "./editor-static";
import type { AppEnv } from "./env";
import { requestLogging } from "./logging";
import { registerApiDocs } from "./openapi";
import {
  ApiProblem,
  fromThrown,
  fromZodError,
  malformedJson,
  payloadTooLarge,
  problemResponse,
  type RequestPart,
  routeNotFound,
  type UnstorableText,
  unstorableText,
} from "./problem";
import { registerDefinitionRoutes } from "./routes/definitions";
import { registerEventRoutes } from "./routes/events";
import { registerHealthRoutes } from "./routes/health";
import { registerIncidentRoutes } from "./routes/incidents";
import { registerInstanceRoutes } from "./routes/instances";
import { registerNodeTypeRoutes } from "./routes/node-types";
import type { Router } from "./routes/shared";
import { registerTaskRoutes } from "./routes/tasks";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const targetParts: Record<string, RequestPart> = {
  json: "body",
  query: "query",
  param: "path",
  header: "header",
};

export function createApp(deps: AppDeps): Router {
  const maxBytes = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const app = new OpenAPIHono<AppEnv>({
    // Every zod failure of every route goes through the one mapping in problem.ts.
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiProblem(fromZodError(result.error, targetParts[result.target] ?? "body"));
      }
    },
  });

  app.use("*", requestId());
  app.use("*", requestLogging(deps.logger));
  app.use(
    "/api/*",
    bodyLimit({ maxSize: maxBytes, onError: (c) => problemResponse(c, payloadTooLarge(maxBytes)) }),
  );
  app.use("/api/*", checkJsonBody);

  registerHealthRoutes(app, deps);
  registerNodeTypeRoutes(app, deps);
  registerDefinitionRoutes(app, deps);
  registerInstanceRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerIncidentRoutes(app, deps);
  registerApiDocs(app, deps.version ?? "0.0.0");
  registerEditor(app, deps.editorDist);

  app.notFound((c) => problemResponse(c, routeNotFound(c.req.method, c.req.path)));
  app.onError((error, c) => {
    const { init, unexpected } = fromThrown(error);
    if (unexpected) {
      // The client gets the request id only; the stack stays in the log.
      (c.get("log") ?? deps.logger).error(
        { err: error, requestId: c.get("requestId") },
        "unhandled error",
      );
    }
    return problemResponse(c, init);
  });
  return app;
}

/**
 * Parses a JSON body once, up front, so malformed JSON is a 400 with the parser's message before
 * any route runs. An empty body counts as `{}`: clients often send the JSON content type with no
 * body on action routes (`POST /cancel`), and a required body then fails as "required" fields.
 */
const checkJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const contentType = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\b/i.test(contentType) || !c.req.raw.body) return next();
  const text = await c.req.text();
  if (text.trim() === "") {
    c.req.raw = new Request(c.req.raw, { body: "{}" });
    delete c.req.bodyCache.text;
    return next();
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return problemResponse(
      c,
      malformedJson(`The request body is not valid JSON: ${(error as Error).message}`),
    );
  }
  // Text Postgres cannot store (U+0000, or half of a surrogate pair) can only arrive as a \u
  // escape: refused here, naming the field, rather than as a database error half way through a
  // write.
  const unstorable = ESCAPES_TO_CHECK.test(text) ? findUnstorable(body, []) : undefined;
  if (unstorable !== undefined) return problemResponse(c, unstorableText(unstorable));
  return next();
};

const ESCAPES_TO_CHECK = /\\u(0000|d[89a-f])/i;

/** The first string or key holding text Postgres cannot store, with its dotted path. */
function findUnstorable(value: unknown, path: string[]): UnstorableText | undefined {
  if (typeof value === "string") {
    const reason = unstorableReason(value);
    return reason && { field: path.join("."), reason };
  }
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const reason = unstorableReason(key);
    if (reason) return { field: [...path, key].join("."), reason };
    const found = findUnstorable(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function unstorableReason(text: string): UnstorableText["reason"] | undefined {
  if (text.includes("\u0000")) return "nul";
  return LONE_SURROGATE.test(text) ? "loneSurrogate" : undefined;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
