// Message wait: subscribes to a message name + correlation key (FEEL, stringified) and rests.
// The message stores its payload in `resultVariable` and leaves by the normal edges; with a
// `timeout`, a timer runs alongside, and if it fires first the token leaves by the `timeout`
// port. Either way the other half (subscription or timer) is withdrawn with cancelWait.
import { addDuration } from "@playbook/expr";
import type { Run } from "../run";
import { defineBehaviour, incidentOnEntry, notWaitingFor } from "./behaviour";
import { messageWaitConfig } from "./configs";

type Key = { ok: true; key: string } | { ok: false; message: string };

function correlationKeyOf(run: Run, expression: string): Key {
  const result = run.evaluate(expression);
  if (!result.ok) return { ok: false, message: `correlation key: ${result.error.message}` };
  const { value } = result;
  if (value === null || value === undefined || value === "") {
    return { ok: false, message: `correlation key ${expression} is empty` };
  }
  return { ok: true, key: typeof value === "string" ? value : JSON.stringify(value) };
}

export const messageWait = defineBehaviour(messageWaitConfig, {
  enter(run, token, node, config) {
    const key = correlationKeyOf(run, config.correlationKey);
    if (!key.ok) return incidentOnEntry(key.message);
    const { activationId } = token;
    const timeoutDueAt =
      config.timeout === undefined ? undefined : addDuration(run.now, config.timeout);
    if (config.timeout !== undefined && timeoutDueAt === undefined) {
      return incidentOnEntry(`timeout "${config.timeout}" is not an ISO 8601 duration`);
    }
    run.emit({
      type: "subscribe",
      activationId,
      nodeId: node.id,
      messageName: config.messageName,
      correlationKey: key.key,
    });
    if (timeoutDueAt === undefined) {
      return {
        type: "wait",
        wait: { type: "message", name: config.messageName, correlationKey: key.key },
      };
    }
    run.emit({
      type: "scheduleTimer",
      activationId,
      nodeId: node.id,
      dueAt: timeoutDueAt,
      purpose: "messageTimeout",
    });
    return {
      type: "wait",
      wait: { type: "message", name: config.messageName, correlationKey: key.key, timeoutDueAt },
    };
  },
  resume(run, token, node, config, event) {
    const at = { nodeId: node.id, tokenId: token.id, activationId: token.activationId };
    switch (event.type) {
      case "messageReceived": {
        if (event.name !== config.messageName) {
          return {
            type: "reject",
            message: `waiting for message ${config.messageName}, not ${event.name}`,
          };
        }
        run.record("messageReceived", { ...at, data: { name: event.name } });
        if (config.resultVariable !== undefined) {
          run.assign({ [config.resultVariable]: event.payload ?? {} }, token);
        }
        run.emit({ type: "cancelWait", activationId: token.activationId });
        return { type: "leave", via: "normal" };
      }
      case "timerFired":
        run.record("timerFired", { ...at, data: { purpose: "messageTimeout" } });
        run.emit({ type: "cancelWait", activationId: token.activationId });
        return { type: "leave", via: "timeout" };
      default:
        return notWaitingFor(event);
    }
  },
});
