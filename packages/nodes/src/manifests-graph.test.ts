// The editor imports "@playbook/nodes/manifests"; executor code must never be in that module
// graph. This follows the real import statements of this package's files from manifests.ts.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = dirname(fileURLToPath(import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g;

interface ModuleGraph {
  /** Files of this package, relative to src. */
  files: Set<string>;
  /** Bare specifiers (other packages) imported along the way. */
  packages: Set<string>;
}

function importGraph(entry: string): ModuleGraph {
  const graph: ModuleGraph = { files: new Set(), packages: new Set() };
  const visit = (file: string) => {
    const name = relative(SRC, file);
    if (graph.files.has(name)) return;
    graph.files.add(name);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      if (specifier === undefined) continue;
      if (!specifier.startsWith(".")) {
        graph.packages.add(specifier);
        continue;
      }
      const base = resolve(dirname(file), specifier);
      const target = [`${base}.ts`, join(base, "index.ts")].find(existsSync);
      if (target === undefined) throw new Error(`${name}: cannot resolve ${specifier}`);
      visit(target);
    }
  };
  visit(join(SRC, entry));
  return graph;
}

const isExecutorCode = (file: string) =>
  /(^|\/)executor\.ts$/.test(file) || file.startsWith("runtime/");

describe("the manifests entry point", () => {
  it("reaches every node definition but no executor and no runtime helper", () => {
    const { files } = importGraph("manifests.ts");
    expect(files).toContain("webhook/definition.ts");
    expect(files).toContain("im-notify/definition.ts");
    expect(files).toContain("engine-nodes/user-task.ts");
    expect([...files].filter(isExecutorCode)).toEqual([]);
  });

  it("does not pull in the expression evaluator or the HTTP libraries executors use", () => {
    const { packages } = importGraph("manifests.ts");
    expect(packages).not.toContain("@playbook/expr");
    expect(packages).not.toContain("undici");
    expect(packages).not.toContain("ipaddr.js");
    expect([...packages].filter((name) => name.startsWith("node:"))).toEqual([]);
  });

  it("is exported as its own subpath, apart from the executors", () => {
    const manifest = JSON.parse(readFileSync(join(SRC, "..", "package.json"), "utf8"));
    expect(manifest.exports).toEqual({
      ".": "./src/index.ts",
      "./manifests": "./src/manifests.ts",
    });
  });

  it("(the check itself works: the full entry point does reach the executors)", () => {
    const { files, packages } = importGraph("index.ts");
    expect([...files].filter(isExecutorCode).sort()).toEqual([
      "im-notify/executor.ts",
      "runtime/address-policy.ts",
      "runtime/feel.ts",
      "runtime/guarded-agent.ts",
      "runtime/http-client.ts",
      "runtime/http.ts",
      "runtime/limited-body.ts",
      "webhook/executor.ts",
    ]);
    expect(packages).toContain("@playbook/expr");
    expect(packages).toContain("undici");
  });
});
