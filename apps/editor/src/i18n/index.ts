// The one i18next instance of the editor. UI language follows the browser (any zh-* → zh-CN,
// anything else → en) until the user picks one, which is then remembered in localStorage.
// Namespaces: "app" (shell, canvas, definitions — ./messages.ts) and "components" (the panels
// and widgets in src/components — their messages.ts). Stories import this same instance.
import i18next from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import { componentMessages } from "../components/messages";
import { appMessages } from "./messages";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Where an explicit choice is remembered; detection alone never writes it. */
export const LOCALE_STORAGE_KEY = "playbook.locale";

export function toLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: {
      en: { app: appMessages.en, components: componentMessages.en },
      "zh-CN": { app: appMessages["zh-CN"], components: componentMessages["zh-CN"] },
    },
    supportedLngs: [...LOCALES],
    fallbackLng: "en",
    defaultNS: "app",
    ns: ["app", "components"],
    interpolation: { escapeValue: false },
    detection: {
      order: ["localStorage", "navigator"],
      lookupLocalStorage: LOCALE_STORAGE_KEY,
      caches: [],
      convertDetectedLanguage: toLocale,
    },
    returnNull: false,
  });

/** The current UI locale, always one of LOCALES. */
export function currentLocale(): Locale {
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}

/** Switches the UI language and remembers the choice. */
export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the switch still applies to this page.
  }
  void i18n.changeLanguage(locale);
}

function reflectLanguage(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = toLocale(language);
}
i18n.on("languageChanged", reflectLanguage);
reflectLanguage(i18n.language);
