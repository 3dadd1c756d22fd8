// The `start` event: creates the instance on the chosen start node with the declared defaults
// overlaid by the caller's variables (checking their types is the store's/API's job), then runs
// it to its first wait.
import { drain } from "./loop";
import { Run } from "./run";
import type { EngineContext, EngineEvent, EngineResult, InstanceState } from "./types";

type StartEvent = Extract<EngineEvent, { type: "start" }>;

type StartChoice = { ok: true; nodeId: string } | { ok: false; result: EngineResult };

function chooseStartNode(ctx: EngineContext, startNodeId: string | undefined): StartChoice {
  const starts = ctx.definition.nodes
    .filter((node) => ctx.resolveNodeType(node.type, node.typeVersion)?.behaviour === "start")
    .map((node) => node.id);
  if (startNodeId !== undefined) {
    if (starts.includes(startNodeId)) return { ok: true, nodeId: startNodeId };
    return reject("start.unknown", `${startNodeId} is not a start node of ${ctx.definition.key}`);
  }
  const [only, ...others] = starts;
  if (only === undefined) return reject("start.unknown", `${ctx.definition.key} has no start node`);
  if (others.length > 0) {
    return reject(
      "start.ambiguous",
      `${ctx.definition.key} has several start nodes (${starts.join(", ")}); name one`,
    );
  }
  return { ok: true, nodeId: only };
}

function reject(code: "start.unknown" | "start.ambiguous", message: string): StartChoice {
  return { ok: false, result: { ok: false, error: { code, message } } };
}

export function startInstance(ctx: EngineContext, event: StartEvent): EngineResult {
  const start = chooseStartNode(ctx, event.startNodeId);
  if (!start.ok) return start.result;

  const variables: Record<string, unknown> = {};
  for (const declared of ctx.definition.variables) {
    if (declared.default !== undefined) variables[declared.name] = declared.default;
  }
  Object.assign(variables, event.variables);

  const now = ctx.clock.now();
  const created: InstanceState = {
    id: event.instanceId,
    definitionKey: ctx.definition.key,
    definitionVersion: event.definitionVersion,
    status: "running",
    variables: {},
    tokens: [],
    startedAt: now,
    version: 0,
  };
  const run = new Run(ctx, created);
  const tokenId = run.newTokenId();
  run.record("instanceStarted", { nodeId: start.nodeId, tokenId });
  run.assign(variables);
  run.queue.push({ tokenId, nodeId: start.nodeId });
  drain(run);
  return run.result();
}
