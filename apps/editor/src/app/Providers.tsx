// Everything the pages share: server-data cache, antd in the UI language (its own zh_CN/en_US
// texts for date pickers, pagination, empty states), and the message/modal context.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { type ReactNode, useEffect, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { i18n, toLocale } from "../i18n";

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation("app");
  const locale = toLocale(instance.resolvedLanguage ?? instance.language);
  useEffect(() => {
    dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === "zh-CN" ? zhCN : enUS}
      theme={{ token: { colorPrimary: "#1677ff", borderRadius: 6 } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp style={{ height: "100%" }}>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
