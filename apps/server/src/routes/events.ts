// Events from apps: each resumes the instances waiting for its name and correlation key, or
// starts instances of definitions that begin with it. Each event is its own transaction, applied
// in the order sent; an event id seen before is acknowledged (duplicate: true) and not re-applied.
import { createRoute } from "@hono/zod-openapi";
import { PublishEventsRequest, PublishEventsResponse } from "@playbook/schema";
import type { AppDeps } from "../deps";
import { receiptView } from "../views";
import { jsonBody, jsonResponse, logIds, problems, type Router, unwrap } from "./shared";

const publish = createRoute({
  method: "post",
  path: "/api/events",
  tags: ["Events"],
  summary: "Send one event or an array of up to 100",
  request: { body: jsonBody(PublishEventsRequest) },
  responses: {
    200: jsonResponse(PublishEventsResponse, "One receipt per event, in the order sent"),
    ...problems(400, 413, 415),
  },
});

export function registerEventRoutes(app: Router, deps: AppDeps): void {
  app.openapi(publish, async (c) => {
    const body = c.req.valid("json");
    const events = Array.isArray(body) ? body : [body];
    const messages = deps.store.workspace(deps.workspaceId).messages;
    const receipts = [];
    for (const event of events) {
      const outcome = unwrap(
        await messages.publish({
          name: event.name,
          correlationKey: event.correlationKey,
          payload: event.payload,
          ...(event.id !== undefined ? { id: event.id } : {}),
        }),
      );
      receipts.push(receiptView(event, outcome));
    }
    logIds(c, {
      events: receipts.length,
      instanceIds: receipts.flatMap((r) => [...r.resumed, ...r.started].map((i) => i.instanceId)),
    });
    return c.json({ receipts }, 200);
  });
}
