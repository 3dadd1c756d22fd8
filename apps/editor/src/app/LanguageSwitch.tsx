// 中文 / EN: switches the UI language at once and remembers the choice.
import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { type Locale, setLocale, toLocale } from "../i18n";

const OPTIONS: { label: string; value: Locale }[] = [
  { label: "中文", value: "zh-CN" },
  { label: "EN", value: "en" },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation("app");
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t("app.language")}
      options={OPTIONS}
      value={toLocale(i18n.resolvedLanguage ?? i18n.language)}
      onChange={setLocale}
      data-testid="language-switch"
    />
  );
}
