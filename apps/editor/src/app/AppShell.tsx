// The frame around every page: product name, where you are, and the language switch.
import { Layout, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./LanguageSwitch";
import { navigate } from "./router";

export function AppShell({ children, title }: { children: ReactNode; title?: ReactNode }) {
  const { t } = useTranslation("app");
  return (
    <Layout className="pb-shell">
      <Layout.Header className="pb-header">
        <a
          className="pb-brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate({ page: "list" });
          }}
        >
          {t("app.title")}
        </a>
        <div className="pb-header-title">
          {typeof title === "string" ? <Typography.Text strong>{title}</Typography.Text> : title}
        </div>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content className="pb-content">{children}</Layout.Content>
    </Layout>
  );
}
