// Built-in starting points for a new process: blank, an approval, an SOP checklist and a customer
// journey. Each is a complete, publishable definition the user then adapts; the seeded examples
// on the server are offered too ("copy of an existing process").
import {
  type LocalizedText,
  ProcessDefinition,
  type ProcessDefinitionInput,
} from "@playbook/schema";

export type TemplateId = "blank" | "approval" | "sop" | "journey";

export const TEMPLATE_IDS: readonly TemplateId[] = ["blank", "approval", "sop", "journey"];

const text = (zh: string, en: string): LocalizedText => ({ "zh-CN": zh, en });

type Body = Pick<ProcessDefinitionInput, "variables" | "nodes" | "edges" | "layout">;

/** Nodes one below the other, top-down like the canvas draws flows. */
const column = (ids: string[], x = 0, gap = 130) =>
  Object.fromEntries(ids.map((id, index) => [id, { x, y: index * gap }]));

const bodies: Record<TemplateId, () => Body> = {
  blank: () => ({
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1, label: text("开始", "Start") },
      { id: "end", type: "playbook.end", typeVersion: 1, label: text("结束", "End") },
    ],
    edges: [{ id: "e-start-end", source: "start", target: "end" }],
    layout: { nodes: column(["start", "end"]) },
  }),
  approval: () => ({
    variables: [
      { name: "申请人", type: "user", required: true, label: text("申请人", "Requester") },
      { name: "审批结果", type: "string", label: text("审批结果", "Decision") },
    ],
    nodes: [
      {
        id: "start",
        type: "playbook.start",
        typeVersion: 1,
        label: text("发起申请", "Request"),
        config: { trigger: "manual" },
      },
      {
        id: "approve",
        type: "playbook.userTask",
        typeVersion: 1,
        label: text("主管审批", "Manager approval"),
        config: {
          title: "主管审批 / Manager approval",
          candidateRoles: ["manager"],
          outcomes: ["通过", "驳回"],
          outcomeVariable: "审批结果",
          dueIn: "P2D",
        },
      },
      {
        id: "decide",
        type: "playbook.exclusiveGateway",
        typeVersion: 1,
        label: text("是否通过", "Approved?"),
      },
      { id: "approved", type: "playbook.end", typeVersion: 1, label: text("已通过", "Approved") },
      { id: "rejected", type: "playbook.end", typeVersion: 1, label: text("已驳回", "Rejected") },
    ],
    edges: [
      { id: "e-start-approve", source: "start", target: "approve" },
      { id: "e-approve-decide", source: "approve", target: "decide" },
      {
        id: "e-approved",
        source: "decide",
        target: "approved",
        condition: '审批结果 = "通过"',
        label: text("通过", "Approved"),
      },
      {
        id: "e-rejected",
        source: "decide",
        target: "rejected",
        isDefault: true,
        label: text("驳回", "Rejected"),
      },
    ],
    layout: {
      nodes: {
        ...column(["start", "approve", "decide"]),
        approved: { x: -150, y: 390 },
        rejected: { x: 150, y: 390 },
      },
    },
  }),
  sop: () => ({
    nodes: [
      {
        id: "start",
        type: "playbook.start",
        typeVersion: 1,
        label: text("开始", "Start"),
        config: { trigger: "manual" },
      },
      {
        id: "prepare",
        type: "playbook.userTask",
        typeVersion: 1,
        label: text("准备素材", "Prepare materials"),
        config: { title: "准备素材 / Prepare materials", candidateRoles: ["editor"], dueIn: "P1D" },
      },
      {
        id: "review",
        type: "playbook.userTask",
        typeVersion: 1,
        label: text("审核内容", "Review content"),
        config: { title: "审核内容 / Review content", candidateRoles: ["reviewer"], dueIn: "P1D" },
      },
      {
        id: "release",
        type: "playbook.userTask",
        typeVersion: 1,
        label: text("上线发布", "Go live"),
        config: { title: "上线发布 / Go live", candidateRoles: ["operator"] },
      },
      { id: "end", type: "playbook.end", typeVersion: 1, label: text("完成", "Done") },
    ],
    edges: [
      { id: "e1", source: "start", target: "prepare" },
      { id: "e2", source: "prepare", target: "review" },
      { id: "e3", source: "review", target: "release" },
      { id: "e4", source: "release", target: "end" },
    ],
    layout: { nodes: column(["start", "prepare", "review", "release", "end"]) },
  }),
  journey: () => ({
    variables: [
      { name: "userId", type: "string", required: true, label: text("用户 ID", "User id") },
    ],
    nodes: [
      {
        id: "start",
        type: "playbook.start",
        typeVersion: 1,
        label: text("用户注册", "User signed up"),
      },
      {
        id: "firstOrder",
        type: "playbook.messageWait",
        typeVersion: 1,
        label: text("等待首单", "Wait for first order"),
        config: { messageName: "order.paid", correlationKey: "userId", timeout: "P7D" },
      },
      { id: "converted", type: "playbook.end", typeVersion: 1, label: text("已转化", "Converted") },
      {
        id: "followUp",
        type: "playbook.userTask",
        typeVersion: 1,
        label: text("人工跟进", "Follow up"),
        config: { title: "跟进未下单用户 / Follow up", candidateRoles: ["sales"] },
      },
      { id: "done", type: "playbook.end", typeVersion: 1, label: text("已跟进", "Followed up") },
    ],
    edges: [
      { id: "e1", source: "start", target: "firstOrder" },
      { id: "e2", source: "firstOrder", target: "converted" },
      { id: "e3", source: "firstOrder", sourcePort: "timeout", target: "followUp" },
      { id: "e4", source: "followUp", target: "done" },
    ],
    layout: {
      nodes: {
        ...column(["start", "firstOrder"]),
        converted: { x: -150, y: 260 },
        followUp: { x: 150, y: 260 },
        done: { x: 150, y: 390 },
      },
    },
  }),
};

export function definitionFromTemplate(
  template: TemplateId,
  key: string,
  name: LocalizedText,
): ProcessDefinition {
  return ProcessDefinition.parse({ key, name, schemaVersion: 1, ...bodies[template]() });
}

/** A copy of another definition under a new key and name (duplicate, "copy of an existing"). */
export function copyOfDefinition(
  source: ProcessDefinition,
  key: string,
  name: LocalizedText,
): ProcessDefinition {
  return { ...structuredClone(source), key, name };
}
