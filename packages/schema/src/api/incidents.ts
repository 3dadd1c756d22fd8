// Incidents: where an instance stopped because external work kept failing. Retrying runs the
// node again once the cause is fixed.
import { z } from "zod";
import { PageQuery, pageOf, Timestamp } from "./common";

export const IncidentStatus = z.enum(["open", "resolved"]).meta({ id: "IncidentStatus" });
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const IncidentIdParam = z.strictObject({ id: z.string().min(1).max(100) });

export const ListIncidentsQuery = PageQuery.extend({
  status: IncidentStatus.optional(),
  instanceId: z.string().min(1).max(100).optional(),
});
export type ListIncidentsQuery = z.infer<typeof ListIncidentsQuery>;

export const Incident = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    nodeId: z.string(),
    activationId: z.string(),
    message: z.string(),
    status: IncidentStatus,
    createdAt: Timestamp,
    resolvedAt: Timestamp.nullable(),
  })
  .meta({ id: "Incident" });
export type Incident = z.infer<typeof Incident>;

export const IncidentPage = pageOf(Incident).meta({ id: "IncidentPage" });
export type IncidentPage = z.infer<typeof IncidentPage>;
