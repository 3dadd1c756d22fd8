// NodeCard strings.
import { defineMessages } from "../defineMessages";

export const nodeCardMessages = defineMessages(
  {
    kind: { human: "Person", waiting: "Waits" },
    kindHint: {
      human: "Waits for a person to act",
      waiting: "Waits for time or an event",
    },
    status: { running: "Running", completed: "Done" },
    unknownType: "Unknown node type",
    moreProblems_one: "and {{count}} more problem",
    moreProblems_other: "and {{count}} more problems",
  },
  {
    kind: { human: "人工", waiting: "等待" },
    kindHint: {
      human: "需要有人处理后才会继续",
      waiting: "等待时间到达或事件发生后继续",
    },
    status: { running: "运行中", completed: "已完成" },
    unknownType: "未知节点类型",
    moreProblems_one: "还有 {{count}} 个问题",
    moreProblems_other: "还有 {{count}} 个问题",
  },
);
