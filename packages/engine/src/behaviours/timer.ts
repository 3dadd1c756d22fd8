// Timer: waits until a due instant computed on entry from a duration, a date-time, or a FEEL
// expression yielding either. A due instant in the past still goes through the timer store,
// which fires it at once.

import type { Run } from "../run";
import { dueAtFrom } from "../time";
import { defineBehaviour, incidentOnEntry, notWaitingFor } from "./behaviour";
import { type TimerConfig, timerConfig } from "./configs";

type Due = { ok: true; dueAt: number } | { ok: false; message: string };

/** The text that says when: the configured duration or date, or what the expression yields. */
function whenText(
  run: Run,
  config: TimerConfig,
): { ok: true; text: string } | { ok: false; message: string } {
  if (config.mode !== "expression") {
    const text = config[config.mode];
    return text === undefined
      ? { ok: false, message: `no ${config.mode} given` }
      : { ok: true, text };
  }
  const expression = config.expression ?? "";
  const result = run.evaluate(expression);
  if (!result.ok) return { ok: false, message: result.error.message };
  if (typeof result.value !== "string") {
    const got = JSON.stringify(result.value);
    return { ok: false, message: `${expression} yielded ${got}, not a duration or date-time` };
  }
  return { ok: true, text: result.value };
}

function dueAtOf(run: Run, config: TimerConfig): Due {
  const when = whenText(run, config);
  if (!when.ok) return when;
  const dueAt = dueAtFrom(run.now, when.text);
  return dueAt === undefined
    ? { ok: false, message: `"${when.text}" is neither an ISO 8601 duration nor a date-time` }
    : { ok: true, dueAt };
}

export const timer = defineBehaviour(timerConfig, {
  enter(run, token, node, config) {
    const due = dueAtOf(run, config);
    if (!due.ok) return incidentOnEntry(due.message);
    const { activationId } = token;
    run.emit({
      type: "scheduleTimer",
      activationId,
      nodeId: node.id,
      dueAt: due.dueAt,
      purpose: "timer",
    });
    return { type: "wait", wait: { type: "timer", dueAt: due.dueAt } };
  },
  resume(run, token, node, _config, event) {
    if (event.type !== "timerFired") return notWaitingFor(event);
    run.record("timerFired", {
      nodeId: node.id,
      tokenId: token.id,
      activationId: token.activationId,
    });
    return { type: "leave", via: "normal" };
  },
});
