// FEEL evaluations per second: uncached (parse and build every call, as plain feelin does) vs a
// compiled expression evaluated again and again. Run: pnpm --filter @playbook/expr bench
import { evaluate as feelinEvaluate, unaryTest as feelinUnaryTest } from "feelin";
import { compile, type ExpressionKind } from "../src/index";

interface Case {
  name: string;
  source: string;
  kind: ExpressionKind;
  variables: Record<string, unknown>;
  input?: unknown;
}

const cases: Case[] = [
  {
    name: "condition (zh)",
    source: '金额 > 10000 and 渠道 = "抖音"',
    kind: "expression",
    variables: { 金额: 12000, 渠道: "抖音" },
  },
  {
    name: "mapping",
    source: "{折后价: 订单.金额 * (1 - 折扣) + 运费, 积分: floor(订单.金额 / 10)}",
    kind: "expression",
    variables: { 订单: { 金额: 268, 商品: ["a", "b"] }, 折扣: 0.15, 运费: 12 },
  },
  {
    // decimal arithmetic on money: short decimals take the exact double shortcut
    name: "discount",
    source: "decimal(金额 * 0.9 + 运费 * 1.06 - 优惠, 2)",
    kind: "expression",
    variables: { 金额: 9999.99, 运费: 12.5, 优惠: 3.3 },
  },
  {
    // a quotient that does not end (33.33…) is computed by decimal.js to 34 digits
    name: "division",
    source: "decimal(金额 / 3, 2)",
    kind: "expression",
    variables: { 金额: 100 },
  },
  {
    name: "unary test",
    source: "[1000..5000], > 20000",
    kind: "unaryTest",
    variables: {},
    input: 3000,
  },
];

const MIN_MS = 500;

/** Runs `fn` in batches until MIN_MS have passed; returns calls per second. */
function rate(fn: () => unknown): number {
  for (let i = 0; i < 200; i++) fn(); // warm up the JIT
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < 100; i++) fn();
    calls += 100;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}

const rows = cases.map((c) => {
  const feelinOnce = () =>
    c.kind === "expression"
      ? feelinEvaluate(c.source, c.variables)
      : feelinUnaryTest(c.source, { ...c.variables, "?": c.input });
  const uncached = () =>
    compile(c.source, c.kind, { cache: null }).evaluate(c.variables, { input: c.input });
  const compiled = compile(c.source, c.kind);
  const cachedCompile = () => compile(c.source, c.kind).evaluate(c.variables, { input: c.input });
  const precompiled = () => compiled.evaluate(c.variables, { input: c.input });
  return {
    name: c.name,
    feelin: rate(feelinOnce),
    uncached: rate(uncached),
    cached: rate(cachedCompile),
    compiled: rate(precompiled),
  };
});

const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(11);
console.log("FEEL evaluations/s (higher is better)");
console.log(
  `${"expression".padEnd(16)}${"feelin".padStart(11)}${"uncached".padStart(11)}${"cached".padStart(11)}${"compiled".padStart(11)}  speed-up`,
);
for (const r of rows) {
  const speedUp = `${(r.compiled / r.uncached).toFixed(0)}x`.padStart(9);
  console.log(
    `${r.name.padEnd(16)}${fmt(r.feelin)}${fmt(r.uncached)}${fmt(r.cached)}${fmt(r.compiled)}${speedUp}`,
  );
}
console.log(
  "\nfeelin: plain feelin evaluate/unaryTest (parse + build each call, no scoping or budget)\n" +
    "uncached: compile(source, kind, { cache: null }).evaluate(...) — parse + build + scoped, metered run\n" +
    "cached: evaluate through compile(source) with the shared LRU cache (a map lookup, then run)\n" +
    "compiled: a CompiledExpression kept by the caller, .evaluate(variables) only\n" +
    "speed-up: compiled vs uncached",
);
