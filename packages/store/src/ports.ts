// What the store needs from the outside, described structurally so the store never depends on
// @playbook/node-sdk: how to resolve a node type for the engine, and how to run a job.
import type {
  EngineContext,
  EngineEvent,
  EngineResult,
  InstanceState,
  NodeTypeInfo,
} from "@playbook/engine";

/** The engine's pure transition function (injectable so tests can wrap it). */
export type ApplyEvent = (
  ctx: EngineContext,
  state: InstanceState | null,
  event: EngineEvent,
) => EngineResult;

export type ResolveNodeType = (type: string, version: number) => NodeTypeInfo | undefined;

/** What an executor receives for one attempt of one job. */
export interface ExecutorJob {
  type: string;
  config: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** Stable across retries and redeliveries: pass it to the external system to de-duplicate. */
  idempotencyKey: string;
  attempt: number;
  workspaceId: string;
  instanceId: string;
  nodeId: string;
  /** Aborted when the lease is lost or the worker shuts down past its grace period. */
  signal: AbortSignal;
}

/**
 * Runs the external work of a job. Resolve with output variables (or nothing). Throw to fail; an
 * error with `retryable === false` is permanent (no retry), anything else follows the retry policy.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: lets executors be plain `async () => {}`.
export type Executor = (job: ExecutorJob) => Promise<Record<string, unknown> | undefined | void>;

export type ExecutorFor = (type: string, version: number) => Executor | undefined;

/** The shape a thrown executor error may have; read defensively. */
export interface ExecutorFailure {
  message: string;
  code?: string;
  retryable: boolean;
}

export function describeExecutorError(error: unknown): ExecutorFailure {
  if (typeof error === "object" && error !== null) {
    const record = error as { message?: unknown; code?: unknown; retryable?: unknown };
    return {
      message: typeof record.message === "string" ? record.message : String(error),
      ...(typeof record.code === "string" ? { code: record.code } : {}),
      retryable: record.retryable !== false,
    };
  }
  return { message: String(error), retryable: true };
}
