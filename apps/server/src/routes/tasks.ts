// Human tasks: the inbox lists them (by assignee, candidate, status), a person completes one with
// an outcome and form values. A task no longer open answers 409; one racing completion wins.
import { createRoute } from "@hono/zod-openapi";
import { CompleteTaskRequest, ListTasksQuery, Task, TaskIdParam, TaskPage } from "@playbook/schema";
import type { AppDeps } from "../deps";
import { jsonBody, jsonResponse, logIds, problems, type Router, unwrap } from "./shared";

const tags = ["Tasks"];

const list = createRoute({
  method: "get",
  path: "/api/tasks",
  tags,
  summary: "List tasks, newest first",
  request: { query: ListTasksQuery },
  responses: { 200: jsonResponse(TaskPage, "A page of tasks"), ...problems(400) },
});

const get = createRoute({
  method: "get",
  path: "/api/tasks/{id}",
  tags,
  summary: "Get a task",
  request: { params: TaskIdParam },
  responses: { 200: jsonResponse(Task, "The task"), ...problems(404) },
});

const complete = createRoute({
  method: "post",
  path: "/api/tasks/{id}/complete",
  tags,
  summary: "Complete a task; the instance moves on",
  request: { params: TaskIdParam, body: jsonBody(CompleteTaskRequest, false) },
  responses: {
    200: jsonResponse(Task, "Completed"),
    ...problems(400, 404, 409, 413, 415),
  },
});

export function registerTaskRoutes(app: Router, deps: AppDeps): void {
  const tasks = () => deps.store.workspace(deps.workspaceId).tasks;

  app.openapi(list, async (c) => c.json(unwrap(await tasks().list(c.req.valid("query"))), 200));

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    const task = unwrap(await tasks().get(id));
    logIds(c, { taskId: id, instanceId: task.instanceId });
    return c.json(task, 200);
  });

  app.openapi(complete, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    logIds(c, { taskId: id });
    const task = unwrap(await tasks().complete(id, body));
    logIds(c, { instanceId: task.instanceId });
    return c.json(task, 200);
  });
}
