// The engine's contract: state in, event in, (state, effects, history) out. Everything the
// outside world must do (create a job, a task, a timer...) is an effect the store performs in
// the same transaction that saves the state.
import type { Behaviour, ProcessDefinition } from "@playbook/schema";

/** Milliseconds since the epoch. The engine never reads a clock of its own. */
export interface Clock {
  now(): number;
}

export interface IdGenerator {
  /** A new unique id; `kind` is a hint usable as a prefix. */
  next(kind: "token" | "activation" | "incident"): string;
}

/** Uniform in [0, 1); used only for retry jitter. */
export interface RandomSource {
  next(): number;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** First backoff; doubles per attempt up to `maxBackoffMs`, with ±`jitter` fraction. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  initialBackoffMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  jitter: 0.2,
};

export type InstanceStatus = "running" | "completed" | "terminated" | "cancelled" | "failed";

export type TokenWait =
  | { type: "job"; attempt: number }
  | { type: "task" }
  | { type: "timer"; dueAt: number }
  | { type: "message"; name: string; correlationKey: string; timeoutDueAt?: number }
  | { type: "join" }
  | { type: "incident"; incidentId: string; message: string; resume?: IncidentResume };

/** Edges grouped by the meaning of their source port: `error` and `timeout` are special. */
export type PortGroup = "normal" | "error" | "timeout";

/**
 * What `incidentRetried` re-runs. `enter` (the default when absent): the node from its start;
 * `lastAttempt` is the job attempt that failed for good, so the retry runs `lastAttempt + 1`.
 * `leave`: only the choice of outgoing edges of that group (the node's work is already done).
 */
export type IncidentResume =
  | { step: "enter"; lastAttempt?: number }
  | { step: "leave"; via: PortGroup };

export interface Token {
  id: string;
  nodeId: string;
  /** One activation per arrival of a token at a node; the idempotency unit of effects. */
  activationId: string;
  /** Edge the token arrived by (joins count these). */
  viaEdgeId?: string;
  wait: TokenWait;
}

export interface InstanceError {
  code: string;
  message: string;
  nodeId?: string;
}

export interface InstanceState {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: InstanceStatus;
  variables: Record<string, unknown>;
  /** Tokens at rest: every one waits on something. Empty once the instance has ended. */
  tokens: Token[];
  startedAt: number;
  endedAt?: number;
  error?: InstanceError;
  /** Number of events applied; stores use it for optimistic concurrency. */
  version: number;
}

export type EngineEvent =
  | {
      type: "start";
      instanceId: string;
      definitionVersion: number;
      variables?: Record<string, unknown>;
      /** Which start node; required only when the definition has several. */
      startNodeId?: string;
    }
  | { type: "jobCompleted"; activationId: string; output?: Record<string, unknown> }
  | {
      type: "jobFailed";
      activationId: string;
      error: { message: string; code?: string };
      /** False for errors a retry cannot fix; goes straight to the error edge or an incident. */
      retryable?: boolean;
    }
  | {
      type: "taskCompleted";
      activationId: string;
      outcome?: string;
      variables?: Record<string, unknown>;
      completedBy?: string;
    }
  | { type: "timerFired"; activationId: string }
  | {
      type: "messageReceived";
      activationId: string;
      name: string;
      payload?: Record<string, unknown>;
    }
  /** Retry the node an incident stopped at (re-run the job or re-evaluate the node). */
  | { type: "incidentRetried"; activationId: string }
  | { type: "cancel"; reason?: string };

export type Effect =
  | {
      type: "createJob";
      activationId: string;
      nodeId: string;
      /** The node type; the runtime finds the executor by it. */
      jobType: string;
      /** The node type's version the definition was drawn with (executors are versioned). */
      jobTypeVersion: number;
      config: Record<string, unknown>;
      variables: Record<string, unknown>;
      /** Stable across retries: instance + activation. */
      idempotencyKey: string;
      attempt: number;
      /** Absent: run now. */
      runAt?: number;
    }
  | {
      type: "createTask";
      activationId: string;
      nodeId: string;
      config: Record<string, unknown>;
      /** Evaluated assignee / candidates, when the config had expressions. */
      assignee?: string;
      candidates?: string[];
      dueAt?: number;
    }
  | {
      type: "scheduleTimer";
      activationId: string;
      nodeId: string;
      dueAt: number;
      purpose: "timer" | "messageTimeout";
    }
  | {
      type: "subscribe";
      activationId: string;
      nodeId: string;
      messageName: string;
      correlationKey: string;
    }
  /** Drop every job, task, timer and subscription of this activation, and close its open incident. */
  | { type: "cancelWait"; activationId: string }
  | {
      type: "raiseIncident";
      incidentId: string;
      activationId: string;
      nodeId: string;
      message: string;
    }
  | { type: "instanceEnded"; status: Exclude<InstanceStatus, "running"> };

export type HistoryType =
  | "instanceStarted"
  | "nodeEntered"
  | "nodeLeft"
  | "edgeTaken"
  | "variablesChanged"
  | "jobFailed"
  | "jobRetryScheduled"
  | "incidentRaised"
  | "incidentRetried"
  | "taskCompleted"
  | "messageReceived"
  | "timerFired"
  | "instanceCompleted"
  | "instanceTerminated"
  | "instanceCancelled"
  | "instanceFailed";

export interface HistoryEntry {
  type: HistoryType;
  at: number;
  nodeId?: string;
  edgeId?: string;
  activationId?: string;
  tokenId?: string;
  data?: Record<string, unknown>;
}

export interface NodeTypeInfo {
  behaviour: Behaviour;
  retry?: RetryPolicy;
}

export interface EngineContext {
  definition: ProcessDefinition;
  /** Resolves a node's type and version to its behaviour; unknown types fail the instance. */
  resolveNodeType(type: string, version: number): NodeTypeInfo | undefined;
  clock: Clock;
  ids: IdGenerator;
  random: RandomSource;
  /** Synchronous steps allowed per event before the instance is failed as a busy loop. */
  maxSteps?: number;
}

export type EngineRejection =
  | { code: "event.notApplicable"; message: string }
  | { code: "instance.notRunning"; message: string }
  | { code: "start.ambiguous"; message: string }
  | { code: "start.unknown"; message: string };

export type EngineResult =
  | { ok: true; state: InstanceState; effects: Effect[]; history: HistoryEntry[] }
  | { ok: false; error: EngineRejection };
