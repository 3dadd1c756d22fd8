// The engine's single entry point: applies one event to one instance and returns the new state
// with the effects the store must perform and the history it must append — or a rejection
// with the input state untouched.
import { endInstance } from "./lifecycle";
import { notApplicable, resumeActivation } from "./resume";
import { Run } from "./run";
import { startInstance } from "./start";
import type { EngineContext, EngineEvent, EngineResult, InstanceState } from "./types";

export function applyEvent(
  ctx: EngineContext,
  state: InstanceState | null,
  event: EngineEvent,
): EngineResult {
  if (event.type === "start") {
    return state === null
      ? startInstance(ctx, event)
      : notApplicable(`instance ${state.id} has already started`);
  }
  if (state === null)
    return notApplicable(`${event.type} needs an instance; only start creates one`);
  if (state.status !== "running") {
    return {
      ok: false,
      error: { code: "instance.notRunning", message: `instance ${state.id} is ${state.status}` },
    };
  }
  if (event.type === "cancel") {
    const run = new Run(ctx, state);
    endInstance(
      run,
      "cancelled",
      event.reason === undefined ? {} : { data: { reason: event.reason } },
    );
    return run.result();
  }
  return resumeActivation(ctx, state, event);
}
