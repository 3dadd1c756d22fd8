// Events addressed to one activation (job/task/timer/message results, incident retries): find
// the resting token, check it waits for this kind of event, and let its node's behaviour decide.
// Anything else (a stale timer, a duplicate completion) is rejected with the state untouched —
// stores rely on that to settle races.
import type { ProcessNode } from "@playbook/schema";
import type { ResumeEvent } from "./behaviours/behaviour";
import { behaviourOf } from "./behaviours/registry";
import { applyStep, drain, runEntry } from "./loop";
import { Run } from "./run";
import type {
  EngineContext,
  EngineEvent,
  EngineResult,
  InstanceState,
  Token,
  TokenWait,
} from "./types";

type ActivationEvent = Extract<EngineEvent, { activationId: string }>;

function waitsFor(wait: TokenWait, event: ActivationEvent): boolean {
  switch (event.type) {
    case "jobCompleted":
    case "jobFailed":
      return wait.type === "job";
    case "taskCompleted":
      return wait.type === "task";
    case "timerFired":
      return wait.type === "timer" || (wait.type === "message" && wait.timeoutDueAt !== undefined);
    case "messageReceived":
      return wait.type === "message";
    case "incidentRetried":
      return wait.type === "incident";
  }
}

export function notApplicable(message: string): EngineResult {
  return { ok: false, error: { code: "event.notApplicable", message } };
}

export function resumeActivation(
  ctx: EngineContext,
  state: InstanceState,
  event: ActivationEvent,
): EngineResult {
  const token = state.tokens.find((t) => t.activationId === event.activationId);
  if (!token)
    return notApplicable(`no token of instance ${state.id} is at activation ${event.activationId}`);
  if (!waitsFor(token.wait, event)) {
    return notApplicable(
      `activation ${event.activationId} waits on a ${token.wait.type}, not for ${event.type}`,
    );
  }
  const run = new Run(ctx, state);
  const node = run.index.node(token.nodeId);
  if (!node) return notApplicable(`node ${token.nodeId} is not in the definition`);
  run.removeResting(token.id);
  if (event.type === "incidentRetried") retryIncident(run, token, node);
  else {
    const rejection = resumeNode(run, token, node, event);
    if (rejection) return notApplicable(rejection);
  }
  drain(run);
  return run.result();
}

/** Returns a rejection message, or undefined once the token has moved on. */
function resumeNode(
  run: Run,
  token: Token,
  node: ProcessNode,
  event: ResumeEvent,
): string | undefined {
  const info = run.typeOf(node);
  if (!info)
    return `node ${node.id} has type ${node.type} v${node.typeVersion}, which is not registered`;
  const step = behaviourOf(info.behaviour).resume(run, token, node, event);
  if (step.type === "reject") return step.message;
  applyStep(run, token, node, step);
  return undefined;
}

function retryIncident(run: Run, token: Token, node: ProcessNode): void {
  if (token.wait.type !== "incident") return;
  const { incidentId } = token.wait;
  const resume = token.wait.resume ?? { step: "enter" };
  run.record("incidentRetried", {
    nodeId: node.id,
    tokenId: token.id,
    activationId: token.activationId,
    data: { incidentId },
  });
  if (resume.step === "leave") applyStep(run, token, node, { type: "leave", via: resume.via });
  else
    runEntry(
      run,
      token,
      node,
      resume.lastAttempt === undefined ? {} : { lastAttempt: resume.lastAttempt },
    );
}
