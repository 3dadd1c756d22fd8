// Incidents: instances stopped because external work kept failing; retry re-runs the node.
import { createRoute } from "@hono/zod-openapi";
import { Incident, IncidentIdParam, IncidentPage, ListIncidentsQuery } from "@playbook/schema";
import type { AppDeps } from "../deps";
import { jsonResponse, logIds, problems, type Router, unwrap } from "./shared";

const tags = ["Incidents"];

const list = createRoute({
  method: "get",
  path: "/api/incidents",
  tags,
  summary: "List incidents, newest first",
  request: { query: ListIncidentsQuery },
  responses: { 200: jsonResponse(IncidentPage, "A page of incidents"), ...problems(400) },
});

const retry = createRoute({
  method: "post",
  path: "/api/incidents/{id}/retry",
  tags,
  summary: "Resolve an incident and run its node again",
  request: { params: IncidentIdParam },
  responses: {
    200: jsonResponse(Incident, "Resolved; the node runs again"),
    ...problems(404, 409),
  },
});

export function registerIncidentRoutes(app: Router, deps: AppDeps): void {
  const incidents = () => deps.store.workspace(deps.workspaceId).incidents;

  app.openapi(list, async (c) => c.json(unwrap(await incidents().list(c.req.valid("query"))), 200));

  app.openapi(retry, async (c) => {
    const { id } = c.req.valid("param");
    const incident = unwrap(await incidents().retry(id));
    logIds(c, { incidentId: id, instanceId: incident.instanceId });
    return c.json(incident, 200);
  });
}
