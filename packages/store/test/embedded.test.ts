import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createStore } from "../src/index";
import { chain, task } from "./support/definitions";
import { expectOk } from "./support/harness";
import { resolveNodeType } from "./support/node-types";

describe("embedded mode", () => {
  test("without a database URL the store keeps its data in a PGlite directory across restarts", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "playbook-pglite-"));
    try {
      const first = await createStore({ dataDir, resolveNodeType });
      expect(first.kind).toBe("pglite");
      const ws = first.workspace();
      expectOk(
        await ws.definitions.saveDraft({
          key: "sop",
          definition: chain("sop", [task("check")]) as Record<string, unknown>,
        }),
      );
      expectOk(await ws.definitions.publish("sop"));
      const { instance } = expectOk(await ws.instances.start({ definitionKey: "sop" }));
      await first.close();

      const second = await createStore({ dataDir, resolveNodeType });
      const again = expectOk(await second.workspace().instances.get(instance.id));
      expect(again).toMatchObject({ status: "running", definitionKey: "sop" });
      expect(expectOk(await second.workspace().tasks.list()).items).toHaveLength(1);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
