// Structured JSON logs (pino). Every request gets a child logger carrying its request id; the
// one line logged when it ends adds the domain ids the route touched (instance, task, incident),
// so a support question "what happened to instance X" is one grep away.
import type { MiddlewareHandler } from "hono";
import { type Logger, pino } from "pino";
import type { AppEnv } from "./env";

export interface LoggerOptions {
  level?: string;
  /** Where lines go; default stdout. Tests pass a sink to read them back. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    base: { service: "playbook" },
    // Only ids and safe headers are logged; bodies (variables, form values) stay out.
    redact: ["req.headers.authorization", "req.headers.cookie"],
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

export function requestLogging(root: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const log = root.child({ requestId: c.get("requestId") });
    c.set("log", log);
    c.set("logFields", {});
    await next();
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...c.get("logFields"),
    };
    if (status >= 500) log.error(line, "request failed");
    else log.info(line, "request");
  };
}
