// Runs one job of an implemented node: parse the config, call the executor, and turn whatever
// happens into an outcome the runtime can persist. Nothing thrown by node code escapes.
import type { EngineEvent } from "@playbook/engine";
import { z } from "zod";
import type { NodeLogger, NodeOutput } from "./context";
import { deepFreeze } from "./deep-freeze";
import { NodeError, type NodeFailure } from "./errors";
import type { ImplementedNode } from "./implement-node";

/** One job as the runtime hands it over: the raw config from the definition, not yet parsed. */
export interface NodeJob {
  config: unknown;
  variables: Record<string, unknown>;
  idempotencyKey: string;
  attempt: number;
  instanceId: string;
  nodeId: string;
  signal: AbortSignal;
  log: NodeLogger;
}

export type ExecutionOutcome = { ok: true; output: NodeOutput } | { ok: false; error: NodeFailure };

/** What a worker calls; `NodeTypeRegistry.executorFor()` hands these out. */
export type NodeExecutor = (job: NodeJob) => Promise<ExecutionOutcome>;

export async function executeNode(node: ImplementedNode, job: NodeJob): Promise<ExecutionOutcome> {
  const config = node.definition.config.safeParse(job.config);
  if (!config.success) {
    // The definition was validated on publish, so this is a pack/definition mismatch: retrying
    // the same config cannot help.
    return failure("config.invalid", `invalid config: ${z.prettifyError(config.error)}`, false);
  }
  let returned: unknown;
  try {
    returned = await node.execute({
      config: config.data,
      variables: deepFreeze(structuredClone(job.variables)),
      idempotencyKey: job.idempotencyKey,
      attempt: job.attempt,
      signal: job.signal,
      instanceId: job.instanceId,
      nodeId: job.nodeId,
      log: job.log,
    });
  } catch (error) {
    return { ok: false, error: toNodeFailure(error, job.signal) };
  }
  return normaliseOutput(returned);
}

/** Any throw as a failure: NodeErrors keep their code; anything else may be transient. */
export function toNodeFailure(error: unknown, signal?: AbortSignal): NodeFailure {
  if (error instanceof NodeError) {
    return { code: error.code, message: error.message, retryable: error.retryable };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (signal?.aborted) return { code: "node.aborted", message, retryable: true };
  return { code: "node.unexpectedError", message, retryable: true };
}

/** The engine event a worker applies once the outcome is known. */
export function outcomeToEngineEvent(activationId: string, outcome: ExecutionOutcome): EngineEvent {
  if (outcome.ok) return { type: "jobCompleted", activationId, output: outcome.output };
  const { code, message, retryable } = outcome.error;
  return { type: "jobFailed", activationId, error: { code, message }, retryable };
}

function normaliseOutput(returned: unknown): ExecutionOutcome {
  if (returned === undefined) return { ok: true, output: {} };
  if (typeof returned !== "object" || returned === null || Array.isArray(returned)) {
    return failure("output.invalid", "an executor must return an object of variables", false);
  }
  try {
    // Variables are stored as JSON; normalising here makes a Date or a class instance look the
    // same in the instance as it will after a reload.
    return { ok: true, output: JSON.parse(JSON.stringify(returned)) as NodeOutput };
  } catch (error) {
    return failure("output.invalid", `output is not JSON: ${(error as Error).message}`, false);
  }
}

function failure(code: string, message: string, retryable: boolean): ExecutionOutcome {
  return { ok: false, error: { code, message, retryable } };
}
