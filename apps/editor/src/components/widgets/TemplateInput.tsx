// Text with `{{ FEEL }}` placeholders (a URL, a robot message): a plain text field, because the
// text is mostly prose, plus a picker that inserts `{{variable}}` where the cursor is (the
// field's help text explains the placeholders). Undeclared
// names and broken placeholders are reported by the validator on the field, like FEEL fields.
import type { VariableDeclaration } from "@playbook/schema";
import { Input, Select } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { type ReactNode, useRef } from "react";
import { type Locale, pickText, useComponentsText } from "../locale";

export interface TemplateInputProps {
  value: string;
  onChange(value: string): void;
  variables: readonly VariableDeclaration[];
  /** A message rather than a one-line address. */
  multiline?: boolean | undefined;
  invalid?: boolean | undefined;
  disabled?: boolean | undefined;
  id?: string | undefined;
  ariaLabel?: string | undefined;
  placeholder?: string | undefined;
  locale?: Locale | undefined;
}

/** `text` with `{{name}}` put in place of the selection `from`–`to`. */
export function insertPlaceholder(text: string, name: string, from: number, to: number) {
  const inserted = `{{${name}}}`;
  return { text: text.slice(0, from) + inserted + text.slice(to), caret: from + inserted.length };
}

export function TemplateInput({
  value,
  onChange,
  variables,
  multiline,
  invalid,
  disabled,
  id,
  ariaLabel,
  placeholder,
  locale,
}: TemplateInputProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const field = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const textArea = useRef<TextAreaRef>(null);
  const element = () => (multiline ? textArea.current?.resizableTextArea?.textArea : field.current);

  const insert = (name: string) => {
    const target = element();
    const from = target?.selectionStart ?? value.length;
    const to = target?.selectionEnd ?? from;
    const next = insertPlaceholder(value, name, from, to);
    onChange(next.text);
    // After React has put the new text in, put the caret after the placeholder.
    requestAnimationFrame(() => {
      const after = element();
      after?.focus();
      after?.setSelectionRange(next.caret, next.caret);
    });
  };

  const common = {
    id,
    value,
    disabled,
    status: invalid ? ("error" as const) : undefined,
    "aria-label": ariaLabel,
    placeholder,
  };
  let input: ReactNode;
  if (multiline) {
    input = (
      <Input.TextArea
        {...common}
        ref={textArea}
        autoSize={{ minRows: 3, maxRows: 10 }}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    input = (
      <Input
        {...common}
        ref={(instance) => {
          field.current = instance?.input ?? null;
        }}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      {input}
      <div style={{ display: "flex", justifyContent: "flex-end" }}>
        <Select
          size="small"
          value={null}
          placeholder={t("widgets.template.insert")}
          aria-label={t("widgets.template.insert")}
          disabled={disabled || variables.length === 0}
          popupMatchSelectWidth={false}
          showSearch
          optionFilterProp="search"
          style={{ width: lang === "zh-CN" ? 112 : 144 }}
          options={variables.map((variable) => ({
            value: variable.name,
            search: `${variable.name} ${pickText(variable.label, lang) ?? ""}`,
            label: variable.name,
          }))}
          onChange={(name: string | null) => {
            if (name) insert(name);
          }}
        />
      </div>
    </div>
  );
}
