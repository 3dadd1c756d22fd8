// One process open for editing: loads the draft and the node types, then shows the workspace
// (palette, canvas, problems, side panel) under a header with the process name and its save
// state. The workspace waits for the node types: validated without them, every node would flash
// up as "unknown type" after a reload.
import { ReactFlowProvider } from "@xyflow/react";
import { Button, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNodeTypes } from "../../api/queries";
import { AppShell } from "../../app/AppShell";
import { PageLoading } from "../../app/PageLoading";
import { navigate } from "../../app/router";
import { useLocale } from "../../canvas/use-locale";
import { pickText } from "../../components/locale";
import { useEditor } from "../../state/hooks";
import { ConflictDialog } from "../session/ConflictDialog";
import { SaveStatus, VersionCopyNotice } from "../session/SaveStatus";
import { EditorWorkspace } from "./EditorWorkspace";
import { useEditorSession } from "./useEditorSession";

export function EditorPage({ definitionKey }: { definitionKey: string }) {
  const { t } = useTranslation("app");
  const locale = useLocale();
  const { draft, autosaver } = useEditorSession(definitionKey);
  const nodeTypes = useNodeTypes();
  // Only what the header shows: the page must not re-render while a node is dragged.
  const loadedKey = useEditor((state) => state.definition?.key);
  const name = useEditor((state) => state.definition?.name);
  const ready = autosaver !== undefined && loadedKey === definitionKey;
  const failed = draft.isError ? draft : nodeTypes.isError ? nodeTypes : undefined;

  const title = (
    <Space size={12}>
      <Button
        type="link"
        size="small"
        onClick={() => navigate({ page: "list" })}
        style={{ paddingInline: 0 }}
      >
        {t("editor.back")}
      </Button>
      <Typography.Text type="secondary">/</Typography.Text>
      <Typography.Text strong data-testid="definition-name">
        {ready ? pickText(name, locale, definitionKey) : definitionKey}
      </Typography.Text>
      {ready ? <SaveStatus autosaver={autosaver} /> : null}
    </Space>
  );

  return (
    <AppShell title={title}>
      {failed ? (
        <Result
          status="warning"
          title={t("app.loadFailed", { message: (failed.error as Error).message })}
          extra={<Button onClick={() => void failed.refetch()}>{t("app.retry")}</Button>}
        />
      ) : !ready || nodeTypes.data === undefined ? (
        <PageLoading />
      ) : (
        <ReactFlowProvider>
          <VersionCopyNotice autosaver={autosaver} />
          <EditorWorkspace autosaver={autosaver} />
          <ConflictDialog autosaver={autosaver} />
        </ReactFlowProvider>
      )}
    </AppShell>
  );
}
