// The UI locale as components see it, and picking the reader's language out of the bilingual
// texts that definitions and manifests carry (falling back to the other language, then a default).
import type { Locale } from "@playbook/schema";
import { useTranslation } from "react-i18next";

export type { Locale } from "@playbook/schema";

export const COMPONENTS_NS = "components";

/** Any zh-* tag reads Chinese; everything else English. */
export function toLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export function otherLocale(locale: Locale): Locale {
  return locale === "zh-CN" ? "en" : "zh-CN";
}

type Bilingual = { "zh-CN"?: string | undefined; en?: string | undefined };

/** The text in `locale`, else in the other language, else `fallback`. Blank counts as missing. */
export function pickText(text: Bilingual | undefined, locale: Locale, fallback = ""): string {
  const preferred = text?.[locale]?.trim();
  if (preferred) return preferred;
  const other = text?.[otherLocale(locale)]?.trim();
  return other || fallback;
}

/** The component namespace's `t` plus the current locale; `locale` overrides the UI language. */
export function useComponentsText(locale?: Locale) {
  const { t, i18n } = useTranslation(COMPONENTS_NS, locale ? { lng: locale } : undefined);
  return { t, locale: locale ?? toLocale(i18n.resolvedLanguage ?? i18n.language) };
}
