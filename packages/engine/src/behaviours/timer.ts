// Timer: waits until a due instant computed on entry from a duration, a date-time, or a FEEL
// expression yielding either. A due instant in the past still goes through the timer store,
// which fires it at once.
import { dueAtFrom } from "../time";
import { defineBehaviour, incidentOnEntry, notWaitingFor } from "./behaviour";
import { type TimerConfig, timerConfig } from "./configs";
import type { Run } from "../run";

type DueAt = { ok: true; dueAt: number } | { ok: false; message: string };

function dueAtOf(run: Run, config: TimerConfig): DueAt {
  const text = config.mode === "expression" ? evaluateText(run, config.expression ?? "") : config[config.mode];
  if (typeof text !== "string") return { ok: false, message: text?.message ?? `no ${config.mode} given` };
  const dueAt = dueAtFrom(run.now, text);
  return dueAt === undefined
    ? { ok: false, message: `"${text}" is neither an ISO 8601 duration nor a date-time` }
    : { ok: true, dueAt };
}

function evaluateText(run: Run, expression: string): string | { message: string } {
  const result = run.evaluate(expression);
  if (!result.ok) return { message: result.error.message };
  if (typeof result.value !== "string") {
    return { message: `${expression} yielded ${JSON.stringify(result.value)}, not a duration or date-time` };
  }
  return result.value;
}

export const timer = defineBehaviour(timerConfig, {
  enter(run, token, node, config) {
    const due = dueAtOf(run, config);
    if (!due.ok) return incidentOnEntry(due.message);
    const { activationId } = token;
    run.emit({ type: "scheduleTimer", activationId, nodeId: node.id, dueAt: due.dueAt, purpose: "timer" });
    return { type: "wait", wait: { type: "timer", dueAt: due.dueAt } };
  },
  resume(run, token, node, _config, event) {
    if (event.type !== "timerFired") return notWaitingFor(event);
    run.record("timerFired", { nodeId: node.id, tokenId: token.id, activationId: token.activationId });
    return { type: "leave", via: "normal" };
  },
});
