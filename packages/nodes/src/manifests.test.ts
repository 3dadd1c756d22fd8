import { NodeManifest, WIDGET_KEYWORD } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { builtinDefinitions, builtinManifests } from "./manifests";

/** For each built-in type: a config an ops person could write, and one the form must refuse. */
const samples: Record<
  string,
  { valid: Record<string, unknown>; invalid: Record<string, unknown> }
> = {
  "playbook.start": {
    valid: { trigger: "message", messageName: "order.paid" },
    invalid: { trigger: "cron" },
  },
  "playbook.end": { valid: {}, invalid: { reason: "done" } },
  "playbook.terminateEnd": { valid: {}, invalid: { reason: "done" } },
  "playbook.userTask": {
    valid: {
      title: "经理审批",
      assignee: "发起人.经理",
      candidateRoles: ["finance"],
      dueIn: "P3D",
      outcomes: ["approve", "reject"],
      outcomeVariable: "审批结果",
      form: [{ name: "意见", type: "string", required: true }],
    },
    invalid: { dueIn: "3 days" },
  },
  "playbook.exclusiveGateway": { valid: {}, invalid: { condition: "x" } },
  "playbook.parallelGateway": { valid: {}, invalid: { branches: 2 } },
  "playbook.timer": {
    valid: { mode: "duration", duration: "PT2H" },
    invalid: { duration: "2 hours" },
  },
  "playbook.messageWait": {
    valid: {
      messageName: "order.paid",
      correlationKey: "用户ID",
      timeout: "P7D",
      resultVariable: "订单",
    },
    invalid: { messageName: "order.paid" },
  },
  "playbook.setVariables": {
    valid: { assignments: [{ variable: "折扣价", expression: "金额 * 0.9" }] },
    invalid: { assignments: [] },
  },
  "playbook.webhook": {
    valid: {
      url: "https://crm.example.com/users/{{用户ID}}",
      headers: { Authorization: "Bearer {{token}}" },
      body: '{ tag: "vip" }',
      resultVariable: "crm结果",
    },
    invalid: { method: "FETCH", url: "https://crm.example.com" },
  },
  "playbook.imNotify": {
    valid: {
      platform: "feishu",
      webhookUrl: "https://open.feishu.cn/open-apis/bot/v2/hook/abc",
      format: "markdown",
      message: "新订单 {{订单号}}",
    },
    invalid: { platform: "slack", webhookUrl: "https://hooks.slack.com/x", message: "hi" },
  },
};

/**
 * zod 4.6's `fromJSONSchema` compiles `pattern` without the `u` flag, so a Unicode property
 * class such as the variable-name pattern `^[\p{L}_]...` matches nothing there. Those patterns
 * are taken out of the round trip and checked on their own.
 */
function setUnicodePatternsAside(schema: unknown): { schema: unknown; unicodePatterns: string[] } {
  const unicodePatterns: string[] = [];
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== "object" || node === null) return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "pattern" && typeof value === "string" && value.includes("\\p{")) {
        unicodePatterns.push(value);
      } else {
        copy[key] = strip(value);
      }
    }
    return copy;
  };
  return { schema: strip(schema), unicodePatterns };
}

describe("built-in node manifests", () => {
  it("cover exactly the built-in types the engine relies on, each at version 1", () => {
    expect(builtinManifests.map((m) => `${m.type}@${m.version}`).sort()).toEqual(
      Object.keys(samples)
        .map((type) => `${type}@1`)
        .sort(),
    );
  });

  it("name their engine behaviour after the type, and every service node has an error port", () => {
    for (const manifest of builtinManifests) {
      const behaviour = manifest.type.split(".")[1];
      if (manifest.behaviour === "service") {
        expect(manifest.ports.out.map((p) => p.id)).toContain("error");
      } else {
        expect(manifest.behaviour).toBe(behaviour);
      }
    }
  });

  it("all parse as NodeManifest, with titles and descriptions in both languages", () => {
    for (const manifest of builtinManifests) {
      expect(NodeManifest.parse(manifest)).toEqual(manifest);
      expect(manifest.description?.["zh-CN"]).toBeTruthy();
      expect(manifest.description?.en).toBeTruthy();
    }
  });

  it.each(Object.entries(samples))(
    "%s: the published JSON Schema accepts and refuses what the zod schema does",
    (type, sample) => {
      const definition = builtinDefinitions.find((d) => d.type === type)!;
      const { schema, unicodePatterns } = setUnicodePatternsAside(definition.manifest.configSchema);
      const fromJson = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema);
      const namesVariables = ["userTask", "messageWait", "setVariables", "webhook"].some((t) =>
        type.endsWith(`.${t}`),
      );
      expect(unicodePatterns.length > 0).toBe(namesVariables);
      for (const pattern of unicodePatterns) {
        // Compiled the way JSON Schema validators (AJV) do, with the u flag: Chinese names pass.
        const regex = new RegExp(pattern, "u");
        expect(regex.test("折扣价")).toBe(true);
        expect(regex.test("1折扣")).toBe(false);
      }
      expect(definition.config.safeParse(sample.valid).success).toBe(true);
      expect(fromJson.safeParse(sample.valid).success).toBe(true);
      expect(definition.config.safeParse(sample.invalid).success).toBe(false);
      expect(fromJson.safeParse(sample.invalid).success).toBe(false);
    },
  );

  it("tell the editor which widget edits each special field", () => {
    const widgetOf = (type: string, field: string) => {
      const schema = builtinManifests.find((m) => m.type === type)?.configSchema as {
        properties: Record<string, Record<string, unknown>>;
      };
      return schema.properties[field]?.[WIDGET_KEYWORD];
    };
    expect(widgetOf("playbook.messageWait", "correlationKey")).toBe("feel");
    expect(widgetOf("playbook.timer", "duration")).toBe("duration");
    expect(widgetOf("playbook.userTask", "assignee")).toBe("feel");
    expect(widgetOf("playbook.setVariables", "assignments")).toBe("mapping");
    expect(widgetOf("playbook.webhook", "body")).toBe("feel");
    expect(widgetOf("playbook.webhook", "resultVariable")).toBe("variable");
  });

  it("leave fields with defaults optional in the form", () => {
    const webhook = builtinManifests.find((m) => m.type === "playbook.webhook")?.configSchema;
    expect(webhook?.required).toEqual(["url"]);
  });
});
