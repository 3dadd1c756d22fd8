// EdgeConditionEditor strings.
import { defineMessages } from "../defineMessages";

export const edgeMessages = defineMessages(
  {
    title: "Connection",
    route: "{{from}} → {{to}}",
    label: "Label",
    labelHint: "Shown on the canvas beside the connection, e.g. “Over 10,000”",
    condition: "Condition",
    conditionPlaceholder: "e.g. amount > 10000",
    conditionHintGateway:
      "Conditions are checked in priority order; the first one that holds decides the way.",
    conditionHintFlow:
      "Taken only when the condition holds; a connection without condition is always taken.",
    isDefault: "Default branch",
    defaultExplainGateway: "Taken when none of the other conditions holds.",
    defaultExplainFlow: "Taken only when no other connection out of this node is taken.",
    defaultHasNoCondition: "A default branch has no condition.",
    priority: "Priority",
    priorityHint: "Lower numbers are checked first.",
    otherProblems: "Problems of this connection",
  },
  {
    title: "连线",
    route: "{{from}} → {{to}}",
    label: "标签",
    labelHint: "显示在画布上的连线旁，如“金额超过 1 万”",
    condition: "条件",
    conditionPlaceholder: "如 金额 > 10000",
    conditionHintGateway: "按优先级依次判断条件，第一个满足的条件决定走哪条连线。",
    conditionHintFlow: "条件满足时才走这条连线；没有条件的连线总是会走。",
    isDefault: "默认分支",
    defaultExplainGateway: "其他条件都不满足时，走这条连线。",
    defaultExplainFlow: "这个节点的其他连线都不走时，才走这条连线。",
    defaultHasNoCondition: "默认分支不需要条件。",
    priority: "优先级",
    priorityHint: "数字越小越先判断。",
    otherProblems: "这条连线的问题",
  },
);
