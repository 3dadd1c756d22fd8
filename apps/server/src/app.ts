// The HTTP application: middleware (request id, logging, body limit, JSON check), the routes,
// the API docs, the built editor, and the single error path to problem+json. No listening here:
// tests call `app.request()`, main.ts hands `app.fetch` to the Node server.
import { OpenAPIHono } from "@hono/zod-openapi";
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
  payloadTooLarge,
  problemResponse,
  type RequestPart,
  routeNotFound,
} from "./problem";
import { checkJsonBody, checkQueryAndPath } from "./request-text";
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
  app.use("/api/*", checkQueryAndPath);
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
