// `pnpm --filter @playbook/expr tck [-- --update-baseline] [-- --failures]`: prints the TCK
// report, checks it against baseline.json (exit 1 on a drop), or rewrites the baseline.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Baseline, formatReport, regressions, toBaseline } from "./report";
import { locateFixtures, runTck } from "./run";

const baselinePath = fileURLToPath(new URL("./baseline.json", import.meta.url));
const args = new Set(process.argv.slice(2));

const fixtures = locateFixtures();
if (fixtures === undefined) {
  console.log(
    "DMN TCK fixtures not found at <repo>/../shared/fixtures/dmn-tck-feel: nothing to run.",
  );
  process.exit(0);
}

const folders = runTck(fixtures);
console.log(formatReport(folders, { details: args.has("--failures") }));
const current = toBaseline(folders);

if (args.has("--update-baseline")) {
  writeFileSync(baselinePath, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`\nbaseline written: ${current.passed} passed (${baselinePath})`);
} else {
  const recorded = JSON.parse(readFileSync(baselinePath, "utf8")) as Baseline;
  const dropped = regressions(current, recorded);
  if (dropped.length > 0) {
    console.log(`\nBELOW BASELINE:\n  ${dropped.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`\nat or above baseline (${recorded.passed} passed recorded)`);
}
