// The editor's toolbar: undo/redo, clipboard, layout and navigation on the left; file, versions
// and publish on the right. Publish is disabled while there are errors, and says why.
import {
  ApartmentOutlined,
  CopyOutlined,
  DeleteOutlined,
  DownloadOutlined,
  ExpandOutlined,
  HistoryOutlined,
  RedoOutlined,
  SearchOutlined,
  SnippetsOutlined,
  UndoOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import type { ProcessDefinition } from "@playbook/schema";
import { Button, Divider, Space, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useEditor, useHistory } from "../../state/hooks";
import { ImportButton } from "../transfer/ImportButton";

export interface EditorToolbarProps {
  errorCount: number;
  inConflict: boolean;
  onCopy(): void;
  onPaste(): void;
  onDelete(): void;
  onAutoLayout(): void;
  onFitView(): void;
  onSearch(): void;
  onExport(): void;
  onImport(definition: ProcessDefinition, fileName: string): void;
  onVersions(): void;
  onPublish(): void;
  layoutBusy: boolean;
}

function Tool({
  title,
  icon,
  onClick,
  disabled,
  testId,
}: {
  title: string;
  icon: ReactNode;
  onClick(): void;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Tooltip title={title}>
      <Button
        type="text"
        icon={icon}
        onClick={onClick}
        disabled={disabled}
        aria-label={title}
        data-testid={testId}
      />
    </Tooltip>
  );
}

export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation("app");
  const canUndo = useHistory((state) => state.pastStates.length > 0);
  const canRedo = useHistory((state) => state.futureStates.length > 0);
  const hasSelection = useEditor(
    (state) => state.selection.nodes.length + state.selection.edges.length > 0,
  );
  const hasNodesSelected = useEditor((state) => state.selection.nodes.length > 0);
  const undo = useEditor((state) => state.undo);
  const redo = useEditor((state) => state.redo);
  const publishBlocker = props.inConflict
    ? t("editor.publishWhileConflict")
    : props.errorCount > 0
      ? t("editor.publishBlocked", { count: props.errorCount })
      : undefined;

  return (
    <div className="pb-toolbar" role="toolbar">
      <Space size={2} wrap>
        <Tool
          title={t("editor.undo")}
          icon={<UndoOutlined />}
          onClick={undo}
          disabled={!canUndo}
          testId="undo"
        />
        <Tool
          title={t("editor.redo")}
          icon={<RedoOutlined />}
          onClick={redo}
          disabled={!canRedo}
          testId="redo"
        />
        <Divider orientation="vertical" />
        <Tool
          title={t("editor.copy")}
          icon={<CopyOutlined />}
          onClick={props.onCopy}
          disabled={!hasNodesSelected}
        />
        <Tool title={t("editor.paste")} icon={<SnippetsOutlined />} onClick={props.onPaste} />
        <Tool
          title={t("editor.delete")}
          icon={<DeleteOutlined />}
          onClick={props.onDelete}
          disabled={!hasSelection}
        />
        <Divider orientation="vertical" />
        <Tooltip title={t("editor.autoLayout")}>
          <Button
            type="text"
            icon={<ApartmentOutlined />}
            onClick={props.onAutoLayout}
            loading={props.layoutBusy}
            data-testid="auto-layout"
          >
            {t("editor.autoLayout")}
          </Button>
        </Tooltip>
        <Tool title={t("editor.fitView")} icon={<ExpandOutlined />} onClick={props.onFitView} />
        <Tool title={t("editor.search")} icon={<SearchOutlined />} onClick={props.onSearch} />
      </Space>
      <Space size={6}>
        <ImportButton
          compact
          icon={<UploadOutlined />}
          label={t("editor.import")}
          onDefinition={props.onImport}
        />
        <Tooltip title={t("editor.export")}>
          <Button
            icon={<DownloadOutlined />}
            onClick={props.onExport}
            aria-label={t("editor.export")}
          />
        </Tooltip>
        <Button icon={<HistoryOutlined />} onClick={props.onVersions}>
          {t("editor.versions")}
        </Button>
        {publishBlocker ? (
          <Typography.Text
            type="danger"
            className="pb-publish-blocker"
            data-testid="publish-blocker"
          >
            {publishBlocker}
          </Typography.Text>
        ) : null}
        <Tooltip title={publishBlocker}>
          <Button
            type="primary"
            disabled={publishBlocker !== undefined}
            onClick={props.onPublish}
            data-testid="publish"
          >
            {t("editor.publish")}
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
}
