// Sample data for the stories: a 大额订单审批 (large-order approval) flow with variables and one
// node of each configurable built-in type, plus real validator problems (not hand-written ones).
import { builtinManifests } from "@playbook/nodes/manifests";
import type {
  NodeManifest,
  ProcessDefinitionInput,
  ProcessEdge,
  ProcessNode,
  VariableDeclaration,
} from "@playbook/schema";
import { validateForEditor } from "../validation/validate";

export const manifests: readonly NodeManifest[] = builtinManifests;

export function manifestOf(type: string): NodeManifest {
  const manifest = manifests.find((candidate) => candidate.type === `playbook.${type}`);
  if (!manifest) throw new Error(`no built-in type ${type}`);
  return manifest;
}

export const variables: VariableDeclaration[] = [
  {
    name: "金额",
    type: "number",
    required: true,
    label: { "zh-CN": "订单金额", en: "Order amount" },
  },
  {
    name: "渠道",
    type: "string",
    required: false,
    default: "抖音",
    label: { "zh-CN": "渠道", en: "Channel" },
  },
  { name: "客户", type: "user", required: true, label: { "zh-CN": "客户", en: "Customer" } },
  {
    name: "审批结果",
    type: "string",
    required: false,
    label: { "zh-CN": "审批结果", en: "Outcome" },
  },
  { name: "折扣", type: "number", required: false, default: 1 },
  { name: "下单时间", type: "datetime", required: false },
  { name: "标签", type: "list", required: false, default: ["VIP"] },
  { name: "预算", type: "money", required: false, default: { amount: 5000, currency: "CNY" } },
];

export const nodes = {
  userTask: {
    id: "approve",
    type: "playbook.userTask",
    typeVersion: 1,
    label: { "zh-CN": "主管审批", en: "Manager approval" },
    config: {
      title: "审批 {{客户}} 的大额订单",
      assignee: "客户",
      candidateUsers: ["zhangwei", "lina"],
      candidateRoles: ["销售主管"],
      dueIn: "P2D",
      outcomes: ["通过", "驳回"],
      outcomeVariable: "审批结果",
      form: [
        {
          name: "折扣",
          type: "number",
          required: true,
          label: { "zh-CN": "折扣", en: "Discount" },
        },
      ],
    },
  },
  timer: {
    id: "wait3d",
    type: "playbook.timer",
    typeVersion: 1,
    label: { "zh-CN": "等待 3 天", en: "Wait 3 days" },
    config: { mode: "duration", duration: "P3D" },
  },
  messageWait: {
    id: "waitPay",
    type: "playbook.messageWait",
    typeVersion: 1,
    label: { "zh-CN": "等待付款", en: "Wait for payment" },
    config: { messageName: "order.paid", correlationKey: "客户", timeout: "PT2H" },
  },
  setVariables: {
    id: "discount",
    type: "playbook.setVariables",
    typeVersion: 1,
    label: { "zh-CN": "计算折扣", en: "Compute discount" },
    config: {
      assignments: [
        { variable: "折扣", expression: "if 金额 > 50000 then 0.85 else 0.9" },
        { variable: "标签", expression: 'append(标签, "大客户")' },
      ],
    },
  },
  webhook: {
    id: "crm",
    type: "playbook.webhook",
    typeVersion: 1,
    label: { "zh-CN": "同步到 CRM", en: "Sync to CRM" },
    config: {
      method: "POST",
      url: "https://crm.example.com/orders/{{客户}}",
      headers: { "X-Source": "playbook" },
      body: "{ customer: 客户, amount: 金额, channel: 渠道 }",
      timeoutSeconds: 10,
    },
  },
  imNotify: {
    id: "notify",
    type: "playbook.imNotify",
    typeVersion: 1,
    label: { "zh-CN": "通知销售群", en: "Tell the sales group" },
    config: {
      platform: "dingtalk",
      webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=abc123",
      format: "markdown",
      title: "大额订单",
      message: "新的大额订单：客户 {{客户}}，金额 {{金额}} 元，已通过审批。",
      mentionAll: false,
      mentionMobiles: ["13800000000"],
    },
  },
} satisfies Record<string, ProcessNode>;

export type ConfigurableType = keyof typeof nodes;

const gatewayEdges: ProcessEdge[] = [
  {
    id: "toGateway",
    source: "start",
    sourcePort: "out",
    target: "gateway",
    isDefault: false,
    priority: 0,
  },
  {
    id: "large",
    source: "gateway",
    sourcePort: "out",
    target: "approve",
    condition: "金额 > 10000",
    isDefault: false,
    priority: 0,
    label: { "zh-CN": "超过 1 万", en: "Over 10,000" },
  },
  {
    id: "small",
    source: "gateway",
    sourcePort: "out",
    target: "end",
    isDefault: true,
    priority: 1,
    label: { "zh-CN": "其他", en: "Otherwise" },
  },
];

export const edges = {
  condition: gatewayEdges[1] as ProcessEdge,
  default: gatewayEdges[2] as ProcessEdge,
  syntaxError: {
    ...(gatewayEdges[1] as ProcessEdge),
    id: "broken",
    condition: "金额 > and 渠道 =",
  },
  undeclared: {
    ...(gatewayEdges[1] as ProcessEdge),
    id: "undeclared",
    condition: '金额 > 10000 and 会员等级 = "金卡"',
  },
};

/** A broken version of the approval flow, for real problems in both languages. */
export const brokenDefinition: ProcessDefinitionInput = {
  key: "large-order-approval",
  name: { "zh-CN": "大额订单审批", en: "Large order approval" },
  schemaVersion: 1,
  variables: [...variables, { name: "金额", type: "string" }],
  nodes: [
    {
      id: "start",
      type: "playbook.start",
      typeVersion: 1,
      label: { "zh-CN": "提交订单", en: "Order placed" },
    },
    {
      id: "gateway",
      type: "playbook.exclusiveGateway",
      typeVersion: 1,
      label: { "zh-CN": "是否大额", en: "Large order?" },
    },
    { ...nodes.userTask, config: { ...nodes.userTask.config, dueIn: "两天" } },
    { ...nodes.webhook, config: { ...nodes.webhook.config, url: "" } },
    {
      id: "orphan",
      type: "playbook.end",
      typeVersion: 1,
      label: { "zh-CN": "孤立的结束", en: "Stray end" },
    },
    {
      id: "legacy",
      type: "acme.crmTag",
      typeVersion: 2,
      label: { "zh-CN": "打标签", en: "Tag customer" },
    },
    { id: "end", type: "playbook.end", typeVersion: 1 },
  ],
  edges: [
    gatewayEdges[0] as ProcessEdge,
    { ...(gatewayEdges[1] as ProcessEdge), condition: "金额 > and 渠道 =" },
    { id: "noCondition", source: "gateway", target: "crm" },
    { id: "toEnd", source: "approve", target: "end" },
    { id: "crmToEnd", source: "crm", target: "end" },
    { id: "legacyToEnd", source: "legacy", target: "end" },
  ],
};

export const brokenProblems = validateForEditor(brokenDefinition, manifests).problems;

/** A definition around one node (start → node → end), so only the node's own problems show. */
export function definitionAround(
  node: ProcessNode,
  declared: readonly VariableDeclaration[],
  manifest: NodeManifest | undefined,
): ProcessDefinitionInput {
  const outPorts = manifest?.ports.out ?? [{ id: "out" }];
  return {
    key: "story",
    name: { "zh-CN": "示例流程", en: "Sample process" },
    schemaVersion: 1,
    variables: [...declared],
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1 },
      node,
      { id: "end", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "in", source: "start", target: node.id },
      ...outPorts.map((port) => ({
        id: `out-${port.id}`,
        source: node.id,
        sourcePort: port.id,
        target: "end",
      })),
    ],
  };
}
