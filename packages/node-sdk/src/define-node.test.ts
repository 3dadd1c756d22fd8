import { NodeManifest } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { crmTagV1, crmTagV2 } from "../test/crm-tag";
import { defineNode, type NodeTypeOptions } from "./define-node";
import { NodeSdkError } from "./errors";

const base = {
  type: "acme.thing",
  version: 1,
  title: { en: "Thing", "zh-CN": "东西" },
  category: "integration",
  icon: "box",
  behaviour: "service",
  config: z.strictObject({}),
} satisfies NodeTypeOptions<z.ZodObject>;

function definitionError(run: () => unknown): NodeSdkError {
  try {
    run();
  } catch (error) {
    if (error instanceof NodeSdkError) return error;
    throw error;
  }
  throw new Error("expected defineNode to throw");
}

describe("defineNode", () => {
  it("produces a manifest the server can publish as it is", () => {
    expect(NodeManifest.parse(crmTagV1.manifest)).toEqual(crmTagV1.manifest);
    expect(crmTagV1.manifest).toMatchObject({
      type: "acme.crmTag",
      version: 1,
      title: { en: "Tag customer in CRM", "zh-CN": "更新CRM标签" },
      kind: "automatic",
      behaviour: "service",
    });
  });

  it("describes the config form as JSON Schema, with widgets and optional defaulted fields", () => {
    const schema = crmTagV1.manifest.configSchema as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(schema.properties.userId).toMatchObject({ type: "string", "x-widget": "feel" });
    expect(schema.properties.overwrite).toMatchObject({ type: "boolean", default: false });
    expect(schema.required).toEqual(["tag", "userId"]);
  });

  it("gives a service node an error port and bilingual port labels by default", () => {
    expect(crmTagV1.manifest.ports).toEqual({
      in: [{ id: "in", label: { "zh-CN": "输入", en: "In" }, multiple: true }],
      out: [
        { id: "out", label: { "zh-CN": "下一步", en: "Next" }, multiple: true },
        { id: "error", label: { "zh-CN": "出错时", en: "On error" }, multiple: true },
      ],
    });
  });

  it("picks ports from the behaviour: starts have no input, ends no output, waits a timeout", () => {
    const ports = (behaviour: NodeTypeOptions<z.ZodObject>["behaviour"]) => {
      const { manifest } = defineNode({ ...base, behaviour });
      return { in: manifest.ports.in.map((p) => p.id), out: manifest.ports.out.map((p) => p.id) };
    };
    expect(ports("start")).toEqual({ in: [], out: ["out"] });
    expect(ports("end")).toEqual({ in: ["in"], out: [] });
    expect(ports("terminateEnd")).toEqual({ in: ["in"], out: [] });
    expect(ports("messageWait")).toEqual({ in: ["in"], out: ["out", "timeout"] });
    expect(ports("exclusiveGateway")).toEqual({ in: ["in"], out: ["out"] });
  });

  it("keeps an author's own port labels and accepts custom port ids", () => {
    const { manifest } = defineNode({
      ...base,
      ports: {
        out: ["out", { id: "vip", label: { "zh-CN": "VIP客户", en: "VIP" }, multiple: false }],
      },
    });
    expect(manifest.ports.out[1]).toEqual({
      id: "vip",
      label: { "zh-CN": "VIP客户", en: "VIP" },
      multiple: false,
    });
    expect(manifest.ports.in.map((p) => p.id)).toEqual(["in"]);
  });

  it("derives how the node looks to users from its behaviour unless told", () => {
    expect(defineNode({ ...base, behaviour: "userTask" }).manifest.kind).toBe("human");
    expect(defineNode({ ...base, behaviour: "timer" }).manifest.kind).toBe("waiting");
    expect(defineNode({ ...base, kind: "waiting" }).manifest.kind).toBe("waiting");
  });

  it("fills a partial retry policy from the engine's defaults", () => {
    expect(crmTagV2.retry).toEqual({
      maxAttempts: 5,
      initialBackoffMs: 1_000,
      maxBackoffMs: 300_000,
      jitter: 0.2,
    });
    expect(crmTagV1.retry).toBeUndefined();
  });

  it("hands out a frozen manifest so no caller can change what others see", () => {
    expect(() => {
      (crmTagV1.manifest.title as { en: string }).en = "changed";
    }).toThrow(TypeError);
  });

  describe("a broken node pack fails when it loads", () => {
    it.each([
      ["a type name without an owner", { type: "crmTag" }],
      ["a title missing its Chinese text", { title: { en: "Thing" } }],
      ["version 0", { version: 0 }],
      ["an empty icon", { icon: "" }],
      ["an unknown category", { category: "crm" }],
      ["a start node with an input port", { behaviour: "start", ports: { in: ["in"] } }],
      ["an end node with an output port", { behaviour: "end", ports: { out: ["out"] } }],
      ["a port listed twice", { ports: { out: ["out", "out"] } }],
      ["a retry policy on a gateway", { behaviour: "exclusiveGateway", retry: { maxAttempts: 2 } }],
      ["a retry policy with no attempts", { retry: { maxAttempts: 0 } }],
      ["a migration to version 1", { migrations: { 1: (c: Record<string, unknown>) => c } }],
      ["a config that is not an object", { config: z.string() }],
    ])("%s", (_story, override) => {
      const error = definitionError(() =>
        defineNode({ ...base, ...(override as object) } as never),
      );
      expect(error.code).toBe("definition.invalid");
      // The message names the offending type and version so the pack author finds it.
      expect(error.message).toMatch(/^[\w.]+@\d+: /);
    });

    it("a config with no JSON Schema form (a Date) is refused with its own code", () => {
      const error = definitionError(() =>
        defineNode({ ...base, config: z.strictObject({ at: z.date() }) }),
      );
      expect(error.code).toBe("definition.configNotRepresentable");
    });
  });
});
