// Strings several components share: variable type names and the two label languages.
import { defineMessages } from "./defineMessages";

export const commonMessages = defineMessages(
  {
    type: {
      string: "Text",
      number: "Number",
      boolean: "Yes/No",
      date: "Date",
      datetime: "Date & time",
      money: "Money",
      user: "Person",
      list: "List",
      object: "Object",
    },
    labelZh: "Chinese name",
    labelEn: "English name",
    labelZhPlaceholder: "Name in Chinese",
    labelEnPlaceholder: "Name in English",
  },
  {
    type: {
      string: "文本",
      number: "数字",
      boolean: "是/否",
      date: "日期",
      datetime: "日期时间",
      money: "金额",
      user: "人员",
      list: "列表",
      object: "对象",
    },
    labelZh: "中文名称",
    labelEn: "英文名称",
    labelZhPlaceholder: "中文显示名称",
    labelEnPlaceholder: "English display name",
  },
);
