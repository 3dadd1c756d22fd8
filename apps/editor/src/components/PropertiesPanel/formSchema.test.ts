import { builtinManifests } from "@playbook/nodes/manifests";
import type { NodeManifest, Problem } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import type { MessageTree } from "../defineMessages";
import {
  buildUiSchema,
  chooseInput,
  type FieldTexts,
  formSchema,
  hiddenByMode,
  humanize,
  problemsToErrorSchema,
} from "./formSchema";
import { propertiesMessages } from "./messages";

function manifest(type: string): NodeManifest {
  const found = builtinManifests.find((m) => m.type === type);
  if (!found) throw new Error(type);
  return found;
}

function property(type: string, name: string): Record<string, unknown> {
  const properties = manifest(type).configSchema.properties as Record<
    string,
    Record<string, unknown>
  >;
  return properties[name] ?? {};
}

function texts(locale: "zh-CN" | "en", nodeType: string): FieldTexts {
  const table: MessageTree = propertiesMessages[locale];
  return {
    locale,
    nodeType,
    lookup: (key) => {
      let node: string | MessageTree | undefined = table;
      for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
      return typeof node === "string" ? node : undefined;
    },
  };
}

describe("choosing the input of a config field", () => {
  it("follows the x-widget hint of the built-in node types", () => {
    expect(chooseInput(property("playbook.userTask", "assignee"), "assignee")).toEqual({
      widget: "feel",
    });
    expect(chooseInput(property("playbook.timer", "duration"), "duration")).toEqual({
      widget: "duration",
    });
    expect(chooseInput(property("playbook.timer", "date"), "date")).toEqual({ widget: "datetime" });
    expect(chooseInput(property("playbook.setVariables", "assignments"), "assignments")).toEqual({
      widget: "mapping",
    });
    expect(chooseInput(property("playbook.webhook", "resultVariable"), "resultVariable")).toEqual({
      widget: "variable",
    });
  });

  it("gives lists of users and roles the people picker", () => {
    expect(chooseInput(property("playbook.userTask", "candidateUsers"), "candidateUsers")).toEqual({
      widget: "userList",
    });
    expect(chooseInput(property("playbook.userTask", "candidateRoles"), "candidateRoles")).toEqual({
      widget: "roleList",
    });
  });

  it("picks by shape when there is no hint", () => {
    expect(chooseInput(property("playbook.userTask", "outcomes"), "outcomes")).toEqual({
      widget: "tags",
    });
    expect(chooseInput(property("playbook.imNotify", "platform"), "platform")).toEqual({
      widget: "radio",
    });
    expect(chooseInput(property("playbook.webhook", "method"), "method")).toBeUndefined();
    const form = property("playbook.userTask", "form").items as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(chooseInput(form.properties.label ?? {}, "label")).toEqual({ field: "localizedText" });
    expect(chooseInput({ type: "string" }, "note")).toEqual({ widget: "textarea" });
    expect(chooseInput({ type: "string" }, "code")).toBeUndefined();
  });

  it("gives text settings with {{ }} placeholders the template input", () => {
    expect(chooseInput(property("playbook.imNotify", "message"), "message")).toEqual({
      widget: "template",
    });
    expect(chooseInput(property("playbook.webhook", "url"), "url")).toEqual({
      widget: "template",
    });
  });
});

describe("a third-party node type with no editor change", () => {
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: {
      crmSegment: { type: "string", "x-title": { "zh-CN": "客户分群", en: "CRM segment" } },
      couponDays: { type: "string", "x-widget": "duration" },
      vipOnly: { type: "boolean", title: "VIP only" },
    },
  };

  it("uses the author's bilingual titles, then JSON Schema titles, then the key", () => {
    const ui = buildUiSchema(schema, {}, texts("zh-CN", "acme.coupon"));
    expect(ui.crmSegment?.["ui:title"]).toBe("客户分群");
    expect(ui.vipOnly?.["ui:title"]).toBe("VIP only");
    expect(ui.couponDays?.["ui:title"]).toBe("Coupon days");
    expect(ui.couponDays?.["ui:widget"]).toBe("duration");
  });

  it("hands rjsf the schema without $schema and never renders a submit button", () => {
    expect(formSchema(schema)).not.toHaveProperty("$schema");
    expect(buildUiSchema(schema, {}, texts("en", "acme.coupon"))["ui:submitButtonOptions"]).toEqual(
      {
        norender: true,
      },
    );
  });
});

describe("localized field texts of the built-in types", () => {
  it("names fields in the reader's language, per node type where they differ", () => {
    const zh = buildUiSchema(
      manifest("playbook.userTask").configSchema,
      {},
      texts("zh-CN", "playbook.userTask"),
    );
    expect(zh.title?.["ui:title"]).toBe("任务标题");
    expect(zh.assignee?.["ui:title"]).toBe("处理人");
    const en = buildUiSchema(
      manifest("playbook.imNotify").configSchema,
      {},
      texts("en", "playbook.imNotify"),
    );
    expect(en.title?.["ui:title"]).toBe("Title");
    expect(en.platform?.["ui:enumNames"]).toEqual({
      dingtalk: "DingTalk",
      wecom: "WeCom",
      feishu: "Feishu",
    });
  });

  it("names the options of form field types in Chinese", () => {
    const zh = buildUiSchema(
      manifest("playbook.userTask").configSchema,
      {},
      texts("zh-CN", "playbook.userTask"),
    );
    expect(zh.form?.items?.type?.["ui:enumNames"]).toMatchObject({ string: "文本", money: "金额" });
  });

  it("humanizes unknown keys", () => {
    expect(humanize("candidateUsers")).toBe("Candidate users");
    expect(humanize("timeout_seconds")).toBe("Timeout seconds");
  });
});

describe("the timer's mode switch", () => {
  const timer = manifest("playbook.timer").configSchema;

  it("shows only the field the mode picks", () => {
    expect(hiddenByMode(timer, { mode: "date" })).toEqual(new Set(["duration", "expression"]));
    const ui = buildUiSchema(timer, { mode: "expression" }, texts("zh-CN", "playbook.timer"));
    expect(ui.expression?.["ui:widget"]).toBe("feel");
    expect(ui.duration?.["ui:widget"]).toBe("hidden");
  });

  it("uses the mode's default when none is chosen yet", () => {
    expect(hiddenByMode(timer, {})).toEqual(new Set(["date", "expression"]));
  });

  it("leaves ordinary enums alone", () => {
    expect(hiddenByMode(manifest("playbook.imNotify").configSchema, { platform: "wecom" })).toEqual(
      new Set(),
    );
  });
});

describe("validator problems on form fields", () => {
  const message = { "zh-CN": "缺少请求地址", en: "URL is missing" };
  const problems: Problem[] = [
    { code: "node.config", severity: "error", message, nodeId: "n", field: "config.url" },
    {
      code: "expression.syntax",
      severity: "error",
      message: { "zh-CN": "语法错误", en: "Syntax error" },
      nodeId: "n",
      field: "config.assignments.1.expression",
    },
    { code: "node.unreachable", severity: "error", message, nodeId: "n" },
  ];

  it("puts each message under its field, in the reader's language", () => {
    expect(problemsToErrorSchema(problems, "zh-CN")).toEqual({
      url: { __errors: ["缺少请求地址"] },
      assignments: { 1: { expression: { __errors: ["语法错误"] } } },
    });
    expect(problemsToErrorSchema(problems, "en")).toMatchObject({
      url: { __errors: ["URL is missing"] },
    });
  });
});

describe("lists of objects", () => {
  it("do not title each item with a generated name like form-1", () => {
    const ui = buildUiSchema(
      manifest("playbook.userTask").configSchema,
      {},
      texts("en", "playbook.userTask"),
    );
    expect(ui.form?.items?.["ui:label"]).toBe(false);
  });
});
