// The editor app: the process list, or one process open on the canvas.
import { Result } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { DefinitionsPage } from "../definitions/list/DefinitionsPage";
import { AppShell } from "./AppShell";
import { PageLoading } from "./PageLoading";
import { Providers } from "./Providers";
import { navigate, useRoute } from "./router";

// The canvas (React Flow, FEEL editor, forms) is the heavy part; the list loads without it.
const EditorPage = lazy(() =>
  import("../definitions/editor/EditorPage").then((module) => ({ default: module.EditorPage })),
);

function Pages() {
  const route = useRoute();
  const { t } = useTranslation("app");
  switch (route.page) {
    case "list":
      return <DefinitionsPage />;
    case "editor":
      return (
        <Suspense fallback={<PageLoading />}>
          <EditorPage key={route.key} definitionKey={route.key} />
        </Suspense>
      );
    case "notFound":
      return (
        <AppShell>
          <Result
            status="404"
            title="404"
            subTitle={
              <a
                href="/"
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ page: "list" });
                }}
              >
                {t("app.notFound")}
              </a>
            }
          />
        </AppShell>
      );
  }
}

export function App() {
  return (
    <Providers>
      <Pages />
    </Providers>
  );
}
