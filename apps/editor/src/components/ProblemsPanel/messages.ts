// ProblemsPanel strings.
import { defineMessages } from "../defineMessages";

export const problemsMessages = defineMessages(
  {
    title: "Problems",
    errors_one: "{{count}} error",
    errors_other: "{{count}} errors",
    warnings_one: "{{count}} warning",
    warnings_other: "{{count}} warnings",
    none: "No problems",
    noneHint: "The process can be published.",
    blocking: "Errors must be fixed before publishing; warnings do not block it.",
    where: {
      node: "Node: {{name}}",
      edge: "Connection: {{name}}",
      definition: "Whole process",
    },
    error: "Error",
    warning: "Warning",
  },
  {
    title: "问题",
    errors_one: "{{count}} 个错误",
    errors_other: "{{count}} 个错误",
    warnings_one: "{{count}} 个警告",
    warnings_other: "{{count}} 个警告",
    none: "没有问题",
    noneHint: "流程可以发布。",
    blocking: "发布前需要修复所有错误；警告不影响发布。",
    where: {
      node: "节点：{{name}}",
      edge: "连线：{{name}}",
      definition: "整个流程",
    },
    error: "错误",
    warning: "警告",
  },
);
