// The benchmark's service node: does nothing and returns no variables, so every millisecond and
// every transaction measured belongs to the runtime. Registered, like any third-party pack, on a
// registry built from the built-in node types.
import { defineNode, implementNode, NodeError, type NodeTypeRegistry } from "@playbook/node-sdk";
import { createBuiltinRegistry } from "@playbook/nodes";
import type { Executor, ExecutorFor } from "@playbook/store";
import { z } from "zod";

export const NOOP_TYPE = "bench.noop";

export const noopNode = defineNode({
  type: NOOP_TYPE,
  version: 1,
  title: { "zh-CN": "空操作", en: "No-op" },
  category: "integration",
  icon: "circle",
  behaviour: "service",
  config: z.strictObject({}),
});

export function benchRegistry(): NodeTypeRegistry {
  const registry = createBuiltinRegistry();
  registry.register(implementNode(noopNode, () => undefined));
  return registry;
}

const silentNodeLog = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The store's executor port takes a throw as a failure; the registry's executors return their
 * outcome as data. Same bridge as the server's, minus per-job loggers (they cost allocations the
 * bench does not want to measure).
 */
export function registryExecutors(registry: NodeTypeRegistry): ExecutorFor {
  return (type, version) => {
    const execute = registry.executorFor(type, version);
    if (execute === undefined) return undefined;
    const executor: Executor = async (job) => {
      const outcome = await execute({
        config: job.config,
        variables: job.variables,
        idempotencyKey: job.idempotencyKey,
        attempt: job.attempt,
        instanceId: job.instanceId,
        nodeId: job.nodeId,
        signal: job.signal,
        log: silentNodeLog,
      });
      if (outcome.ok) return outcome.output;
      throw new NodeError(outcome.error.code, outcome.error.message, {
        retryable: outcome.error.retryable,
      });
    };
    return executor;
  };
}
