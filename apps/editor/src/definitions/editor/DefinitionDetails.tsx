// The process's own name and description in both languages (shown when nothing is selected).
// A name cannot be emptied: the document requires both languages, so an empty field is marked
// and the last non-empty name is kept until the user types one.
import type { LocalizedText, PartialLocalizedText, ProcessDefinition } from "@playbook/schema";
import { Form, Input } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { editorStore } from "../../state/hooks";

type Lang = keyof LocalizedText;

export function DefinitionDetails({ definition }: { definition: ProcessDefinition }) {
  const { t } = useTranslation("app");
  const [names, setNames] = useState<LocalizedText>(definition.name);
  useEffect(() => setNames(definition.name), [definition.name]);

  const setName = (lang: Lang, value: string) => {
    const next = { ...names, [lang]: value };
    setNames(next);
    if (value.trim()) {
      editorStore
        .getState()
        .apply(
          { kind: "updateDetails", details: { name: { ...definition.name, [lang]: value } } },
          { group: `details:name:${lang}` },
        );
    }
  };
  const setDescription = (lang: Lang, value: string) => {
    const description: PartialLocalizedText = { ...definition.description, [lang]: value };
    editorStore
      .getState()
      .apply(
        { kind: "updateDetails", details: { description } },
        { group: `details:description:${lang}` },
      );
  };

  return (
    <Form layout="vertical" size="small">
      {(["zh-CN", "en"] as const).map((lang) => (
        <Form.Item
          key={lang}
          label={lang === "zh-CN" ? t("editor.nameZh") : t("editor.nameEn")}
          validateStatus={names[lang].trim() ? undefined : "error"}
          help={names[lang].trim() ? undefined : t("create.nameRequired")}
        >
          <Input value={names[lang]} onChange={(event) => setName(lang, event.target.value)} />
        </Form.Item>
      ))}
      {(["zh-CN", "en"] as const).map((lang) => (
        <Form.Item
          key={`d-${lang}`}
          label={lang === "zh-CN" ? t("editor.descriptionZh") : t("editor.descriptionEn")}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={definition.description?.[lang] ?? ""}
            onChange={(event) => setDescription(lang, event.target.value)}
          />
        </Form.Item>
      ))}
    </Form>
  );
}
