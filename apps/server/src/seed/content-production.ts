// Example: a content team's SOP. 选题 → 创作 → 审核; a rejected draft goes back to 创作 through
// an exclusive gateway (counting rejections), an approved one is published and reviewed (复盘).
import type { ProcessDefinitionInput } from "@playbook/schema";
import { row, text } from "./text";

export const contentProduction: ProcessDefinitionInput = {
  key: "content-production",
  name: text("内容生产 SOP", "Content production SOP"),
  description: text(
    "选题、创作、审核（可驳回重写）、发布、复盘",
    "Topic, writing, review (with rework), publishing, retrospective",
  ),
  schemaVersion: 1,
  variables: [
    { name: "主编", type: "user", required: true, label: text("主编", "Editor in chief") },
    { name: "作者", type: "user", label: text("作者", "Author") },
    { name: "选题", type: "string", label: text("选题", "Topic") },
    { name: "渠道", type: "string", default: "小红书", label: text("渠道", "Channel") },
    { name: "稿件链接", type: "string", label: text("稿件链接", "Draft link") },
    { name: "审核结果", type: "string", label: text("审核结果", "Review result") },
    { name: "驳回次数", type: "number", default: 0, label: text("驳回次数", "Times rejected") },
    { name: "发布链接", type: "string", label: text("发布链接", "Published link") },
    { name: "阅读量", type: "number", label: text("阅读量", "Reads") },
  ],
  nodes: [
    {
      id: "start",
      type: "playbook.start",
      typeVersion: 1,
      label: text("发起", "Start"),
      config: { trigger: "manual" },
    },
    {
      id: "topic",
      type: "playbook.userTask",
      typeVersion: 1,
      label: text("选题", "Pick a topic"),
      config: {
        title: "选题 / Pick a topic",
        assignee: "主编",
        dueIn: "P1D",
        form: [
          { name: "选题", type: "string", required: true, label: text("选题", "Topic") },
          { name: "作者", type: "user", required: true, label: text("作者", "Author") },
        ],
      },
    },
    {
      id: "write",
      type: "playbook.userTask",
      typeVersion: 1,
      label: text("创作", "Write"),
      config: {
        title: "创作 / Write",
        assignee: "作者",
        dueIn: "P3D",
        form: [
          {
            name: "稿件链接",
            type: "string",
            required: true,
            label: text("稿件链接", "Draft link"),
          },
        ],
      },
    },
    {
      id: "review",
      type: "playbook.userTask",
      typeVersion: 1,
      label: text("审核", "Review"),
      config: {
        title: "审核 / Review",
        assignee: "主编",
        outcomes: ["通过", "驳回"],
        outcomeVariable: "审核结果",
        dueIn: "PT8H",
      },
    },
    {
      id: "approved",
      type: "playbook.exclusiveGateway",
      typeVersion: 1,
      label: text("审核通过？", "Approved?"),
    },
    {
      id: "countRejection",
      type: "playbook.setVariables",
      typeVersion: 1,
      label: text("记录驳回", "Count the rejection"),
      config: { assignments: [{ variable: "驳回次数", expression: "驳回次数 + 1" }] },
    },
    {
      id: "publish",
      type: "playbook.userTask",
      typeVersion: 1,
      label: text("发布", "Publish"),
      config: {
        title: "发布 / Publish",
        assignee: "作者",
        form: [
          {
            name: "发布链接",
            type: "string",
            required: true,
            label: text("发布链接", "Published link"),
          },
        ],
      },
    },
    {
      id: "retro",
      type: "playbook.userTask",
      typeVersion: 1,
      label: text("复盘", "Retrospective"),
      config: {
        title: "复盘 / Retrospective",
        assignee: "主编",
        dueIn: "P7D",
        form: [{ name: "阅读量", type: "number", required: true, label: text("阅读量", "Reads") }],
      },
    },
    { id: "end", type: "playbook.end", typeVersion: 1, label: text("完成", "Done") },
  ],
  edges: [
    { id: "e-start-topic", source: "start", target: "topic" },
    { id: "e-topic-write", source: "topic", target: "write" },
    { id: "e-write-review", source: "write", target: "review" },
    { id: "e-review-gate", source: "review", target: "approved" },
    {
      id: "e-approved",
      source: "approved",
      target: "publish",
      condition: '审核结果 = "通过"',
      label: text("通过", "Approved"),
    },
    {
      id: "e-rejected",
      source: "approved",
      target: "countRejection",
      isDefault: true,
      label: text("驳回", "Rejected"),
    },
    { id: "e-rework", source: "countRejection", target: "write" },
    { id: "e-publish-retro", source: "publish", target: "retro" },
    { id: "e-retro-end", source: "retro", target: "end" },
  ],
  layout: {
    nodes: {
      ...row(["start", "topic", "write", "review", "approved", "publish", "retro", "end"]),
      countRejection: { x: 660, y: 160 },
    },
    view: "canvas",
  },
};
