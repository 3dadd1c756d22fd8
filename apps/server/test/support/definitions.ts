// Small definitions for server tests, each telling one story an app or the editor relies on.
import type { ProcessDefinitionInput } from "@playbook/schema";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** 请假审批: one approval task with outcomes, then a record step, then the end. */
export function leaveApproval(key = "leave-approval"): ProcessDefinitionInput {
  return {
    key,
    name: text("请假审批", "Leave approval"),
    schemaVersion: 1,
    variables: [
      { name: "申请人", type: "user", required: true },
      { name: "天数", type: "number", required: true },
      { name: "审批结果", type: "string" },
      { name: "备注", type: "string" },
    ],
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1, config: { trigger: "api" } },
      {
        id: "approve",
        type: "playbook.userTask",
        typeVersion: 1,
        label: text("主管审批", "Manager approval"),
        config: {
          assignee: '"wang.fang"',
          outcomes: ["同意", "拒绝"],
          outcomeVariable: "审批结果",
        },
      },
      {
        id: "archive",
        type: "playbook.userTask",
        typeVersion: 1,
        label: text("归档", "Archive"),
        config: { candidateRoles: ["hr"] },
      },
      { id: "end", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "e1", source: "start", target: "approve" },
      { id: "e2", source: "approve", target: "archive" },
      { id: "e3", source: "archive", target: "end" },
    ],
  };
}

/** A signup funnel: started by `user.registered`, waits for `order.paid` of the same user. */
export function signupFunnel(key = "signup-funnel"): ProcessDefinitionInput {
  return {
    key,
    name: text("注册转化", "Signup conversion"),
    schemaVersion: 1,
    variables: [
      { name: "userId", type: "string", required: true },
      { name: "order", type: "object" },
    ],
    nodes: [
      {
        id: "registered",
        type: "playbook.start",
        typeVersion: 1,
        config: { trigger: "message", messageName: "user.registered" },
      },
      {
        id: "paid",
        type: "playbook.messageWait",
        typeVersion: 1,
        label: text("等待付款", "Wait for payment"),
        config: { messageName: "order.paid", correlationKey: "userId", resultVariable: "order" },
      },
      { id: "end", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "e1", source: "registered", target: "paid" },
      { id: "e2", source: "paid", target: "end" },
    ],
  };
}

/** A gateway with no default and no conditions: the validator must refuse to publish it. */
export function brokenRouting(key = "broken-routing"): ProcessDefinitionInput {
  return {
    key,
    name: text("坏的分支", "Broken routing"),
    schemaVersion: 1,
    variables: [{ name: "金额", type: "number" }],
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1 },
      { id: "route", type: "playbook.exclusiveGateway", typeVersion: 1 },
      { id: "a", type: "playbook.end", typeVersion: 1 },
      { id: "b", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "e1", source: "start", target: "route" },
      { id: "e2", source: "route", target: "a", condition: "金额 > 10000" },
      { id: "e3", source: "route", target: "b" },
    ],
  };
}
