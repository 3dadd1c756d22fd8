// User task: a generic human task. On entry it evaluates the assignee (FEEL yielding a user id)
// and emits createTask; completion checks the outcome against `outcomes` (when listed), merges
// the submitted variables, writes the outcome to `outcomeVariable`, and leaves.
import { addDuration } from "@playbook/expr";
import type { Effect } from "../types";
import { defineBehaviour, incidentOnEntry, notWaitingFor } from "./behaviour";
import { userTaskConfig } from "./configs";

export const userTask = defineBehaviour(userTaskConfig, {
  enter(run, token, node, config) {
    const task: Extract<Effect, { type: "createTask" }> = {
      type: "createTask",
      activationId: token.activationId,
      nodeId: node.id,
      config,
      candidates: config.candidateUsers,
    };
    if (config.assignee !== undefined) {
      const result = run.evaluate(config.assignee);
      if (!result.ok) return incidentOnEntry(`assignee: ${result.error.message}`);
      if (typeof result.value !== "string" || result.value === "") {
        return incidentOnEntry(
          `assignee ${config.assignee} yielded ${JSON.stringify(result.value)}, not a user id`,
        );
      }
      task.assignee = result.value;
    }
    if (config.dueIn !== undefined) {
      const dueAt = addDuration(run.now, config.dueIn);
      if (dueAt === undefined)
        return incidentOnEntry(`dueIn "${config.dueIn}" is not an ISO 8601 duration`);
      task.dueAt = dueAt;
    }
    run.emit(task);
    return { type: "wait", wait: { type: "task" } };
  },
  resume(run, token, node, config, event) {
    if (event.type !== "taskCompleted") return notWaitingFor(event);
    const { outcome } = event;
    if (
      config.outcomes.length > 0 &&
      (outcome === undefined || !config.outcomes.includes(outcome))
    ) {
      return {
        type: "reject",
        message: `outcome ${JSON.stringify(outcome)} is not one of ${config.outcomes.join(", ")}`,
      };
    }
    const data: Record<string, unknown> = {};
    if (outcome !== undefined) data.outcome = outcome;
    if (event.completedBy !== undefined) data.completedBy = event.completedBy;
    run.record("taskCompleted", {
      nodeId: node.id,
      tokenId: token.id,
      activationId: token.activationId,
      data,
    });
    const changes: Record<string, unknown> = { ...event.variables };
    if (config.outcomeVariable !== undefined && outcome !== undefined)
      changes[config.outcomeVariable] = outcome;
    run.assign(changes, token);
    return { type: "leave", via: "normal" };
  },
});
