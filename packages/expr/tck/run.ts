// Runs the DMN TCK FEEL cases through this package's public `evaluate` and records, per
// folder, which result nodes passed, failed or were skipped (and why).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluate } from "../src/index";
import { decisionSource, Unsupported } from "./compose";
import { type Model, readModel } from "./model";
import { mismatch, readValue, toInput } from "./values";
import { attr, children, readXml, type XmlNode } from "./xml";

export type Status = "passed" | "failed" | "skipped";

export interface CaseOutcome {
  testCase: string;
  decision: string;
  status: Status;
  /** Why it failed or was skipped. */
  detail?: string;
}

export interface FolderReport {
  folder: string;
  passed: number;
  failed: number;
  skipped: number;
  outcomes: CaseOutcome[];
}

/** `<repo>/../shared/fixtures/dmn-tck-feel`, or undefined when this checkout has none. */
export function locateFixtures(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  const fixtures = resolve(dir, "..", "shared", "fixtures", "dmn-tck-feel");
  return existsSync(fixtures) ? fixtures : undefined;
}

export function runTck(fixtures: string): FolderReport[] {
  const folders = readdirSync(fixtures, { withFileTypes: true })
    .filter((level) => level.isDirectory())
    .flatMap((level) =>
      readdirSync(join(fixtures, level.name), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(fixtures, level.name, entry.name)),
    );
  return folders.sort().map(runFolder);
}

function runFolder(path: string): FolderReport {
  const folder = path.split(/[\\/]/).pop() ?? path;
  const files = readdirSync(path);
  const dmn = files.find((file) => file.endsWith(".dmn"));
  const tests = files.filter((file) => /-test-\d+\.xml$/.test(file)).sort();
  const outcomes: CaseOutcome[] = [];
  if (dmn === undefined) {
    outcomes.push({ testCase: "-", decision: "-", status: "skipped", detail: "no .dmn model" });
  } else {
    const model = readModel(join(path, dmn));
    for (const file of tests) {
      const testCases = children(readXml(join(path, file)).testCases as XmlNode, "testCase");
      for (const testCase of testCases) outcomes.push(...runTestCase(model, testCase));
    }
  }
  const count = (status: Status) => outcomes.filter((o) => o.status === status).length;
  return {
    folder,
    passed: count("passed"),
    failed: count("failed"),
    skipped: count("skipped"),
    outcomes,
  };
}

function runTestCase(model: Model, testCase: XmlNode): CaseOutcome[] {
  const id = attr(testCase, "id") ?? "?";
  const variables: Record<string, unknown> = {};
  for (const input of children(testCase, "inputNode")) {
    variables[attr(input, "name") ?? ""] = toInput(readValue(input));
  }
  return children(testCase, "resultNode").map((resultNode) => {
    const name = attr(resultNode, "name") ?? "";
    const outcome = (status: Status, detail?: string): CaseOutcome => ({
      testCase: id,
      decision: name,
      status,
      ...(detail === undefined ? {} : { detail }),
    });
    const decision = model.byName.get(name);
    if (decision === undefined) return outcome("skipped", `no decision named "${name}"`);
    let source: string;
    try {
      source = decisionSource(model, decision);
    } catch (error) {
      if (error instanceof Unsupported) return outcome("skipped", error.message);
      throw error;
    }
    const result = evaluate(source, variables);
    if (attr(resultNode, "errorResult") === "true") {
      // DMN: an evaluation error yields null (with a message); either form counts
      const isError = !result.ok || result.value === null;
      return isError
        ? outcome("passed")
        : outcome("failed", `expected an error, got ${JSON.stringify(result.value)}`);
    }
    if (!result.ok) return outcome("failed", `${result.error.code} error: ${result.error.message}`);
    const expected = readValue(resultNode.expected as XmlNode | undefined);
    const problem = mismatch(expected, result.value);
    return problem === null ? outcome("passed") : outcome("failed", problem);
  });
}
