// Every story renders inside the app's i18n instance and antd's ConfigProvider, in the language
// picked by the toolbar's "locale" global (zh-CN or en; URL: &globals=locale:en).
import type { Decorator, Preview } from "@storybook/react-vite";
import { ConfigProvider, theme } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { i18n as I18n } from "i18next";
import { I18nextProvider } from "react-i18next";
import { i18n } from "../src/i18n";

type StoryLocale = "zh-CN" | "en";

// antd styles its own components only; plain text in ours inherits this, as in the app shell.
const FONT_FAMILY = theme.getDesignToken().fontFamily;

// One clone per language sharing the app instance's resources: switching the toolbar never
// mutates the instance other stories are rendering with.
const instances = new Map<StoryLocale, I18n>();
function instanceFor(locale: StoryLocale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18n.cloneInstance({ lng: locale });
    instances.set(locale, instance);
  }
  return instance;
}

const withLocale: Decorator = (Story, context) => {
  const locale: StoryLocale = context.globals.locale === "en" ? "en" : "zh-CN";
  dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  return (
    <I18nextProvider i18n={instanceFor(locale)}>
      <ConfigProvider locale={locale === "zh-CN" ? zhCN : enUS}>
        <div
          lang={locale}
          key={locale}
          style={{ fontFamily: FONT_FAMILY, fontSize: 14, color: "rgba(0,0,0,0.88)" }}
        >
          <Story />
        </div>
      </ConfigProvider>
    </I18nextProvider>
  );
};

const preview: Preview = {
  decorators: [withLocale],
  globalTypes: {
    locale: {
      description: "UI language / 界面语言",
      toolbar: {
        title: "Locale",
        icon: "globe",
        items: [
          { value: "zh-CN", title: "中文 (zh-CN)" },
          { value: "en", title: "English (en)" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: "zh-CN" },
  parameters: { layout: "padded", controls: { expanded: true } },
};

export default preview;
