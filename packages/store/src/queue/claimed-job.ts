// A job as a worker holds it: the row's identity, the fencing token of this lease, and what the
// executor needs.
import type { InstanceState } from "@playbook/engine";

export interface ClaimedJob {
  id: number;
  /** The fencing token: results are accepted only with the token of the current lease. */
  fence: number;
  workspaceId: string;
  instanceId: string;
  activationId: string;
  nodeId: string;
  type: string;
  typeVersion: number;
  config: Record<string, unknown>;
  variables: Record<string, unknown>;
  idempotencyKey: string;
  attempt: number;
  /**
   * For a job this worker leased to itself inline: the instance exactly as the leasing
   * transaction wrote it. The result is then computed on it and written in one round trip,
   * provided the instance is still at that version (queue/inline-report.ts).
   */
  basis?: InstanceBasis;
}

export interface InstanceBasis {
  definitionKey: string;
  definitionVersion: number;
  /** Its `version` is the one the next write checks against. */
  state: InstanceState;
}

/** What a worker keeps of an instance it just wrote, for the next inline step. */
export function basisOf(
  instance: { definitionKey: string; definitionVersion: number },
  state: InstanceState,
): InstanceBasis {
  return {
    definitionKey: instance.definitionKey,
    definitionVersion: instance.definitionVersion,
    state,
  };
}
