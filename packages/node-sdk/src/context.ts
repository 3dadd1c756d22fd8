// What an executor receives, passed explicitly (no `this`): the parsed config typed from the
// node's zod schema, read-only variables, the idempotency key and the means to stop early.
import type { z } from "zod";
import type { ConfigSchema } from "./define-node";

export type LogFields = Record<string, unknown>;

/** Structured log lines; the runtime tags them with instance, node and attempt. */
export interface NodeLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface NodeContext<TConfig extends ConfigSchema = ConfigSchema> {
  /** The node's config, already parsed by its schema (defaults applied). */
  readonly config: z.output<TConfig>;
  /** The instance's variables at the time the job was created; frozen. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Stable across retries of this node activation: send it to APIs that deduplicate. */
  readonly idempotencyKey: string;
  /** 1 on the first try. */
  readonly attempt: number;
  /** Aborted when the job's lease is lost or the worker shuts down. */
  readonly signal: AbortSignal;
  readonly instanceId: string;
  readonly nodeId: string;
  readonly log: NodeLogger;
}

/** Variables to merge into the instance. Normalised to JSON (dates become ISO strings). */
export type NodeOutput = Record<string, unknown>;

export type NodeExecute<TConfig extends ConfigSchema = ConfigSchema> = (
  ctx: NodeContext<TConfig>,
) => Promise<NodeOutput | undefined> | NodeOutput | undefined;
