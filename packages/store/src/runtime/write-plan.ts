// Folds engine effects into the writes one transaction will make. Pure, so the order rules are
// testable without a database: effects apply in sequence (a `cancelWait` drops rows created
// earlier in the same transaction and deletes committed ones), and the flush deletes before it
// inserts, so "cancel, then wait again on the same activation" comes out right.
import type { Effect, HistoryEntry, InstanceStatus } from "@playbook/engine";
import { assertNever } from "../errors";

export interface PlannedJob {
  activationId: string;
  nodeId: string;
  jobType: string;
  typeVersion: number;
  config: Record<string, unknown>;
  variables: Record<string, unknown>;
  idempotencyKey: string;
  attempt: number;
  runAt?: number;
}

export interface PlannedTimer {
  activationId: string;
  nodeId: string;
  dueAt: number;
  purpose: "timer" | "messageTimeout";
}

export interface PlannedSubscription {
  activationId: string;
  nodeId: string;
  messageName: string;
  correlationKey: string;
  /** Whether the message buffer has been checked for this subscription yet. */
  bufferChecked: boolean;
}

export interface PlannedTask {
  activationId: string;
  nodeId: string;
  config: Record<string, unknown>;
  assignee?: string;
  candidates?: string[];
  dueAt?: number;
}

export interface PlannedIncident {
  incidentId: string;
  activationId: string;
  nodeId: string;
  message: string;
}

export interface WritePlan {
  jobs: PlannedJob[];
  timers: PlannedTimer[];
  subscriptions: PlannedSubscription[];
  tasks: PlannedTask[];
  incidents: PlannedIncident[];
  history: HistoryEntry[];
  /** Activations whose committed waits are removed (jobs, timers, subscriptions deleted; tasks cancelled). */
  clearedActivations: Set<string>;
  /** Set when the instance ended: every remaining wait of the instance is removed. */
  ended?: Exclude<InstanceStatus, "running">;
}

export function emptyPlan(): WritePlan {
  return {
    jobs: [],
    timers: [],
    subscriptions: [],
    tasks: [],
    incidents: [],
    history: [],
    clearedActivations: new Set(),
  };
}

/** Removes every wait of one activation: planned rows now, committed rows at flush. */
export function clearActivation(plan: WritePlan, activationId: string): void {
  const keep = <T extends { activationId: string }>(rows: T[]) =>
    rows.filter((row) => row.activationId !== activationId);
  plan.jobs = keep(plan.jobs);
  plan.timers = keep(plan.timers);
  plan.subscriptions = keep(plan.subscriptions);
  plan.tasks = keep(plan.tasks);
  plan.incidents = keep(plan.incidents);
  plan.clearedActivations.add(activationId);
}

export function addOutcome(
  plan: WritePlan,
  effects: readonly Effect[],
  history: readonly HistoryEntry[],
): void {
  plan.history.push(...history);
  for (const effect of effects) {
    switch (effect.type) {
      case "createJob":
        plan.jobs.push({
          activationId: effect.activationId,
          nodeId: effect.nodeId,
          jobType: effect.jobType,
          typeVersion: effect.jobTypeVersion,
          config: effect.config,
          variables: effect.variables,
          idempotencyKey: effect.idempotencyKey,
          attempt: effect.attempt,
          ...(effect.runAt === undefined ? {} : { runAt: effect.runAt }),
        });
        break;
      case "createTask":
        plan.tasks.push({
          activationId: effect.activationId,
          nodeId: effect.nodeId,
          config: effect.config,
          ...(effect.assignee === undefined ? {} : { assignee: effect.assignee }),
          ...(effect.candidates === undefined ? {} : { candidates: effect.candidates }),
          ...(effect.dueAt === undefined ? {} : { dueAt: effect.dueAt }),
        });
        break;
      case "scheduleTimer":
        plan.timers.push({
          activationId: effect.activationId,
          nodeId: effect.nodeId,
          dueAt: effect.dueAt,
          purpose: effect.purpose,
        });
        break;
      case "subscribe":
        plan.subscriptions.push({
          activationId: effect.activationId,
          nodeId: effect.nodeId,
          messageName: effect.messageName,
          correlationKey: effect.correlationKey,
          bufferChecked: false,
        });
        break;
      case "cancelWait":
        clearActivation(plan, effect.activationId);
        break;
      case "raiseIncident":
        plan.incidents.push({
          incidentId: effect.incidentId,
          activationId: effect.activationId,
          nodeId: effect.nodeId,
          message: effect.message,
        });
        break;
      case "instanceEnded":
        plan.ended = effect.status;
        break;
      default:
        assertNever(effect);
    }
  }
}
