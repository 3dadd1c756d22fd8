// GET /api/health: liveness and which parts of the runtime this process runs.
import { z } from "zod";

export const ServerRole = z.enum(["all", "api", "worker"]);
export type ServerRole = z.infer<typeof ServerRole>;

export const HealthResponse = z
  .object({
    status: z.literal("ok"),
    role: ServerRole,
    database: z.enum(["postgres", "pglite"]),
    /** True when this process runs job and timer workers. */
    workers: z.boolean(),
    version: z.string(),
  })
  .meta({ id: "Health" });
export type HealthResponse = z.infer<typeof HealthResponse>;
