// Service task: work done outside the engine by the node type's executor. Entry emits a job
// (idempotency key `${instanceId}:${activationId}`, stable across retries); the job's result
// merges its output into the variables. A failure is retried with backoff while the node type's
// retry policy allows; then the token leaves by the `error` port with the failure in variable
// `error`, or, without an error edge, stops on an incident whose retry runs one more attempt.

import type { ProcessNode } from "@playbook/schema";
import { z } from "zod";
import { backoffMs } from "../retry";
import type { Run } from "../run";
import { DEFAULT_RETRY_POLICY, type Effect, type Token } from "../types";
import { defineBehaviour, notWaitingFor, type Resumption } from "./behaviour";

/** The variable a failure reaching the error edge is stored in. */
export const ERROR_VARIABLE = "error";

/** Service configs belong to their node type; the engine passes them through untouched. */
const anyConfig = z.record(z.string(), z.unknown());

type CreateJob = Extract<Effect, { type: "createJob" }>;

function job(run: Run, activationId: string, node: ProcessNode, attempt: number): CreateJob {
  return {
    type: "createJob",
    activationId,
    nodeId: node.id,
    jobType: node.type,
    jobTypeVersion: node.typeVersion,
    config: node.config,
    variables: { ...run.variables },
    idempotencyKey: `${run.instanceId}:${activationId}`,
    attempt,
  };
}

function failed(
  run: Run,
  token: Token,
  node: ProcessNode,
  event: { error: { message: string; code?: string }; retryable?: boolean },
): Resumption {
  const attempt = token.wait.type === "job" ? token.wait.attempt : 1;
  const retryable = event.retryable ?? true;
  const at = { nodeId: node.id, tokenId: token.id, activationId: token.activationId };
  run.record("jobFailed", { ...at, data: { attempt, error: event.error, retryable } });

  const policy = run.typeOf(node)?.retry ?? DEFAULT_RETRY_POLICY;
  if (retryable && attempt < policy.maxAttempts) {
    const next = attempt + 1;
    const runAt = run.now + backoffMs(policy, attempt, run.ctx.random);
    run.emit({ ...job(run, token.activationId, node, next), runAt });
    run.record("jobRetryScheduled", { ...at, data: { attempt: next, runAt } });
    return { type: "wait", wait: { type: "job", attempt: next } };
  }
  if (run.index.outgoing(node.id, "error").length > 0) {
    const error: Record<string, unknown> = {
      message: event.error.message,
      nodeId: node.id,
      attempts: attempt,
    };
    if (event.error.code !== undefined) error.code = event.error.code;
    run.assign({ [ERROR_VARIABLE]: error }, token);
    return { type: "leave", via: "error" };
  }
  return {
    type: "incident",
    message: `job failed after ${attempt} attempt(s): ${event.error.message}`,
    resume: { step: "enter", lastAttempt: attempt },
  };
}

export const service = defineBehaviour(anyConfig, {
  enter(run, token, node, _config, entry) {
    const attempt = (entry.lastAttempt ?? 0) + 1;
    run.emit(job(run, token.activationId, node, attempt));
    return { type: "wait", wait: { type: "job", attempt } };
  },
  resume(run, token, node, _config, event) {
    switch (event.type) {
      case "jobCompleted":
        run.assign({ ...event.output }, token);
        return { type: "leave", via: "normal" };
      case "jobFailed":
        return failed(run, token, node, event);
      default:
        return notWaitingFor(event);
    }
  },
});
