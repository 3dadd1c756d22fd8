import type { EngineContext } from "@playbook/engine";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { crmTagV1, crmTagV1Executor, crmTagV2 } from "../test/crm-tag";
import { defineNode } from "./define-node";
import { createNodeTypeRegistry } from "./registry";

const approval = defineNode({
  type: "acme.approval",
  version: 1,
  title: { en: "Approval", "zh-CN": "审批" },
  category: "human",
  icon: "user-check",
  behaviour: "userTask",
  config: z.strictObject({}),
});

const job = {
  variables: {},
  idempotencyKey: "inst-1:act-1",
  attempt: 1,
  instanceId: "inst-1",
  nodeId: "tag",
  signal: new AbortController().signal,
  log: { debug() {}, info() {}, warn() {}, error() {} },
};

describe("NodeTypeRegistry", () => {
  it("keeps v1 running while the palette offers v2", () => {
    const registry = createNodeTypeRegistry([crmTagV1Executor, crmTagV2, approval]);
    expect(registry.get("acme.crmTag", 1)).toBe(crmTagV1);
    expect(registry.latest("acme.crmTag")).toBe(crmTagV2);
    expect(registry.manifests({ latestOnly: true }).map((m) => `${m.type}@${m.version}`)).toEqual([
      "acme.approval@1",
      "acme.crmTag@2",
    ]);
    expect(registry.manifests().map((m) => `${m.type}@${m.version}`)).toEqual([
      "acme.approval@1",
      "acme.crmTag@1",
      "acme.crmTag@2",
    ]);
  });

  it("refuses to register the same type and version twice", () => {
    const registry = createNodeTypeRegistry([crmTagV1]);
    expect(() => registry.register(crmTagV1Executor)).toThrow(
      expect.objectContaining({
        code: "registry.duplicate",
        message: expect.stringContaining("acme.crmTag@1"),
      }),
    );
  });

  it("resolves behaviours for the engine, even when passed as a bare function", () => {
    const { resolveNodeType } = createNodeTypeRegistry([crmTagV1, crmTagV2, approval]);
    expectTypeOf(resolveNodeType).toEqualTypeOf<EngineContext["resolveNodeType"]>();
    expect(resolveNodeType("acme.approval", 1)).toEqual({ behaviour: "userTask" });
    expect(resolveNodeType("acme.crmTag", 1)).toEqual({ behaviour: "service" });
    expect(resolveNodeType("acme.crmTag", 2)).toEqual({
      behaviour: "service",
      retry: crmTagV2.retry,
    });
    expect(resolveNodeType("acme.crmTag", 3)).toBeUndefined();
    expect(resolveNodeType("acme.unknown", 1)).toBeUndefined();
  });

  it("gives workers an executor only for implemented node types", async () => {
    const registry = createNodeTypeRegistry([crmTagV1Executor, crmTagV2]);
    expect(registry.executorFor("acme.crmTag", 2)).toBeUndefined();
    expect(registry.executorFor("acme.unknown", 1)).toBeUndefined();
    const execute = registry.executorFor("acme.crmTag", 1)!;
    expect(await execute({ ...job, config: { tag: "vip", userId: "u" } })).toMatchObject({
      ok: true,
      output: { taggedWith: "vip" },
    });
    expect(await execute({ ...job, config: { tag: "" } })).toMatchObject({
      ok: false,
      error: { code: "config.invalid" },
    });
  });

  it("is an instance: two registries do not see each other's node types", () => {
    const first = createNodeTypeRegistry([crmTagV1]);
    const second = createNodeTypeRegistry();
    second.register(approval);
    expect(first.get("acme.approval", 1)).toBeUndefined();
    expect(second.get("acme.crmTag", 1)).toBeUndefined();
  });
});

describe("config migrations", () => {
  const registry = createNodeTypeRegistry([crmTagV1, crmTagV2]);

  it("upgrades a node drawn with v1 to the latest version", () => {
    const drawn = { tag: "vip", userId: "用户ID" };
    expect(registry.migrateConfig("acme.crmTag", 1, drawn)).toEqual({
      ok: true,
      version: 2,
      config: { tags: ["vip"], userId: "用户ID" },
    });
    expect(drawn).toEqual({ tag: "vip", userId: "用户ID" });
  });

  it("leaves a config already at the target version as it is, once it is valid", () => {
    const config = { tags: ["a"], userId: "u" };
    expect(registry.migrateConfig("acme.crmTag", 2, config)).toEqual({
      ok: true,
      version: 2,
      config,
    });
  });

  it("reports configs the upgrade cannot make valid", () => {
    expect(registry.migrateConfig("acme.crmTag", 1, { userId: "u" })).toMatchObject({
      ok: false,
      error: { code: "config.invalid" },
    });
  });

  it("reports a missing step, a downgrade and an unknown type as errors, not throws", () => {
    const noSteps = createNodeTypeRegistry([
      crmTagV1,
      defineNode({ ...crmTagV2.manifest, config: crmTagV2.config, migrations: {} }),
    ]);
    expect(noSteps.migrateConfig("acme.crmTag", 1, { tag: "vip" }).ok).toBe(false);
    expect(noSteps.migrateConfig("acme.crmTag", 1, { tag: "vip" })).toMatchObject({
      error: { code: "migration.missingStep" },
    });
    expect(registry.migrateConfig("acme.crmTag", 3, {}, 2)).toMatchObject({
      error: { code: "migration.downgrade" },
    });
    expect(registry.migrateConfig("acme.nope", 1, {})).toMatchObject({
      error: { code: "migration.unknownType" },
    });
  });

  it("reports a migration that throws", () => {
    const broken = defineNode({
      ...crmTagV2.manifest,
      config: crmTagV2.config,
      migrations: {
        2: () => {
          throw new Error("boom");
        },
      },
    });
    expect(createNodeTypeRegistry([broken]).migrateConfig("acme.crmTag", 1, {})).toMatchObject({
      ok: false,
      error: { code: "migration.failed", message: expect.stringContaining("boom") },
    });
  });
});
