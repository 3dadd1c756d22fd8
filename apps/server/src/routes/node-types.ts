// The node types this server runs, as manifests: the editor builds its palette and property
// forms from them, so a newly registered pack appears with no editor change.
import { createRoute } from "@hono/zod-openapi";
import { NodeTypesQuery, NodeTypesResponse } from "@playbook/schema";
import type { AppDeps } from "../deps";
import { jsonResponse, problems, type Router } from "./shared";

const list = createRoute({
  method: "get",
  path: "/api/node-types",
  tags: ["Node types"],
  summary: "Manifests of every registered node type",
  request: { query: NodeTypesQuery },
  responses: {
    200: jsonResponse(NodeTypesResponse, "Sorted by type, then version"),
    ...problems(400),
  },
});

export function registerNodeTypeRoutes(app: Router, deps: AppDeps): void {
  app.openapi(list, (c) => {
    const latestOnly = c.req.valid("query").latestOnly === "true";
    return c.json({ nodeTypes: deps.registry.manifests({ latestOnly }) }, 200);
  });
}
