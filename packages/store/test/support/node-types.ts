// Fake node types for store tests: the engine needs only a behaviour (and a retry policy) per
// type; executors are plain functions each test provides.
import type { NodeTypeInfo } from "@playbook/engine";
import type { Executor, ExecutorFor, ResolveNodeType } from "../../src/index";

export const FAST_RETRY = { maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100, jitter: 0 };

const nodeTypes: Record<string, NodeTypeInfo> = {
  "test.start": { behaviour: "start" },
  "test.end": { behaviour: "end" },
  "test.service": { behaviour: "service", retry: FAST_RETRY },
  "test.task": { behaviour: "userTask" },
  "test.timer": { behaviour: "timer" },
  "test.wait": { behaviour: "messageWait" },
  "test.gateway": { behaviour: "exclusiveGateway" },
  "test.set": { behaviour: "setVariables" },
};

export const resolveNodeType: ResolveNodeType = (type) => nodeTypes[type];

/** Every service node in tests has type `test.service`; `executors` maps config.action to code. */
export function executorsByAction(executors: Record<string, Executor>): ExecutorFor {
  return (type) => {
    if (type !== "test.service") return undefined;
    return (job) => {
      const action = String(job.config.action);
      const executor = executors[action];
      if (!executor)
        throw Object.assign(new Error(`no test executor ${action}`), { retryable: false });
      return executor(job);
    };
  };
}
