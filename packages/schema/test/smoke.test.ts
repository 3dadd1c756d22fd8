import { test } from "vitest";
import { validate } from "./fixtures/builders";
import { contentSop } from "./fixtures/content-sop";
import { largeDefinition } from "./fixtures/large-definition";
test("smoke", () => {
  console.log(JSON.stringify(validate(contentSop).problems, null, 1));
  const big = largeDefinition();
  for (let i = 0; i < 5; i++) { const t = performance.now(); validate(big); console.log(performance.now() - t); }
  const big2 = largeDefinition(10000);
  const t = performance.now(); const r = validate(big2); console.log("10k", performance.now() - t, r.problems.length);
});
