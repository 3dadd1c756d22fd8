// Process instances: start (idempotent with an Idempotency-Key header), list, read, history, cancel.
import { z } from "zod";
import { DefinitionKey } from "../definition";
import { PageQuery, pageOf, Timestamp, Variables } from "./common";

export const InstanceStatus = z
  .enum(["running", "completed", "terminated", "cancelled", "failed"])
  .meta({ id: "InstanceStatus" });
export type InstanceStatus = z.infer<typeof InstanceStatus>;

export const StartInstanceRequest = z
  .strictObject({
    definitionKey: DefinitionKey,
    /** A published version; the latest when absent. */
    version: z.number().int().min(1).optional(),
    /** Your own reference (order number, user id); instances can be filtered by it. */
    businessKey: z.string().min(1).max(200).optional(),
    variables: Variables.default({}),
    startedBy: z.string().min(1).max(200).optional(),
  })
  .meta({ id: "StartInstanceRequest" });
export type StartInstanceRequest = z.input<typeof StartInstanceRequest>;

export const IdempotencyKeyHeader = z.object({
  "idempotency-key": z.string().min(1).max(200).optional().meta({
    description: "Retrying with the same key returns the instance the first call started.",
  }),
});

export const InstanceIdParam = z.strictObject({ id: z.string().min(1).max(100) });

export const ListInstancesQuery = PageQuery.extend({
  definitionKey: DefinitionKey.optional(),
  status: InstanceStatus.optional(),
  businessKey: z.string().min(1).max(200).optional(),
});
export type ListInstancesQuery = z.infer<typeof ListInstancesQuery>;

export const CancelInstanceRequest = z
  .strictObject({ reason: z.string().max(2000).optional() })
  .meta({ id: "CancelInstanceRequest" });
export type CancelInstanceRequest = z.infer<typeof CancelInstanceRequest>;

export const WaitKind = z.enum(["job", "task", "timer", "message", "join", "incident"]);
export type WaitKind = z.infer<typeof WaitKind>;

/** Where an instance waits: one entry per token. */
export const ActiveNode = z
  .object({
    nodeId: z.string(),
    activationId: z.string(),
    waitingFor: WaitKind,
    /** Details of the wait (timer due time, message name, incident id...). */
    wait: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ActiveNode" });
export type ActiveNode = z.infer<typeof ActiveNode>;

export const InstanceSummary = z
  .object({
    id: z.string(),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    status: InstanceStatus,
    businessKey: z.string().nullable(),
    startedBy: z.string().nullable(),
    startedAt: Timestamp,
    endedAt: Timestamp.nullable(),
  })
  .meta({ id: "InstanceSummary" });
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const InstanceDetail = InstanceSummary.extend({
  variables: Variables,
  activeNodes: z.array(ActiveNode),
  error: z
    .object({ code: z.string(), message: z.string() })
    .loose()
    .nullable()
    .meta({ description: "Why the instance failed, when it did." }),
  /** Events applied so far; grows by one with every step the instance takes. */
  revision: z.number().int(),
}).meta({ id: "Instance" });
export type InstanceDetail = z.infer<typeof InstanceDetail>;

export const InstancePage = pageOf(InstanceSummary).meta({ id: "InstancePage" });
export type InstancePage = z.infer<typeof InstancePage>;

export const HistoryRecord = z
  .object({
    id: z.string(),
    type: z
      .string()
      .meta({ description: "instanceStarted, nodeEntered, nodeLeft, edgeTaken, ..." }),
    at: Timestamp,
    nodeId: z.string().nullable(),
    edgeId: z.string().nullable(),
    activationId: z.string().nullable(),
    tokenId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "HistoryRecord" });
export type HistoryRecord = z.infer<typeof HistoryRecord>;

export const HistoryPage = pageOf(HistoryRecord).meta({ id: "HistoryPage" });
export type HistoryPage = z.infer<typeof HistoryPage>;
