// The titles the settings form shows for the built-in node types' settings (their config
// schemas carry none), handed to the validator so a problem says 配置项「截止时间」 rather than
// dueIn — the same words the user sees above the field.
import type { LocalizedText, SettingTitles } from "@playbook/schema";
import { propertiesMessages } from "../components/PropertiesPanel/messages";

type TitleTable = Record<string, { title?: string } | undefined>;

function tableOf(locale: "zh-CN" | "en") {
  const form = propertiesMessages[locale].form as unknown as {
    fields: TitleTable;
    typeFields: Record<string, TitleTable | undefined>;
  };
  return form;
}

function titleIn(locale: "zh-CN" | "en", nodeType: string, key: string): string | undefined {
  const form = tableOf(locale);
  const slug = nodeType.replace(/\./g, "_");
  return form.typeFields[slug]?.[key]?.title ?? form.fields[key]?.title;
}

export const builtinSettingTitles: SettingTitles = (nodeType, key): LocalizedText | undefined => {
  const zh = titleIn("zh-CN", nodeType, key);
  const en = titleIn("en", nodeType, key);
  return zh && en ? { "zh-CN": zh, en } : undefined;
};
