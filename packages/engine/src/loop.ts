// The run loop: moves tokens through synchronous nodes until every token waits or the instance
// ends. Each node a token enters is one step; more than `maxSteps` steps in one event means the
// definition loops without waiting, and the instance fails instead of spinning forever.
import { assertNever, type ProcessEdge, type ProcessNode } from "@playbook/schema";
import type { EntryContext, Step } from "./behaviours/behaviour";
import { behaviourOf } from "./behaviours/registry";
import { chooseConditionalFlow } from "./edges";
import { endInstance, failInstance } from "./lifecycle";
import type { ActiveToken, Arrival, Run } from "./run";

/** Processes queued arrivals until all tokens rest; completes the instance when none is left. */
export function drain(run: Run): void {
  let head = 0;
  while (run.status === "running" && head < run.queue.length) {
    const arrival = run.queue[head++]!;
    run.steps += 1;
    if (run.steps > run.maxSteps) {
      failInstance(run, {
        code: "loop.noWait",
        message: `more than ${run.maxSteps} steps without a wait; the loop passes node ${arrival.nodeId}`,
        nodeId: arrival.nodeId,
      });
      break;
    }
    enterNode(run, arrival);
  }
  run.queue.length = 0;
  if (run.status === "running" && run.tokens.length === 0) endInstance(run, "completed");
}

function enterNode(run: Run, arrival: Arrival): void {
  const node = run.index.node(arrival.nodeId);
  if (!node) {
    failInstance(run, {
      code: "node.unknown",
      message: `an edge leads to node ${arrival.nodeId}, which the definition does not have`,
    });
    return;
  }
  const token: ActiveToken = {
    id: arrival.tokenId,
    nodeId: node.id,
    activationId: run.newActivationId(),
  };
  if (arrival.viaEdgeId !== undefined) token.viaEdgeId = arrival.viaEdgeId;
  run.record("nodeEntered", {
    nodeId: node.id,
    tokenId: token.id,
    activationId: token.activationId,
  });
  runEntry(run, token, node, {});
}

/** Runs a node's entry (also used when an incident retry re-runs it). */
export function runEntry(
  run: Run,
  token: ActiveToken,
  node: ProcessNode,
  entry: EntryContext,
): void {
  const info = run.typeOf(node);
  if (!info) {
    applyStep(run, token, node, {
      type: "fail",
      code: "node.unknownType",
      message: `node ${node.id} has type ${node.type} v${node.typeVersion}, which is not registered`,
    });
    return;
  }
  applyStep(run, token, node, behaviourOf(info.behaviour).enter(run, token, node, entry));
}

export function applyStep(run: Run, token: ActiveToken, node: ProcessNode, step: Step): void {
  switch (step.type) {
    case "wait":
      run.rest({ ...activeFields(token), wait: step.wait });
      return;
    case "leave": {
      const choice = chooseConditionalFlow(run, run.index.outgoing(node.id, step.via));
      if (choice.ok) takeEdges(run, token, choice.edges);
      else {
        applyStep(run, token, node, {
          type: "incident",
          message: choice.message,
          resume: { step: "leave", via: step.via },
        });
      }
      return;
    }
    case "take":
      for (const merged of step.merged ?? []) {
        run.removeResting(merged.id);
        leftNode(run, merged, "merged");
      }
      takeEdges(run, token, step.edges);
      return;
    case "end":
      leftNode(run, token, "end");
      return;
    case "terminate":
      leftNode(run, token, "end");
      endInstance(run, "terminated", { nodeId: node.id });
      return;
    case "incident": {
      const incidentId = run.newIncidentId();
      const message = `node ${node.id}: ${step.message}`;
      run.emit({
        type: "raiseIncident",
        incidentId,
        activationId: token.activationId,
        nodeId: node.id,
        message,
      });
      run.record("incidentRaised", {
        nodeId: node.id,
        tokenId: token.id,
        activationId: token.activationId,
        data: { incidentId, message },
      });
      run.rest({
        ...activeFields(token),
        wait: { type: "incident", incidentId, message, resume: step.resume },
      });
      return;
    }
    case "fail":
      leftNode(run, token, "cancelled");
      failInstance(run, { code: step.code, message: step.message, nodeId: node.id });
      return;
    default:
      assertNever(step);
  }
}

/** Leaves by `edges`: the token continues on the first, a new token is born for each other. */
function takeEdges(run: Run, token: ActiveToken, edges: readonly ProcessEdge[]): void {
  if (edges.length === 0) {
    // No outgoing edge: BPMN's implicit end consumes the token.
    leftNode(run, token, "implicitEnd");
    return;
  }
  leftNode(run, token);
  edges.forEach((edge, i) => {
    const tokenId = i === 0 ? token.id : run.newTokenId();
    run.record("edgeTaken", { nodeId: edge.source, edgeId: edge.id, tokenId });
    run.queue.push({ tokenId, nodeId: edge.target, viaEdgeId: edge.id });
  });
}

/** `reason` is set when the token stops existing here. */
function leftNode(
  run: Run,
  token: ActiveToken,
  reason?: "end" | "implicitEnd" | "merged" | "cancelled",
): void {
  run.record("nodeLeft", {
    nodeId: token.nodeId,
    tokenId: token.id,
    activationId: token.activationId,
    ...(reason ? { data: { reason } } : {}),
  });
}

function activeFields(token: ActiveToken): ActiveToken {
  const fields: ActiveToken = {
    id: token.id,
    nodeId: token.nodeId,
    activationId: token.activationId,
  };
  if (token.viaEdgeId !== undefined) fields.viaEdgeId = token.viaEdgeId;
  return fields;
}
