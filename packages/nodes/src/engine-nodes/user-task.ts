// Work for a person: approvals, form filling, manual checks.
import { userTaskConfig } from "@playbook/engine";
import { defineNode } from "@playbook/node-sdk";

export const userTask = defineNode({
  type: "playbook.userTask",
  version: 1,
  title: { "zh-CN": "人工任务", en: "User task" },
  description: {
    "zh-CN": "交给指定的人或角色处理（审批、填写表单），处理完成后继续",
    en: "Hands work to a person or role (approve, fill in a form) and continues when they are done",
  },
  category: "human",
  icon: "user-check",
  behaviour: "userTask",
  config: userTaskConfig,
});
