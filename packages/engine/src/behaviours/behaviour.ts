// The shape every node behaviour has: what happens when a token enters the node, and how an
// event addressed to a token resting there resumes it. Behaviours decide; the run loop acts
// (moves tokens, raises incidents, ends the instance), so every behaviour stays a few lines.
import type { ProcessEdge, ProcessNode } from "@playbook/schema";
import type { z } from "zod";
import type { ActiveToken, Run } from "../run";
import type { EngineEvent, IncidentResume, PortGroup, Token, TokenWait } from "../types";

/** What a token does next at a node. */
export type Step =
  /** Rest until an event resumes it. */
  | { type: "wait"; wait: TokenWait }
  /** Leave by the edges of a port group, chosen by the conditional-flow rule (see edges.ts). */
  | { type: "leave"; via: PortGroup }
  /** Leave by exactly these edges; `merged` tokens (a join's other arrivals) are consumed. */
  | { type: "take"; edges: readonly ProcessEdge[]; merged?: readonly Token[] }
  /** Consumed here (an end node). */
  | { type: "end" }
  /** Consumed here, and every other token of the instance with it. */
  | { type: "terminate" }
  /** Stop on an incident an operator can retry. */
  | { type: "incident"; message: string; resume: IncidentResume }
  /** The definition cannot run here at all; fails the instance. */
  | { type: "fail"; code: string; message: string };

/** An event addressed to one activation, other than an incident retry (handled generically). */
export type ResumeEvent = Exclude<
  Extract<EngineEvent, { activationId: string }>,
  { type: "incidentRetried" }
>;

export type Resumption = Step | { type: "reject"; message: string };

/** Context of an entry: set when an incident retry re-runs the node. */
export interface EntryContext {
  lastAttempt?: number;
}

export interface NodeBehaviour {
  enter(run: Run, token: ActiveToken, node: ProcessNode, entry: EntryContext): Step;
  resume(run: Run, token: Token, node: ProcessNode, event: ResumeEvent): Resumption;
}

interface BehaviourSpec<C> {
  enter(run: Run, token: ActiveToken, node: ProcessNode, config: C, entry: EntryContext): Step;
  resume?(run: Run, token: Token, node: ProcessNode, config: C, event: ResumeEvent): Resumption;
}

/**
 * Builds a behaviour whose config is parsed (once per node) with `schema`; a config that does
 * not parse fails the instance, since no retry can fix a published definition.
 */
export function defineBehaviour<S extends z.ZodType>(
  schema: S,
  spec: BehaviourSpec<z.output<S>>,
): NodeBehaviour {
  const configOf = (run: Run, node: ProcessNode) => run.index.config(node, schema);
  return {
    enter(run, token, node, entry) {
      const config = configOf(run, node);
      if (!config.ok) return invalidConfig(node, config.message);
      return spec.enter(run, token, node, config.value as z.output<S>, entry);
    },
    resume(run, token, node, event) {
      const config = configOf(run, node);
      if (!config.ok) return invalidConfig(node, config.message);
      if (!spec.resume) return notWaitingFor(event);
      return spec.resume(run, token, node, config.value as z.output<S>, event);
    },
  };
}

export function notWaitingFor(event: ResumeEvent): Resumption {
  return { type: "reject", message: `the activation does not wait for ${event.type}` };
}

export function incidentOnEntry(message: string): Step {
  return { type: "incident", message, resume: { step: "enter" } };
}

function invalidConfig(node: ProcessNode, message: string): Step {
  return { type: "fail", code: "node.invalidConfig", message: `node ${node.id}: ${message}` };
}
