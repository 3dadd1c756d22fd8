// Saved / saving… / unsaved / not saved (with "save again") next to the process name.
import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { Alert, Button, Space, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { Autosaver } from "./autosaver";

export function SaveStatus({ autosaver }: { autosaver: Autosaver }) {
  const { t } = useTranslation("app");
  const { status, error } = useStore(autosaver.session);
  const common = { "data-testid": "save-status", "data-status": status } as const;
  switch (status) {
    case "saved":
      return (
        <Typography.Text type="secondary" {...common}>
          <CheckCircleOutlined /> {t("save.saved")}
        </Typography.Text>
      );
    case "saving":
      return (
        <Typography.Text type="secondary" {...common}>
          <CloudSyncOutlined spin /> {t("save.saving")}
        </Typography.Text>
      );
    case "dirty":
      return (
        <Typography.Text type="secondary" {...common}>
          <EditOutlined /> {t("save.dirty")}
        </Typography.Text>
      );
    case "error":
      return (
        <Space size={4} {...common}>
          <Tooltip title={error}>
            <Typography.Text type="danger">
              <ExclamationCircleOutlined /> {t("save.error", { message: shorten(error ?? "") })}
            </Typography.Text>
          </Tooltip>
          <Button size="small" onClick={() => void autosaver.flush()}>
            {t("save.retry")}
          </Button>
        </Space>
      );
    case "conflict":
      return (
        <Typography.Text type="danger" {...common}>
          <WarningOutlined /> {t("save.conflictTitle")}
        </Typography.Text>
      );
  }
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** While the canvas shows a copy of a published version and no draft exists yet. */
export function VersionCopyNotice({ autosaver }: { autosaver: Autosaver }) {
  const { t } = useTranslation("app");
  const source = useStore(autosaver.session, (state) => state.source);
  if (source.kind !== "version") return null;
  return <Alert type="info" banner title={t("editor.fromVersion", { version: source.version })} />;
}
