// How an instance ends: completed (its last token was consumed), terminated (a terminate end),
// cancelled (a cancel event) or failed (a definition that cannot run, e.g. a loop without a
// wait). Ending withdraws every resting token and drops tokens still in flight.
import type { Run } from "./run";
import type { HistoryEntry, HistoryType, InstanceError, InstanceStatus } from "./types";

type HistoryFields = Omit<HistoryEntry, "type" | "at">;

type EndStatus = Exclude<InstanceStatus, "running">;

const HISTORY: Record<EndStatus, HistoryType> = {
  completed: "instanceCompleted",
  terminated: "instanceTerminated",
  cancelled: "instanceCancelled",
  failed: "instanceFailed",
};

export function endInstance(run: Run, status: EndStatus, fields: HistoryFields = {}): void {
  for (const token of run.tokens) {
    run.withdraw(token);
    run.record("nodeLeft", {
      nodeId: token.nodeId,
      tokenId: token.id,
      activationId: token.activationId,
      data: { reason: "cancelled" },
    });
  }
  run.tokens = [];
  run.queue.length = 0;
  run.status = status;
  run.endedAt = run.now;
  run.record(HISTORY[status], fields);
  run.emit({ type: "instanceEnded", status });
}

export function failInstance(run: Run, error: InstanceError): void {
  run.error = error;
  const data = { code: error.code, message: error.message };
  endInstance(
    run,
    "failed",
    error.nodeId === undefined ? { data } : { nodeId: error.nodeId, data },
  );
}
