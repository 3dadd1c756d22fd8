// Store views to API payloads where the two differ: an instance's tokens become "active nodes"
// (what a caller asks: where is it waiting, and for what), message outcomes become receipts.
import type { ActiveNode, EventReceipt, InstanceDetail } from "@playbook/schema";
import type { MessageOutcome, InstanceDetail as StoredInstance } from "@playbook/store";
import { describeStoreError } from "./problem";

export function instanceView(instance: StoredInstance): InstanceDetail {
  const { tokens, version, error, ...summary } = instance;
  return {
    ...summary,
    activeNodes: tokens.map(
      (token): ActiveNode => ({
        nodeId: token.nodeId,
        activationId: token.activationId,
        waitingFor: token.wait.type,
        wait: { ...token.wait },
      }),
    ),
    error: error === null ? null : { ...error },
    revision: version,
  };
}

export function receiptView(
  event: { name: string; correlationKey: string },
  outcome: MessageOutcome,
): EventReceipt {
  return {
    id: outcome.eventId,
    name: event.name,
    correlationKey: event.correlationKey,
    duplicate: outcome.duplicate,
    resumed: outcome.correlated,
    started: outcome.started,
    notStarted: outcome.notStarted.map((failure) => ({
      definitionKey: failure.definitionKey,
      code: failure.error.code,
      detail: describeStoreError(failure.error),
    })),
    buffered: outcome.buffered,
  };
}
