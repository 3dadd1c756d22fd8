// Instances: start one (idempotent with an Idempotency-Key header), list and read them, their
// history, and cancel. Variables are checked against the definition's declared types by the store.
import { createRoute } from "@hono/zod-openapi";
import {
  CancelInstanceRequest,
  HistoryPage,
  IdempotencyKeyHeader,
  InstanceDetail,
  InstanceIdParam,
  InstancePage,
  ListInstancesQuery,
  PageQuery,
  StartInstanceRequest,
} from "@playbook/schema";
import type { AppDeps } from "../deps";
import { instanceView } from "../views";
import { jsonBody, jsonResponse, logIds, problems, type Router, unwrap } from "./shared";

const tags = ["Instances"];

const start = createRoute({
  method: "post",
  path: "/api/instances",
  tags,
  summary: "Start an instance of a published definition",
  description:
    "With an `Idempotency-Key` header, retries return the instance the first call started (200 instead of 201).",
  request: { headers: IdempotencyKeyHeader, body: jsonBody(StartInstanceRequest) },
  responses: {
    201: jsonResponse(InstanceDetail, "Started"),
    200: jsonResponse(InstanceDetail, "Already started with this Idempotency-Key"),
    ...problems(400, 404, 409, 413, 415),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/instances",
  tags,
  summary: "List instances, newest first",
  request: { query: ListInstancesQuery },
  responses: { 200: jsonResponse(InstancePage, "A page of instances"), ...problems(400) },
});

const get = createRoute({
  method: "get",
  path: "/api/instances/{id}",
  tags,
  summary: "Get an instance: status, version, where it waits, variables",
  request: { params: InstanceIdParam },
  responses: { 200: jsonResponse(InstanceDetail, "The instance"), ...problems(404) },
});

const history = createRoute({
  method: "get",
  path: "/api/instances/{id}/history",
  tags,
  summary: "An instance's history, oldest first",
  request: { params: InstanceIdParam, query: PageQuery },
  responses: { 200: jsonResponse(HistoryPage, "A page of history records"), ...problems(400, 404) },
});

const cancel = createRoute({
  method: "post",
  path: "/api/instances/{id}/cancel",
  tags,
  summary: "Cancel a running instance",
  request: { params: InstanceIdParam, body: jsonBody(CancelInstanceRequest, false) },
  responses: {
    200: jsonResponse(InstanceDetail, "Cancelled"),
    ...problems(400, 404, 409, 413, 415),
  },
});

export function registerInstanceRoutes(app: Router, deps: AppDeps): void {
  const instances = () => deps.store.workspace(deps.workspaceId).instances;

  app.openapi(start, async (c) => {
    const body = c.req.valid("json");
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    const started = unwrap(
      await instances().start({
        definitionKey: body.definitionKey,
        variables: body.variables,
        ...(body.version !== undefined ? { version: body.version } : {}),
        ...(body.businessKey !== undefined ? { businessKey: body.businessKey } : {}),
        ...(body.startedBy !== undefined ? { startedBy: body.startedBy } : {}),
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      }),
    );
    logIds(c, { instanceId: started.instance.id, definitionKey: body.definitionKey });
    c.header("Location", `/api/instances/${started.instance.id}`);
    if (!started.created) {
      c.header("Idempotent-Replayed", "true");
      return c.json(instanceView(started.instance), 200);
    }
    return c.json(instanceView(started.instance), 201);
  });

  app.openapi(list, async (c) => {
    const query = c.req.valid("query");
    return c.json(unwrap(await instances().list(query)), 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    logIds(c, { instanceId: id });
    return c.json(instanceView(unwrap(await instances().get(id))), 200);
  });

  app.openapi(history, async (c) => {
    const { id } = c.req.valid("param");
    logIds(c, { instanceId: id });
    return c.json(unwrap(await instances().history(id, c.req.valid("query"))), 200);
  });

  app.openapi(cancel, async (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    logIds(c, { instanceId: id });
    const cancelled = unwrap(await instances().cancel(id, reason !== undefined ? { reason } : {}));
    return c.json(instanceView(cancelled), 200);
  });
}
