// A job as a worker holds it: the row's identity, the fencing token of this lease, and what the
// executor needs.

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
}
