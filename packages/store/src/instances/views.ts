// Instances and history as callers see them: camelCase, ISO timestamps, the engine's tokens and
// variables lifted out of the stored state.
import type {
  EngineRejection,
  InstanceError,
  InstanceState,
  InstanceStatus,
  Token,
} from "@playbook/engine";
import type { StoreError } from "../errors";

export interface InstanceSummary {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: InstanceStatus;
  businessKey: string | null;
  startedBy: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface InstanceDetail extends InstanceSummary {
  variables: Record<string, unknown>;
  /** Where the instance waits: one token per waiting path. Empty once ended. */
  tokens: Token[];
  error: InstanceError | null;
  /** Events applied so far. */
  version: number;
}

export interface InstanceRow {
  id: string;
  definition_key: string;
  definition_version: number;
  status: string;
  business_key: string | null;
  started_by: string | null;
  started_at: Date;
  ended_at: Date | null;
}

export function toInstanceSummary(row: InstanceRow): InstanceSummary {
  return {
    id: row.id,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    status: row.status as InstanceStatus,
    businessKey: row.business_key,
    startedBy: row.started_by,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at ? row.ended_at.toISOString() : null,
  };
}

export function toInstanceDetail(summary: InstanceSummary, state: InstanceState): InstanceDetail {
  return {
    ...summary,
    status: state.status,
    endedAt: state.endedAt === undefined ? summary.endedAt : new Date(state.endedAt).toISOString(),
    variables: state.variables,
    tokens: state.tokens,
    error: state.error ?? null,
    version: state.version,
  };
}

export interface HistoryRecord {
  /** Position in the history; also the cursor. */
  id: string;
  type: string;
  at: string;
  nodeId: string | null;
  edgeId: string | null;
  activationId: string | null;
  tokenId: string | null;
  data: Record<string, unknown> | null;
}

export function rejectionError(
  rejection: EngineRejection,
  instance: InstanceState | { id: string; status: string },
): StoreError {
  if (rejection.code === "instance.notRunning") {
    return { code: "instance.notRunning", instanceId: instance.id, status: instance.status };
  }
  return { code: "event.rejected", reason: rejection.code, message: rejection.message };
}
