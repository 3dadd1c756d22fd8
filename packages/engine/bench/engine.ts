// Pure-engine throughput on a 50-node branching definition (exclusive and parallel gateways,
// set-variables, service tasks, a loop around a service task). The bench plays the store: every
// job is completed at once, so the numbers are engine + expression cost only, no I/O.
// Prints node activations ("transitions") per second and events per second; a second run of the
// same shape without FEEL shows how much of the cost is expression evaluation.
import type { ProcessDefinition, ProcessDefinitionInput } from "@playbook/schema";
import { ProcessDefinition as DefinitionSchema } from "@playbook/schema";
import { applyEvent, type EngineContext, type InstanceState, type NodeTypeInfo } from "../src";

type NodeInput = ProcessDefinitionInput["nodes"][number];
type EdgeInput = NonNullable<ProcessDefinitionInput["edges"]>[number];

const NODE_COUNT = 50;
const BENCH_MS = 2_000;

function buildDefinition(withExpressions: boolean): ProcessDefinition {
  const nodes: NodeInput[] = [];
  const edges: EdgeInput[] = [];
  let n = 0;
  const add = (type: string, config: Record<string, unknown> = {}) => {
    const id = `n${n++}`;
    nodes.push({ id, type: `playbook.${type}`, typeVersion: 1, config });
    return id;
  };
  const link = (source: string, target: string, extra: Partial<EdgeInput> = {}) => {
    edges.push({ id: `e${edges.length}`, source, target, ...extra });
  };
  const assign = (variable: string, expression: string) =>
    withExpressions
      ? add("setVariables", { assignments: [{ variable, expression }] })
      : add("parallelGateway");
  const when = (condition: string, priority: number) =>
    withExpressions ? { condition, priority } : { priority };

  const start = add("start");
  const init = assign("折扣", 'if 渠道 = "抖音" then 0.8 else 1');
  link(start, init);

  // Three parallel branches, each an exclusive choice by amount.
  const split = add("parallelGateway");
  const join = add("parallelGateway");
  link(init, split);
  for (let b = 0; b < 3; b++) {
    const choose = add("exclusiveGateway");
    const merge = add("exclusiveGateway");
    link(split, choose);
    const bigJob = add("webhook");
    const bigSet = assign(`审批${b}`, '"director"');
    const midJob = add("webhook");
    const midSet = assign(`审批${b}`, '"manager"');
    const smallSet = assign(`审批${b}`, '"auto"');
    link(choose, bigJob, when("金额 > 10000", 1));
    link(choose, midJob, when("金额 > 3000", 2));
    link(choose, smallSet, { isDefault: true });
    link(bigJob, bigSet);
    link(midJob, midSet);
    link(bigSet, merge);
    link(midSet, merge);
    link(smallSet, merge);
    const notify = add("webhook");
    link(merge, notify);
    link(notify, join);
  }

  // A loop of three rounds around a service task.
  const loopIn = add("exclusiveGateway");
  const poll = add("webhook");
  const count = assign("轮次", "轮次 + 1");
  const check = add("exclusiveGateway");
  const loopOut = add("exclusiveGateway");
  link(join, loopIn);
  link(loopIn, poll);
  link(poll, count);
  link(count, check);
  link(check, loopOut, withExpressions ? { condition: "轮次 >= 3" } : {});
  if (withExpressions) link(check, loopIn, { isDefault: true });

  // Fan out four ways again, then a tail of mappings up to NODE_COUNT nodes.
  const fanOut = add("parallelGateway");
  const fanIn = add("parallelGateway");
  link(loopOut, fanOut);
  for (let b = 0; b < 4; b++) {
    const job = add("webhook");
    const set = assign(`结果${b}`, `金额 * ${b + 1}`);
    link(fanOut, job);
    link(job, set);
    link(set, fanIn);
  }
  let tail = fanIn;
  while (nodes.length < NODE_COUNT - 1) {
    const next = assign("步骤", `${nodes.length}`);
    link(tail, next);
    tail = next;
  }
  link(tail, add("end"));

  return DefinitionSchema.parse({
    key: "bench-flow",
    name: { en: "Bench flow", "zh-CN": "基准流程" },
    schemaVersion: 1,
    variables: [
      { name: "金额", type: "number", default: 0 },
      { name: "渠道", type: "string", default: "抖音" },
      { name: "轮次", type: "number", default: 0 },
    ],
    nodes,
    edges,
  });
}

const types: Record<string, NodeTypeInfo> = {
  "playbook.start": { behaviour: "start" },
  "playbook.end": { behaviour: "end" },
  "playbook.exclusiveGateway": { behaviour: "exclusiveGateway" },
  "playbook.parallelGateway": { behaviour: "parallelGateway" },
  "playbook.setVariables": { behaviour: "setVariables" },
  "playbook.webhook": { behaviour: "service" },
};

interface Tally {
  instances: number;
  events: number;
  transitions: number;
  ms: number;
}

function runInstance(ctx: EngineContext, instance: number, tally: Tally): void {
  const amounts = [500, 5_000, 20_000];
  let result = applyEvent(ctx, null, {
    type: "start",
    instanceId: `i${instance}`,
    definitionVersion: 1,
    variables: { 金额: amounts[instance % 3] },
  });
  tally.events++;
  let state: InstanceState | undefined;
  while (result.ok) {
    for (const entry of result.history) if (entry.type === "nodeEntered") tally.transitions++;
    state = result.state;
    const token = state.tokens.find((t) => t.wait.type === "job");
    if (state.status !== "running" || !token) break;
    result = applyEvent(ctx, state, {
      type: "jobCompleted",
      activationId: token.activationId,
      output: { ok: true },
    });
    tally.events++;
  }
  if (!result.ok || state?.status !== "completed") {
    throw new Error(
      `instance ${instance} did not complete: ${JSON.stringify(result.ok ? state?.status : result.error)}`,
    );
  }
  tally.instances++;
}

function bench(label: string, definition: ProcessDefinition): void {
  let ids = 0;
  const ctx: EngineContext = {
    definition,
    resolveNodeType: (type) => types[type],
    clock: { now: () => 1_700_000_000_000 },
    ids: { next: (kind) => `${kind}${++ids}` },
    random: { next: () => 0.5 },
  };
  const warmup: Tally = { instances: 0, events: 0, transitions: 0, ms: 0 };
  for (let i = 0; i < 20; i++) runInstance(ctx, i, warmup);

  const tally: Tally = { instances: 0, events: 0, transitions: 0, ms: 0 };
  const startedAt = performance.now();
  while (performance.now() - startedAt < BENCH_MS) runInstance(ctx, tally.instances, tally);
  tally.ms = performance.now() - startedAt;

  const perSecond = (count: number) => Math.round((count / tally.ms) * 1_000).toLocaleString("en");
  console.log(
    `${label.padEnd(28)} ${perSecond(tally.transitions).padStart(10)} transitions/s ${perSecond(tally.events).padStart(9)} events/s ${perSecond(tally.instances).padStart(7)} instances/s  (${(tally.transitions / tally.instances).toFixed(0)} transitions, ${(tally.events / tally.instances).toFixed(0)} events per instance)`,
  );
}

const withFeel = buildDefinition(true);
console.log(
  `pure engine, ${withFeel.nodes.length}-node branching definition, ${BENCH_MS / 1000}s per run`,
);
bench("with FEEL conditions/mappings", withFeel);
bench("same shape, no expressions", buildDefinition(false));
