// fast-check generators of VALID definitions: block-structured (sequences, exclusive and
// parallel split/join pairs with a default on every exclusive split, waits of every kind,
// service tasks with and without error edges, message waits with timeouts, loops that always
// contain a wait and a bounded counter, an occasional conditional terminate end).
import type { ProcessDefinition } from "@playbook/schema";
import fc from "fast-check";
import { edge, flow, node } from "./definitions";

export type Block =
  | { kind: "seq"; items: Block[] }
  | { kind: "set" }
  | { kind: "task"; outcomes: boolean }
  | { kind: "service"; errorEdge: boolean }
  | { kind: "timer"; minutes: number }
  | { kind: "message"; timeout: boolean }
  | { kind: "xor"; conditions: number[]; branches: Block[] }
  | { kind: "and"; branches: Block[] }
  | { kind: "loop"; wait: Block; body: Block; rounds: number }
  | { kind: "maybeTerminate"; below: number };

const waitBlock: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant("task" as const), outcomes: fc.boolean() }),
  fc.record({ kind: fc.constant("service" as const), errorEdge: fc.boolean() }),
  fc.record({ kind: fc.constant("timer" as const), minutes: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ kind: fc.constant("message" as const), timeout: fc.boolean() }),
);

const leafBlock: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: waitBlock },
  { weight: 2, arbitrary: fc.constant<Block>({ kind: "set" }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("maybeTerminate" as const),
      below: fc.integer({ min: 0, max: 2 }),
    }),
  },
);

export const blockArbitrary: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafBlock,
    fc.record({
      kind: fc.constant("seq" as const),
      items: fc.array(tie("block"), { maxLength: 4 }),
    }),
    fc.array(tie("block"), { minLength: 1, maxLength: 3 }).chain((branches) =>
      fc.record({
        kind: fc.constant("xor" as const),
        branches: fc.constant(branches),
        // One threshold per branch but the last, which is the default.
        conditions: fc.array(fc.integer({ min: 0, max: 9 }), {
          minLength: branches.length - 1,
          maxLength: branches.length - 1,
        }),
      }),
    ),
    fc.record({
      kind: fc.constant("and" as const),
      branches: fc.array(tie("block"), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant("loop" as const),
      wait: waitBlock,
      body: tie("block"),
      rounds: fc.integer({ min: 1, max: 3 }),
    }),
  ),
})).block;

/** Blocks that never wait: sequences, mappings and gateway pairs only. */
export const syncBlockArbitrary: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small" },
    fc.constant<Block>({ kind: "set" }),
    fc.record({
      kind: fc.constant("seq" as const),
      items: fc.array(tie("block"), { maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant("and" as const),
      branches: fc.array(tie("block"), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant("xor" as const),
      branches: fc.tuple(tie("block"), tie("block")),
      conditions: fc.tuple(fc.integer({ min: 0, max: 9 })),
    }),
  ),
})).block;

interface Compiler {
  nodes: ReturnType<typeof node>[];
  edges: ReturnType<typeof edge>[];
  counters: string[];
  next: number;
}

function add(c: Compiler, type: string, config: Record<string, unknown> = {}): string {
  const id = `n${c.next++}`;
  c.nodes.push(node(id, type, config));
  return id;
}

function connect(
  c: Compiler,
  source: string,
  target: string,
  extra: { port?: string; condition?: string; isDefault?: boolean; priority?: number } = {},
): void {
  c.edges.push(edge(source, target, { id: `e${c.next++}`, ...extra }));
}

type Span = { entry: string; exit: string } | null;

/** Compiles a block to nodes and edges; its exit node gets exactly one outgoing edge later. */
function compile(c: Compiler, block: Block): Span {
  switch (block.kind) {
    case "seq": {
      let span: Span = null;
      for (const item of block.items) {
        const next = compile(c, item);
        if (!next) continue;
        if (span) connect(c, span.exit, next.entry);
        span = span ? { entry: span.entry, exit: next.exit } : next;
      }
      return span;
    }
    case "set": {
      const id = add(c, "setVariables", {
        assignments: [{ variable: "r", expression: "modulo(r + 3, 10)" }],
      });
      return { entry: id, exit: id };
    }
    case "task": {
      const config = block.outcomes ? { outcomes: ["yes", "no"], outcomeVariable: "answer" } : {};
      const id = add(c, "userTask", config);
      return { entry: id, exit: id };
    }
    case "service": {
      const id = add(c, "webhook", { url: "https://example.com" });
      if (!block.errorEdge) return { entry: id, exit: id };
      const merge = add(c, "exclusiveGateway");
      connect(c, id, merge);
      connect(c, id, merge, { port: "error" });
      return { entry: id, exit: merge };
    }
    case "timer": {
      const id = add(c, "timer", { duration: `PT${block.minutes}M` });
      return { entry: id, exit: id };
    }
    case "message": {
      const id = add(c, "messageWait", {
        messageName: "signal",
        correlationKey: "customer",
        ...(block.timeout ? { timeout: "PT30M" } : {}),
      });
      if (!block.timeout) return { entry: id, exit: id };
      const merge = add(c, "exclusiveGateway");
      connect(c, id, merge);
      connect(c, id, merge, { port: "timeout" });
      return { entry: id, exit: merge };
    }
    case "xor":
      return splitJoin(c, "exclusiveGateway", block.branches, (i) =>
        i < block.conditions.length
          ? { condition: `r < ${block.conditions[i]}`, priority: i }
          : { isDefault: true },
      );
    case "and":
      return splitJoin(c, "parallelGateway", block.branches, () => ({}));
    case "loop": {
      const counter = `i${c.next++}`;
      c.counters.push(counter);
      const merge = add(c, "exclusiveGateway");
      const count = add(c, "setVariables", {
        assignments: [{ variable: counter, expression: `${counter} + 1` }],
      });
      const check = add(c, "exclusiveGateway");
      const exit = add(c, "exclusiveGateway");
      const wait = compile(c, block.wait);
      const body = compile(c, block.body);
      let from = merge;
      for (const span of [{ entry: count, exit: count }, wait, body]) {
        if (!span) continue;
        connect(c, from, span.entry);
        from = span.exit;
      }
      connect(c, from, check);
      connect(c, check, exit, { condition: `${counter} >= ${block.rounds}` });
      connect(c, check, merge, { isDefault: true });
      return { entry: merge, exit };
    }
    case "maybeTerminate": {
      const gateway = add(c, "exclusiveGateway");
      const stop = add(c, "terminateEnd");
      const exit = add(c, "exclusiveGateway");
      connect(c, gateway, stop, { condition: `r < ${block.below}` });
      connect(c, gateway, exit, { isDefault: true });
      return { entry: gateway, exit };
    }
  }
}

function splitJoin(
  c: Compiler,
  type: "exclusiveGateway" | "parallelGateway",
  branches: Block[],
  edgeExtra: (i: number) => { condition?: string; priority?: number; isDefault?: boolean },
): Span {
  const split = add(c, type);
  const join = add(c, type);
  branches.forEach((branch, i) => {
    const span = compile(c, branch);
    if (!span) connect(c, split, join, edgeExtra(i));
    else {
      connect(c, split, span.entry, edgeExtra(i));
      connect(c, span.exit, join);
    }
  });
  return { entry: split, exit: join };
}

export function definitionOf(block: Block): ProcessDefinition {
  const c: Compiler = { nodes: [], edges: [], counters: [], next: 0 };
  const start = add(c, "start");
  const end = add(c, "end");
  const span = compile(c, block);
  if (span) {
    connect(c, start, span.entry);
    connect(c, span.exit, end);
  } else connect(c, start, end);
  return flow({
    variables: [
      { name: "r", type: "number", default: 0 },
      { name: "customer", type: "string", default: "c-1" },
      ...c.counters.map((name) => ({ name, type: "number" as const, default: 0 })),
    ],
    nodes: c.nodes,
    edges: c.edges,
  });
}
