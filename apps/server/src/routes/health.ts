// Liveness: answers once the database is migrated and the routes are mounted.
import { createRoute } from "@hono/zod-openapi";
import { HealthResponse } from "@playbook/schema";
import type { AppDeps } from "../deps";
import { jsonResponse, problems, type Router } from "./shared";

const health = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["Health"],
  summary: "Is the server up, and what does this process run",
  responses: { 200: jsonResponse(HealthResponse, "Up"), ...problems() },
});

export function registerHealthRoutes(app: Router, deps: AppDeps): void {
  app.openapi(health, (c) =>
    c.json(
      {
        status: "ok" as const,
        role: deps.role ?? "all",
        database: deps.store.kind,
        workers: deps.workersRunning?.() ?? false,
        version: deps.version ?? "0.0.0",
      },
      200,
    ),
  );
}
