// POST /api/events: apps report what happened (a user registered, an order was paid). An event
// resumes instances waiting for its name and correlation key, or starts instances of definitions
// that begin with it. An event id seen before is acknowledged and not applied twice.
import { z } from "zod";

export const EventMessage = z
  .strictObject({
    name: z.string().min(1).max(200),
    /** Matches the event to instances, e.g. the user id of a journey. */
    correlationKey: z.string().min(1).max(200),
    payload: z.record(z.string(), z.unknown()).default({}),
    /** Your event id; sending it again (a retry) changes nothing. */
    id: z.string().min(1).max(200).optional(),
  })
  .meta({ id: "Event" });
export type EventMessage = z.input<typeof EventMessage>;

export const PublishEventsRequest = z
  .union([EventMessage, z.array(EventMessage).min(1).max(100)])
  .meta({ id: "PublishEventsRequest" });
export type PublishEventsRequest = z.input<typeof PublishEventsRequest>;

export const EventReceipt = z
  .object({
    id: z.string().nullable(),
    name: z.string(),
    correlationKey: z.string(),
    /** The event id had been received before; the rest describes that first delivery. */
    duplicate: z.boolean(),
    resumed: z.array(z.object({ instanceId: z.string(), activationId: z.string() })),
    started: z.array(
      z.object({ instanceId: z.string(), definitionKey: z.string(), version: z.number().int() }),
    ),
    /** Definitions the event should have started but could not, with the reason. */
    notStarted: z.array(
      z.object({ definitionKey: z.string(), code: z.string(), detail: z.string() }),
    ),
    /** Nobody waited yet: kept for a while for an instance that subscribes later. */
    buffered: z.boolean(),
  })
  .meta({ id: "EventReceipt" });
export type EventReceipt = z.infer<typeof EventReceipt>;

export const PublishEventsResponse = z
  .object({ receipts: z.array(EventReceipt) })
  .meta({ id: "PublishEventsResponse" });
export type PublishEventsResponse = z.infer<typeof PublishEventsResponse>;
