// Test helper for node authors: run an implemented node the way a worker would, with a signal
// and a logger that records lines, and get its output or its failure back as data.
import type { LogFields, NodeLogger } from "./context";
import { type ExecutionOutcome, executeNode } from "./execute";
import type { ImplementedNode } from "./implement-node";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  fields?: LogFields;
}

export interface RunNodeOptions {
  /** The config as written in a definition; parsed by the node's schema like in production. */
  config: unknown;
  variables?: Record<string, unknown>;
  idempotencyKey?: string;
  attempt?: number;
  instanceId?: string;
  nodeId?: string;
  /** Pass one to test cancellation; by default a signal that never aborts. */
  signal?: AbortSignal;
}

export type RunNodeResult = ExecutionOutcome & { logs: LogEntry[] };

export async function runNode(
  node: ImplementedNode,
  options: RunNodeOptions,
): Promise<RunNodeResult> {
  const logs: LogEntry[] = [];
  const record =
    (level: LogEntry["level"]) =>
    (message: string, fields?: LogFields): void => {
      logs.push(fields === undefined ? { level, message } : { level, message, fields });
    };
  const log: NodeLogger = {
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
  };
  const outcome = await executeNode(node, {
    config: options.config,
    variables: options.variables ?? {},
    idempotencyKey: options.idempotencyKey ?? "test-instance:test-activation",
    attempt: options.attempt ?? 1,
    instanceId: options.instanceId ?? "test-instance",
    nodeId: options.nodeId ?? "test-node",
    signal: options.signal ?? new AbortController().signal,
    log,
  });
  return { ...outcome, logs };
}
