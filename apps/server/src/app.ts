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
  nulCharacter,
  payloadTooLarge,
  problemResponse,
  type RequestPart,
  routeNotFound,
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
  // Refused here, naming the field, rather than as a database error half way through a write.
  const nul = text.includes("\\u0000") ? pathToNul(body, []) : undefined;
  if (nul !== undefined) return problemResponse(c, nulCharacter(nul));
  return next();
};

/** The dotted path of the first string or key holding U+0000, if any. */
function pathToNul(value: unknown, path: string[]): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key].join(".");
    const found = pathToNul(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
