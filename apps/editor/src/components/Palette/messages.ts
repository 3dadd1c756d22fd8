// Palette strings, including the category names (also searched in both languages).
import { defineMessages } from "../defineMessages";

export const paletteMessages = defineMessages(
  {
    search: "Search nodes (English or 中文)",
    hint: "Drag onto the canvas, or click to add",
    noMatch: "No node matches “{{query}}”",
    addTitle: "Click to add, or drag onto the canvas",
    category: {
      event: "Events & waits",
      human: "People",
      flow: "Flow control",
      data: "Data",
      integration: "Integrations",
      messaging: "Messaging",
    },
  },
  {
    search: "搜索节点（中文或英文）",
    hint: "拖到画布上，或点击添加",
    noMatch: "没有与「{{query}}」匹配的节点",
    addTitle: "点击添加，或拖到画布上",
    category: {
      event: "事件与等待",
      human: "人工",
      flow: "流程控制",
      data: "数据",
      integration: "系统集成",
      messaging: "消息通知",
    },
  },
);
