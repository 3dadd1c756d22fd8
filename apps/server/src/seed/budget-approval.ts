// Example: a budget approval routed by amount. Above 10,000 the director decides, otherwise the
// manager; the variables are declared with types, so a start with 金额 = "lots" is refused.
import type { ProcessDefinitionInput } from "@playbook/schema";
import { text } from "./text";

const approvalConfig = (title: string, role: string) => ({
  title,
  candidateRoles: [role],
  outcomes: ["通过", "驳回"],
  outcomeVariable: "审批结果",
  dueIn: "P2D",
  form: [{ name: "审批意见", type: "string" as const, label: text("审批意见", "Comment") }],
});

export const budgetApproval: ProcessDefinitionInput = {
  key: "budget-approval",
  name: text("预算审批", "Budget approval"),
  description: text(
    "金额超过 10000 元由总监审批，否则由经理审批",
    "Over 10,000: the director approves; otherwise the manager",
  ),
  schemaVersion: 1,
  variables: [
    { name: "申请人", type: "user", required: true, label: text("申请人", "Requester") },
    { name: "金额", type: "number", required: true, label: text("金额（元）", "Amount (CNY)") },
    { name: "事由", type: "string", required: true, label: text("事由", "Purpose") },
    { name: "审批结果", type: "string", label: text("审批结果", "Decision") },
    { name: "审批意见", type: "string", label: text("审批意见", "Comment") },
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
      id: "route",
      type: "playbook.exclusiveGateway",
      typeVersion: 1,
      label: text("按金额分流", "Route by amount"),
    },
    {
      id: "director",
      type: "playbook.userTask",
      typeVersion: 1,
      label: text("总监审批", "Director approval"),
      config: approvalConfig("总监审批 / Director approval", "director"),
    },
    {
      id: "manager",
      type: "playbook.userTask",
      typeVersion: 1,
      label: text("经理审批", "Manager approval"),
      config: approvalConfig("经理审批 / Manager approval", "manager"),
    },
    {
      id: "decision",
      type: "playbook.exclusiveGateway",
      typeVersion: 1,
      label: text("是否通过", "Approved?"),
    },
    { id: "approved", type: "playbook.end", typeVersion: 1, label: text("已通过", "Approved") },
    { id: "rejected", type: "playbook.end", typeVersion: 1, label: text("已驳回", "Rejected") },
  ],
  edges: [
    { id: "e-start-route", source: "start", target: "route" },
    {
      id: "e-large",
      source: "route",
      target: "director",
      condition: "金额 > 10000",
      label: text("金额 > 10000", "Amount > 10,000"),
    },
    {
      id: "e-small",
      source: "route",
      target: "manager",
      isDefault: true,
      label: text("其他", "Otherwise"),
    },
    { id: "e-director-decision", source: "director", target: "decision" },
    { id: "e-manager-decision", source: "manager", target: "decision" },
    {
      id: "e-approved",
      source: "decision",
      target: "approved",
      condition: '审批结果 = "通过"',
      label: text("通过", "Approved"),
    },
    {
      id: "e-rejected",
      source: "decision",
      target: "rejected",
      isDefault: true,
      label: text("驳回", "Rejected"),
    },
  ],
  layout: {
    nodes: {
      start: { x: 0, y: 0 },
      route: { x: 0, y: 120 },
      director: { x: -160, y: 240 },
      manager: { x: 160, y: 240 },
      decision: { x: 0, y: 360 },
      approved: { x: -160, y: 480 },
      rejected: { x: 160, y: 480 },
    },
    view: "approvalTree",
  },
};
