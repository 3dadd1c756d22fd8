// The logging port. Structurally compatible with pino (`logger.info({ instanceId }, "msg")`), so
// the server passes its pino instance and tests pass nothing (silent) or a recording fake.

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** Normalises an unknown throw into loggable fields. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    return { err: { message: error.message, name: error.name, stack: error.stack } };
  }
  return { err: { message: String(error) } };
}
