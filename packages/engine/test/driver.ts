// An in-memory stand-in for the store, for tests: deterministic clock, ids and randomness; it
// applies effects (keeps jobs, tasks, timers, subscriptions, incidents), runs due jobs through
// a test-provided function, fires due timers as the clock advances and delivers messages by
// name + correlation key. Every state it hands to the engine is deep-frozen (so mutation
// throws) and every result is checked to be plain JSON, as the store will save it.
import type { ProcessDefinition } from "@playbook/schema";
import {
  applyEvent,
  type Effect,
  type EngineContext,
  type EngineEvent,
  type EngineRejection,
  type EngineResult,
  type HistoryEntry,
  type InstanceState,
  type NodeTypeInfo,
} from "../src";
import { nodeTypes } from "./definitions";
import { assertPlainJson, deepFreeze, jsonCopy } from "./json";

export type JobEffect = Extract<Effect, { type: "createJob" }>;
export type TaskEffect = Extract<Effect, { type: "createTask" }>;
export type TimerEffect = Extract<Effect, { type: "scheduleTimer" }>;
export type SubscribeEffect = Extract<Effect, { type: "subscribe" }>;
export type IncidentEffect = Extract<Effect, { type: "raiseIncident" }>;

/** What a job run returns: output, a failure, or `undefined` to leave the job pending. */
export type JobOutcome =
  | { output?: Record<string, unknown> }
  | { error: { message: string; code?: string }; retryable?: boolean }
  | undefined;

export interface DriverOptions {
  definition: ProcessDefinition;
  nodeTypes?: Record<string, NodeTypeInfo>;
  runJob?: (job: JobEffect) => JobOutcome;
  startAt?: number;
  maxSteps?: number;
  /** Uniform [0,1) source for retry jitter; 0.5 (no jitter) by default. */
  random?: () => number;
}

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

export class TestDriver {
  now: number;
  state: InstanceState | null = null;
  readonly history: HistoryEntry[] = [];
  readonly effects: Effect[] = [];
  readonly jobs = new Map<string, JobEffect>();
  readonly tasks = new Map<string, TaskEffect>();
  readonly timers = new Map<string, TimerEffect>();
  readonly subscriptions = new Map<string, SubscribeEffect>();
  readonly incidents = new Map<string, IncidentEffect>();
  readonly ctx: EngineContext;
  private counter = 0;

  constructor(private readonly options: DriverOptions) {
    this.now = options.startAt ?? T0;
    const types = options.nodeTypes ?? nodeTypes();
    const random = options.random ?? (() => 0.5);
    this.ctx = {
      definition: options.definition,
      resolveNodeType: (type, version) => (version === 1 ? types[type] : undefined),
      clock: { now: () => this.now },
      ids: { next: (kind) => `${kind}-${++this.counter}` },
      random: { next: random },
    };
    if (options.maxSteps !== undefined) this.ctx.maxSteps = options.maxSteps;
  }

  get status() {
    return this.state?.status;
  }

  get variables(): Record<string, unknown> {
    return this.state?.variables ?? {};
  }

  /** Node ids where tokens rest, sorted. */
  get waitingAt(): string[] {
    return (this.state?.tokens ?? []).map((t) => t.nodeId).sort();
  }

  /** Node ids in the order tokens entered them. */
  get path(): string[] {
    return this.history.filter((h) => h.type === "nodeEntered").map((h) => h.nodeId ?? "?");
  }

  activationAt(nodeId: string): string {
    const token = this.state?.tokens.find((t) => t.nodeId === nodeId);
    if (!token) throw new Error(`no token rests at ${nodeId}`);
    return token.activationId;
  }

  start(variables?: Record<string, unknown>, startNodeId?: string): EngineResult {
    const event: EngineEvent = { type: "start", instanceId: "instance-1", definitionVersion: 1 };
    if (variables) event.variables = variables;
    if (startNodeId) event.startNodeId = startNodeId;
    return this.send(event);
  }

  /** Applies one event; on success performs its effects, then runs jobs that are due. */
  send(event: EngineEvent): EngineResult {
    const before = this.state === null ? null : deepFreeze(jsonCopy(this.state));
    const result = applyEvent(this.ctx, before, deepFreeze(jsonCopy(event)));
    if (!result.ok) return result;
    assertPlainJson(result, "result");
    this.state = result.state;
    this.history.push(...result.history);
    this.settle(event);
    for (const effect of result.effects) this.perform(effect);
    this.runDueJobs();
    return result;
  }

  /** Sends, and fails the test if the engine rejected the event. */
  must(event: EngineEvent): Extract<EngineResult, { ok: true }> {
    const result = this.send(event);
    if (!result.ok)
      throw new Error(`${event.type} rejected: ${result.error.code} ${result.error.message}`);
    return result;
  }

  rejection(event: EngineEvent): EngineRejection | undefined {
    const result = this.send(event);
    return result.ok ? undefined : result.error;
  }

  completeTask(
    nodeId: string,
    completion: {
      outcome?: string;
      variables?: Record<string, unknown>;
      completedBy?: string;
    } = {},
  ): EngineResult {
    return this.send({
      type: "taskCompleted",
      activationId: this.activationAt(nodeId),
      ...completion,
    });
  }

  /** Delivers a message to every subscription with this name and key. */
  deliver(name: string, correlationKey: string, payload?: Record<string, unknown>): EngineResult[] {
    const matching = [...this.subscriptions.values()].filter(
      (s) => s.messageName === name && s.correlationKey === correlationKey,
    );
    return matching.map((s) =>
      this.send({
        type: "messageReceived",
        activationId: s.activationId,
        name,
        ...(payload ? { payload } : {}),
      }),
    );
  }

  retryIncident(nodeId: string): EngineResult {
    return this.send({ type: "incidentRetried", activationId: this.activationAt(nodeId) });
  }

  /** Stands in for an operator fixing data through the store before retrying an incident. */
  patchVariables(changes: Record<string, unknown>): void {
    if (!this.state) throw new Error("no instance");
    this.state = { ...this.state, variables: { ...this.state.variables, ...changes } };
  }

  /** Moves the clock forward, firing timers and running retried jobs as they fall due. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = this.nextDue(until);
      if (!next) break;
      this.now = Math.max(this.now, next.at);
      next.fire();
    }
    this.now = until;
  }

  private nextDue(until: number): { at: number; fire: () => void } | undefined {
    let best: { at: number; fire: () => void } | undefined;
    for (const timer of this.timers.values()) {
      if (timer.dueAt <= until && (!best || timer.dueAt < best.at)) {
        best = {
          at: timer.dueAt,
          fire: () => this.send({ type: "timerFired", activationId: timer.activationId }),
        };
      }
    }
    for (const job of this.jobs.values()) {
      const at = job.runAt ?? this.now;
      if (at <= until && this.options.runJob && (!best || at < best.at)) {
        best = { at, fire: () => this.runJob(job) };
      }
    }
    return best;
  }

  private runDueJobs(): void {
    if (!this.options.runJob) return;
    const due = [...this.jobs.values()].filter((job) => (job.runAt ?? this.now) <= this.now);
    for (const job of due) if (this.jobs.get(job.activationId) === job) this.runJob(job);
  }

  private runJob(job: JobEffect): void {
    const outcome = this.options.runJob?.(job);
    if (outcome === undefined) {
      // A pending job stays until the test completes it; keep it from being picked again.
      this.jobs.set(job.activationId, { ...job, runAt: Number.POSITIVE_INFINITY });
      return;
    }
    if ("error" in outcome) {
      this.send({
        type: "jobFailed",
        activationId: job.activationId,
        error: outcome.error,
        ...(outcome.retryable === undefined ? {} : { retryable: outcome.retryable }),
      });
    } else {
      this.send({
        type: "jobCompleted",
        activationId: job.activationId,
        ...(outcome.output ? { output: outcome.output } : {}),
      });
    }
  }

  /** What the store does itself when an event it delivered was applied. */
  private settle(event: EngineEvent): void {
    if (!("activationId" in event)) return;
    const { activationId } = event;
    if (event.type === "jobCompleted" || event.type === "jobFailed") this.jobs.delete(activationId);
    if (event.type === "taskCompleted") this.tasks.delete(activationId);
    if (event.type === "messageReceived") this.subscriptions.delete(activationId);
    if (event.type === "incidentRetried") this.incidents.delete(activationId);
    if (event.type === "timerFired") {
      this.timers.delete(`${activationId}:timer`);
      this.timers.delete(`${activationId}:messageTimeout`);
    }
  }

  private perform(effect: Effect): void {
    this.effects.push(effect);
    switch (effect.type) {
      case "createJob":
        this.jobs.set(effect.activationId, effect);
        return;
      case "createTask":
        this.tasks.set(effect.activationId, effect);
        return;
      case "scheduleTimer":
        this.timers.set(`${effect.activationId}:${effect.purpose}`, effect);
        return;
      case "subscribe":
        this.subscriptions.set(effect.activationId, effect);
        return;
      case "raiseIncident":
        this.incidents.set(effect.activationId, effect);
        return;
      case "cancelWait":
        this.jobs.delete(effect.activationId);
        this.tasks.delete(effect.activationId);
        this.timers.delete(`${effect.activationId}:timer`);
        this.timers.delete(`${effect.activationId}:messageTimeout`);
        this.subscriptions.delete(effect.activationId);
        this.incidents.delete(effect.activationId);
        return;
      case "instanceEnded":
        return;
    }
  }
}
