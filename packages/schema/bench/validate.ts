// How long validation of a generated 1,000-node definition takes: the editor runs it on every
// keystroke, so it must stay in the low milliseconds. Uses the test fixtures' node types and the
// fake FEEL analyzer (real FEEL parsing cost belongs to @playbook/expr's own bench).
import { validateDefinition } from "../src";
import { fakeAnalyzer } from "../test/fixtures/fake-analyzer";
import { largeDefinition } from "../test/fixtures/large-definition";
import { nodeTypes } from "../test/fixtures/node-types";

const RUNS = 50;
const WARMUP = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function measure(nodeCount: number): void {
  const definition = largeDefinition(nodeCount);
  const options = { expressions: fakeAnalyzer };
  const first = performance.now();
  const result = validateDefinition(definition, nodeTypes, options);
  const cold = performance.now() - first;
  if (!result.ok)
    throw new Error(`generated definition has problems: ${result.problems[0]?.message.en}`);
  for (let i = 0; i < WARMUP; i++) validateDefinition(definition, nodeTypes, options);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    validateDefinition(definition, nodeTypes, options);
    times.push(performance.now() - start);
  }
  console.log(
    `validateDefinition, ${definition.nodes.length} nodes / ${definition.edges?.length} edges: ` +
      `median ${median(times).toFixed(2)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(2)} ms, first run ${cold.toFixed(1)} ms)`,
  );
}

measure(1_000);
measure(10_000);
