import type { NodeTypeRegistry } from "@playbook/node-sdk";
import { describe, expect, it } from "vitest";
import { startRecordingServer } from "../test/recording-server";
import { createBuiltinRegistry } from "./builtin-registry";
import { builtinManifests } from "./manifests";

describe("createBuiltinRegistry", () => {
  it("offers every built-in node type in the palette", () => {
    const registry = createBuiltinRegistry();
    expect(registry.manifests({ latestOnly: true })).toHaveLength(builtinManifests.length);
  });

  it("resolves each built-in type to the engine behaviour it names", () => {
    const { resolveNodeType } = createBuiltinRegistry();
    expect(resolveNodeType("playbook.userTask", 1)).toEqual({ behaviour: "userTask" });
    expect(resolveNodeType("playbook.exclusiveGateway", 1)).toEqual({
      behaviour: "exclusiveGateway",
    });
    expect(resolveNodeType("playbook.webhook", 1)).toEqual({ behaviour: "service" });
    expect(resolveNodeType("playbook.webhook", 2)).toBeUndefined();
  });

  it("has executors for the service nodes only", () => {
    const registry = createBuiltinRegistry();
    const withExecutor = builtinManifests
      .filter((m) => registry.executorFor(m.type, m.version) !== undefined)
      .map((m) => m.type);
    expect(withExecutor).toEqual(["playbook.webhook", "playbook.imNotify"]);
  });

  it("returns a fresh registry each time, so a test or a tenant can add packs without leaking", () => {
    const first = createBuiltinRegistry();
    const second = createBuiltinRegistry();
    expect(first).not.toBe(second);
    expect(() => first.register(second.get("playbook.start", 1)!)).toThrow(/already registered/);
  });

  it("sends HTTP under the operator's policy: public addresses only unless allowed", async () => {
    const crm = await startRecordingServer();
    try {
      const callCrm = (registry: NodeTypeRegistry) =>
        registry.executorFor("playbook.webhook", 1)!({
          config: { url: `${crm.baseUrl}/hook` },
          variables: {},
          idempotencyKey: "inst-1:act-1",
          attempt: 1,
          instanceId: "inst-1",
          nodeId: "hook",
          signal: new AbortController().signal,
          log: { debug() {}, info() {}, warn() {}, error() {} },
        });
      expect(await callCrm(createBuiltinRegistry())).toMatchObject({
        ok: false,
        error: { code: "http.addressRefused" },
      });
      expect(
        await callCrm(createBuiltinRegistry({ http: { allow: ["127.0.0.1"] } })),
      ).toMatchObject({ ok: true });
      expect(crm.requests).toHaveLength(1);
    } finally {
      await crm.close();
    }
  });
});
