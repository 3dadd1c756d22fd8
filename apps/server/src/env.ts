// The Hono environment of the app: what middleware puts on the context for routes to use.
import type { Logger } from "pino";

export interface AppEnv {
  Variables: {
    /** From the X-Request-Id header when sane, else generated; echoed back and logged. */
    requestId: string;
    /** Request-scoped logger carrying the request id. */
    log: Logger;
    /** Domain ids a route touched (instanceId, taskId...), added to the request's log line. */
    logFields: Record<string, unknown>;
  };
}
