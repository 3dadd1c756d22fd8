import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Baseline, regressions, toBaseline } from "../tck/report";
import { locateFixtures, runTck } from "../tck/run";

const fixtures = locateFixtures();
const baseline = JSON.parse(
  readFileSync(new URL("../tck/baseline.json", import.meta.url), "utf8"),
) as Baseline;

if (fixtures === undefined) {
  console.warn(
    "DMN TCK fixtures not found at <repo>/../shared/fixtures/dmn-tck-feel: TCK test skipped",
  );
}

describe.skipIf(fixtures === undefined)("DMN TCK FEEL conformance", () => {
  it(`passes at least the recorded baseline (${baseline.passed} cases)`, () => {
    const current = toBaseline(runTck(fixtures!));
    expect(regressions(current, baseline)).toEqual([]);
    expect(current.passed).toBeGreaterThanOrEqual(baseline.passed);
  }, 60_000);
});
