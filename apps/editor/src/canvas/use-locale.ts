// The current UI locale as a React value (re-renders on language switch).
import type { Locale } from "@playbook/schema";
import { useTranslation } from "react-i18next";
import { toLocale } from "../i18n";

export function useLocale(): Locale {
  const { i18n } = useTranslation("app");
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}
