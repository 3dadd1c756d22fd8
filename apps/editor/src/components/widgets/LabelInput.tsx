// A bilingual label (node or edge name): Chinese and English side by side; blank languages are
// dropped so the other language is shown in their place.
import type { PartialLocalizedText } from "@playbook/schema";
import { Input } from "antd";
import { type Locale, useComponentsText } from "../locale";

export interface LabelInputProps {
  value: PartialLocalizedText | undefined;
  onChange(value: PartialLocalizedText): void;
  /** Shown in both boxes when a language is blank (e.g. the node type's title). */
  placeholder?: PartialLocalizedText | undefined;
  disabled?: boolean | undefined;
  locale?: Locale | undefined;
}

export function LabelInput({ value, onChange, placeholder, disabled, locale }: LabelInputProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const update = (key: Locale, text: string) => {
    const next: PartialLocalizedText = { ...value, [key]: text };
    if (text.trim() === "") delete next[key];
    onChange(next);
  };
  // The reader's language first.
  const order: Locale[] = lang === "zh-CN" ? ["zh-CN", "en"] : ["en", "zh-CN"];
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      {order.map((key) => (
        <Input
          key={key}
          value={value?.[key] ?? ""}
          disabled={disabled}
          addonBefore={
            <span
              style={{
                display: "inline-block",
                minWidth: lang === "zh-CN" ? 56 : 92,
                textAlign: "left",
              }}
            >
              {t(key === "zh-CN" ? "common.labelZh" : "common.labelEn")}
            </span>
          }
          placeholder={
            placeholder?.[key] ??
            t(key === "zh-CN" ? "common.labelZhPlaceholder" : "common.labelEnPlaceholder")
          }
          onChange={(event) => update(key, event.target.value)}
        />
      ))}
    </div>
  );
}
