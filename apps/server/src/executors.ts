// Bridges the node registry's executors (which return their outcome as data) to the store's
// worker port (which takes a throw as a failure), and gives node code a logger carrying the job's
// instance and node ids.
import { NodeError, type NodeTypeRegistry } from "@playbook/node-sdk";
import type { Executor, ExecutorFor } from "@playbook/store";
import type { Logger } from "pino";

export function registryExecutors(registry: NodeTypeRegistry, logger: Logger): ExecutorFor {
  return (type, version) => {
    const execute = registry.executorFor(type, version);
    if (execute === undefined) return undefined;
    const executor: Executor = async (job) => {
      const log = logger.child({
        instanceId: job.instanceId,
        nodeId: job.nodeId,
        nodeType: type,
        attempt: job.attempt,
      });
      const outcome = await execute({
        config: job.config,
        variables: job.variables,
        idempotencyKey: job.idempotencyKey,
        attempt: job.attempt,
        instanceId: job.instanceId,
        nodeId: job.nodeId,
        signal: job.signal,
        log: {
          debug: (message, fields) => log.debug(fields ?? {}, message),
          info: (message, fields) => log.info(fields ?? {}, message),
          warn: (message, fields) => log.warn(fields ?? {}, message),
          error: (message, fields) => log.error(fields ?? {}, message),
        },
      });
      if (outcome.ok) return outcome.output;
      // The store reads `code`, `message` and `retryable` off whatever is thrown.
      throw new NodeError(outcome.error.code, outcome.error.message, {
        retryable: outcome.error.retryable,
      });
    };
    return executor;
  };
}
