// One application of one event: a working copy of the instance plus the effects and history it
// produces. Behaviours and the run loop write here; the input state is never touched, and the
// caller turns a finished Run into an EngineResult (or throws it away on a rejection).
import { type EvalResult, evaluate } from "@playbook/expr";
import type { ProcessNode } from "@playbook/schema";
import { type DefinitionIndex, indexDefinition } from "./definition-index";
import type {
  Effect,
  EngineContext,
  EngineResult,
  HistoryEntry,
  HistoryType,
  InstanceError,
  InstanceState,
  InstanceStatus,
  NodeTypeInfo,
  Token,
} from "./types";

export const DEFAULT_MAX_STEPS = 10_000;

/** A token moving along an edge towards a node it has not entered yet. */
export interface Arrival {
  tokenId: string;
  nodeId: string;
  viaEdgeId?: string;
}

/** A token being processed at a node: it has an activation but no wait yet. */
export interface ActiveToken {
  id: string;
  nodeId: string;
  activationId: string;
  viaEdgeId?: string;
}

type HistoryFields = Omit<HistoryEntry, "type" | "at">;

export class Run {
  readonly index: DefinitionIndex;
  readonly now: number;
  readonly maxSteps: number;
  variables: Record<string, unknown>;
  /** Tokens at rest; every one has a wait. */
  tokens: Token[];
  status: InstanceStatus;
  error: InstanceError | undefined;
  endedAt: number | undefined;
  readonly effects: Effect[] = [];
  readonly history: HistoryEntry[] = [];
  /** Tokens in flight, processed first in, first out. */
  readonly queue: Arrival[] = [];
  steps = 0;
  /** Activations created by this event: nothing outside knows them yet. */
  private readonly newActivations = new Set<string>();
  private readonly nodeTypes = new Map<string, NodeTypeInfo | undefined>();

  constructor(
    readonly ctx: EngineContext,
    private readonly base: InstanceState,
  ) {
    this.index = indexDefinition(ctx.definition);
    this.now = ctx.clock.now();
    this.maxSteps = ctx.maxSteps ?? DEFAULT_MAX_STEPS;
    this.variables = { ...base.variables };
    this.tokens = [...base.tokens];
    this.status = base.status;
    this.error = base.error;
    this.endedAt = base.endedAt;
  }

  get instanceId(): string {
    return this.base.id;
  }

  record(type: HistoryType, fields: HistoryFields = {}): void {
    this.history.push({ type, at: this.now, ...fields });
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  newTokenId(): string {
    return this.ctx.ids.next("token");
  }

  newActivationId(): string {
    const id = this.ctx.ids.next("activation");
    this.newActivations.add(id);
    return id;
  }

  newIncidentId(): string {
    return this.ctx.ids.next("incident");
  }

  typeOf(node: ProcessNode): NodeTypeInfo | undefined {
    const key = `${node.type}@${node.typeVersion}`;
    if (!this.nodeTypes.has(key)) {
      this.nodeTypes.set(key, this.ctx.resolveNodeType(node.type, node.typeVersion));
    }
    return this.nodeTypes.get(key);
  }

  /** Evaluates FEEL against the instance variables (or a given scope). */
  evaluate(source: string, scope: Record<string, unknown> = this.variables): EvalResult {
    // `now` is pinned to the event's clock so FEEL `now()`/`today()` replay identically.
    return evaluate(source, scope, { now: this.now, types: this.index.variableTypes });
  }

  /** Writes variables and records what changed, attributed to the token's activation if any. */
  assign(changes: Record<string, unknown>, token?: ActiveToken): void {
    if (Object.keys(changes).length === 0) return;
    this.variables = { ...this.variables, ...changes };
    const data = { variables: changes };
    this.record(
      "variablesChanged",
      token
        ? { nodeId: token.nodeId, tokenId: token.id, activationId: token.activationId, data }
        : { data },
    );
  }

  rest(token: Token): void {
    this.tokens.push(token);
  }

  removeResting(tokenId: string): void {
    this.tokens = this.tokens.filter((token) => token.id !== tokenId);
  }

  /**
   * Withdraws whatever a resting token waits on. Effects this same event emitted for the
   * activation are dropped (they were never committed); anything older is cancelled by effect.
   */
  withdraw(token: Token): void {
    const { activationId } = token;
    const before = this.effects.length;
    const kept = this.effects.filter(
      (e) => !("activationId" in e) || e.activationId !== activationId,
    );
    if (kept.length !== before) this.effects.splice(0, before, ...kept);
    if (token.wait.type !== "join" && !this.newActivations.has(activationId)) {
      this.emit({ type: "cancelWait", activationId });
    }
  }

  result(): EngineResult {
    const state: InstanceState = {
      id: this.base.id,
      definitionKey: this.base.definitionKey,
      definitionVersion: this.base.definitionVersion,
      status: this.status,
      variables: this.variables,
      tokens: this.tokens,
      startedAt: this.base.startedAt,
      version: this.base.version + 1,
    };
    if (this.endedAt !== undefined) state.endedAt = this.endedAt;
    if (this.error !== undefined) state.error = this.error;
    return { ok: true, state, effects: this.effects, history: this.history };
  }
}
