import type { NodeManifest, ProcessNode, VariableDeclaration } from "@playbook/schema";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo, useState } from "react";
import { useValidation } from "../../validation/useValidation";
import {
  type ConfigurableType,
  definitionAround,
  manifestOf,
  manifests,
  nodes,
  variables,
} from "../storyFixtures";
import { PropertiesPanel } from "./PropertiesPanel";

/** The panel wired like the app: edits apply at once and the validator runs on the result. */
function LivePanel({
  initial,
  manifest,
  declared = variables,
  catalogue = manifests,
}: {
  initial: ProcessNode;
  manifest: NodeManifest | undefined;
  declared?: VariableDeclaration[];
  catalogue?: readonly NodeManifest[];
}) {
  const [node, setNode] = useState(initial);
  const definition = useMemo(
    () => definitionAround(node, declared, manifest),
    [node, declared, manifest],
  );
  const validation = useValidation(definition, catalogue);
  return (
    <div style={{ width: 380 }}>
      <PropertiesPanel
        node={node}
        manifest={manifest}
        variables={declared}
        problems={validation.byNode.get(node.id) ?? []}
        onChange={(patch) => setNode((current) => ({ ...current, ...patch }))}
      />
    </div>
  );
}

const meta = {
  title: "Panels/PropertiesPanel",
  component: LivePanel,
  parameters: { layout: "padded" },
} satisfies Meta<typeof LivePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

function builtin(type: ConfigurableType, config?: Record<string, unknown>): Story {
  const node: ProcessNode = config ? { ...nodes[type], config } : nodes[type];
  return { args: { initial: node, manifest: manifestOf(type) } };
}

/** 人工任务: FEEL assignee, user and role pickers, duration, outcomes, form fields. */
export const UserTask = builtin("userTask");

/** 定时等待: the mode switch shows only the chosen field (duration here). */
export const Timer = builtin("timer");

export const TimerUntilDate = builtin("timer", { mode: "date", date: "2025-06-18T09:00:00+08:00" });

export const TimerRawDuration = builtin("timer", { mode: "duration", duration: "P1M" });

/** 等待事件: FEEL correlation key, timeout duration, result variable. */
export const MessageWait = builtin("messageWait");

/** 设置变量: the mapping editor (variable := FEEL rows). */
export const SetVariables = builtin("setVariables");

/** 调用接口: method, URL, headers, FEEL body, number, result variable. */
export const Webhook = builtin("webhook");

/** 群机器人通知: radio options, textarea, tags. */
export const ImNotify = builtin("imNotify");

/** A new node with nothing filled in yet: required fields are flagged by the validator. */
export const ImNotifyEmpty = builtin("imNotify", {});

/** Problems shown on their fields: an empty URL, a FEEL syntax error, an undeclared variable. */
export const WithProblems = builtin("webhook", {
  method: "POST",
  url: "",
  body: "{ customer: 客户, amount: 金额 * }",
  resultVariable: "响应",
});

export const MappingWithProblems = builtin("setVariables", {
  assignments: [
    { variable: "折扣", expression: "金额 >" },
    { variable: "积分", expression: "金额 / 10" },
  ],
});

const coupon: NodeManifest = {
  type: "acme.coupon",
  version: 1,
  title: { "zh-CN": "发优惠券", en: "Send coupon" },
  description: {
    "zh-CN": "第三方节点示例：编辑器无需改动即可生成表单",
    en: "A third-party node: the form is generated with no editor change",
  },
  category: "integration",
  icon: "tag",
  kind: "automatic",
  behaviour: "service",
  ports: { in: [{ id: "in", multiple: true }], out: [{ id: "out", multiple: true }] },
  configSchema: {
    type: "object",
    properties: {
      campaign: { type: "string", minLength: 1, "x-title": { "zh-CN": "活动", en: "Campaign" } },
      validFor: {
        type: "string",
        "x-widget": "duration",
        "x-title": { "zh-CN": "有效期", en: "Valid for" },
      },
      recipient: {
        type: "string",
        "x-widget": "feel",
        "x-title": { "zh-CN": "发给谁", en: "Recipient" },
      },
      faceValue: { type: "number", minimum: 1, title: "Face value" },
      stackable: { type: "boolean" },
    },
    required: ["campaign", "recipient"],
  },
};

/** A type the editor has never heard of: titles from `x-title`/`title`, widgets from `x-widget`. */
export const ThirdPartyType: Story = {
  args: {
    initial: { id: "coupon", type: "acme.coupon", typeVersion: 1, config: { validFor: "P7D" } },
    manifest: coupon,
    catalogue: [...manifests, coupon],
  },
};

/** The node's type is not installed: label only. */
export const UnknownType: Story = {
  args: {
    initial: {
      id: "legacy",
      type: "acme.crmTag",
      typeVersion: 2,
      label: { "zh-CN": "打标签" },
      config: {},
    },
    manifest: undefined,
  },
};
