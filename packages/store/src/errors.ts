// Every expected failure of the store is a value with a stable `code`; the HTTP layer maps the
// `kind` (or the code) to a status in one place. Unexpected failures (database down) still throw.
import type { EngineRejection } from "@playbook/engine";

export interface VariableIssue {
  variable: string;
  problem: "undeclared" | "required" | "type";
  message: string;
}

export type StoreError =
  | { code: "workspace.notFound"; workspaceId: string }
  | { code: "definition.notFound"; key: string }
  | { code: "definition.versionNotFound"; key: string; version: number }
  | { code: "definition.notPublished"; key: string }
  | { code: "definition.keyMismatch"; key: string; documentKey: string }
  | {
      code: "definition.revisionConflict";
      key: string;
      expectedRevision: number;
      actualRevision: number;
    }
  | { code: "definition.invalid"; key: string; issues: DefinitionIssue[] }
  | { code: "draft.notFound"; key: string }
  | { code: "instance.notFound"; instanceId: string }
  | { code: "instance.notRunning"; instanceId: string; status: string }
  | { code: "instance.idempotencyConflict"; idempotencyKey: string; instanceId: string }
  | { code: "variables.invalid"; issues: VariableIssue[] }
  | { code: "task.notFound"; taskId: string }
  | { code: "task.alreadyCompleted"; taskId: string }
  | { code: "task.cancelled"; taskId: string }
  | { code: "task.invalidOutcome"; taskId: string; outcome: string | undefined; allowed: string[] }
  | { code: "incident.notFound"; incidentId: string }
  | { code: "incident.resolved"; incidentId: string }
  | { code: "message.invalid"; message: string }
  | { code: "cursor.invalid"; cursor: string }
  /** The engine refused the event (e.g. the node is not waiting for it any more). */
  | { code: "event.rejected"; reason: EngineRejection["code"]; message: string };

export type StoreErrorCode = StoreError["code"];

/** A definition problem from shape parsing or the injected validator, pointing where it belongs. */
export interface DefinitionIssue {
  code: string;
  message: string;
  path?: string;
  nodeId?: string;
  edgeId?: string;
}

/** Neutral classification for transports: notFound → 404, conflict → 409, invalid → 400/422. */
export type StoreErrorKind = "notFound" | "conflict" | "invalid";

export const storeErrorKinds: Record<StoreErrorCode, StoreErrorKind> = {
  "workspace.notFound": "notFound",
  "definition.notFound": "notFound",
  "definition.versionNotFound": "notFound",
  "definition.notPublished": "conflict",
  "definition.keyMismatch": "invalid",
  "definition.revisionConflict": "conflict",
  "definition.invalid": "invalid",
  "draft.notFound": "notFound",
  "instance.notFound": "notFound",
  "instance.notRunning": "conflict",
  "instance.idempotencyConflict": "conflict",
  "variables.invalid": "invalid",
  "task.notFound": "notFound",
  "task.alreadyCompleted": "conflict",
  "task.cancelled": "conflict",
  "task.invalidOutcome": "invalid",
  "incident.notFound": "notFound",
  "incident.resolved": "conflict",
  "message.invalid": "invalid",
  "cursor.invalid": "invalid",
  "event.rejected": "conflict",
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: StoreError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: StoreError): Result<T> {
  return { ok: false, error };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
