// Runs one claimed job's executor under its lease: a heartbeat extends the lease while the
// executor works, and aborts the executor's signal when the lease is lost. Returns what happened;
// recording it is the caller's business.

import { errorFields } from "../logger";
import { describeExecutorError } from "../ports";
import type { ClaimedJob } from "../queue/claimed-job";
import type { JobOutcome } from "../queue/jobs";
import { heartbeat } from "../queue/jobs";
import type { StoreResources } from "../resources";

export interface RunningJob {
  job: ClaimedJob;
  controller: AbortController;
  /** Set by shutdown when the lease was given back: the result must not be reported. */
  released: boolean;
}

export interface RunSettings {
  leaseMs: number;
  heartbeatMs: number;
  maxDeliveries: number;
}

export type RunResult = { leaseLost: true } | { leaseLost: false; outcome: JobOutcome };

export async function runJob(
  res: StoreResources,
  running: RunningJob,
  settings: RunSettings,
): Promise<RunResult> {
  const { job, controller } = running;
  const fields = {
    jobId: job.id,
    instanceId: job.instanceId,
    nodeId: job.nodeId,
    type: job.type,
    attempt: job.attempt,
  };
  if (job.fence > settings.maxDeliveries) {
    res.logger.error(
      { ...fields, deliveries: job.fence },
      "job keeps losing its lease; failing it",
    );
    return {
      leaseLost: false,
      outcome: {
        kind: "failed",
        message: `job was claimed ${job.fence} times without finishing (worker crashes or a lease too short)`,
        code: "job.redeliveryLimit",
        retryable: false,
      },
    };
  }
  const executor = res.executorFor(job.type, job.typeVersion);
  if (!executor) {
    return {
      leaseLost: false,
      outcome: {
        kind: "failed",
        message: `no executor for ${job.type} v${job.typeVersion}`,
        code: "job.noExecutor",
        retryable: false,
      },
    };
  }

  let leaseLost = false;
  const beat = setInterval(() => {
    heartbeat(res, job, settings.leaseMs)
      .then((held) => {
        if (held || leaseLost) return;
        leaseLost = true;
        res.logger.warn(fields, "lease lost; aborting executor");
        controller.abort(new Error("lease lost"));
      })
      .catch((error: unknown) =>
        res.logger.warn({ ...fields, ...errorFields(error) }, "heartbeat failed"),
      );
  }, settings.heartbeatMs);

  try {
    res.logger.debug(fields, "job started");
    const output = await executor({
      type: job.type,
      config: job.config,
      variables: job.variables,
      idempotencyKey: job.idempotencyKey,
      attempt: job.attempt,
      workspaceId: job.workspaceId,
      instanceId: job.instanceId,
      nodeId: job.nodeId,
      signal: controller.signal,
    });
    if (leaseLost) return { leaseLost: true };
    return { leaseLost: false, outcome: { kind: "completed", output: output ?? undefined } };
  } catch (error) {
    if (leaseLost) return { leaseLost: true };
    const failure = describeExecutorError(error);
    res.logger.info(
      { ...fields, error: failure.message, retryable: failure.retryable },
      "job failed",
    );
    return { leaseLost: false, outcome: { kind: "failed", ...failure } };
  } finally {
    clearInterval(beat);
  }
}
