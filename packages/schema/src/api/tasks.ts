// Human tasks (approvals, reviews): the inbox lists them, a person completes one. Completing a
// task that is no longer open answers 409; under a race exactly one completion wins.
import { z } from "zod";
import { PageQuery, pageOf, Timestamp, Variables } from "./common";

export const TaskStatus = z.enum(["open", "completed", "cancelled"]).meta({ id: "TaskStatus" });
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskIdParam = z.strictObject({ id: z.string().min(1).max(100) });

export const ListTasksQuery = PageQuery.extend({
  assignee: z.string().min(1).max(200).optional(),
  /** Tasks this user may take (listed among the candidate users). */
  candidateUser: z.string().min(1).max(200).optional(),
  candidateRole: z.string().min(1).max(200).optional(),
  status: TaskStatus.optional(),
  instanceId: z.string().min(1).max(100).optional(),
});
export type ListTasksQuery = z.infer<typeof ListTasksQuery>;

export const CompleteTaskRequest = z
  .strictObject({
    /** One of the task's outcomes (e.g. approve / reject) when it declares any. */
    outcome: z.string().min(1).max(100).optional(),
    /** Form values; checked against the definition's declared variable types. */
    variables: Variables.optional(),
    completedBy: z.string().min(1).max(200).optional(),
  })
  .meta({ id: "CompleteTaskRequest" });
export type CompleteTaskRequest = z.infer<typeof CompleteTaskRequest>;

export const Task = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    nodeId: z.string(),
    activationId: z.string(),
    status: TaskStatus,
    title: z.string().nullable(),
    assignee: z.string().nullable(),
    candidateUsers: z.array(z.string()),
    candidateRoles: z.array(z.string()),
    /** The node's task settings: outcomes, form fields, due time. */
    config: z.record(z.string(), z.unknown()),
    dueAt: Timestamp.nullable(),
    createdAt: Timestamp,
    completedAt: Timestamp.nullable(),
    completedBy: z.string().nullable(),
    outcome: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "Task" });
export type Task = z.infer<typeof Task>;

export const TaskPage = pageOf(Task).meta({ id: "TaskPage" });
export type TaskPage = z.infer<typeof TaskPage>;
