// Shown when saving found that someone else saved this draft after it was opened: the user
// chooses whose version wins; nothing is overwritten silently.
import { Button, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { Autosaver } from "./autosaver";

export function ConflictDialog({ autosaver }: { autosaver: Autosaver }) {
  const { t } = useTranslation("app");
  const { status, theirRevision } = useStore(autosaver.session);
  const [busy, setBusy] = useState<"theirs" | "mine" | undefined>();
  const choose = async (choice: "theirs" | "mine") => {
    setBusy(choice);
    try {
      await autosaver.resolveConflict(choice);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Modal
      open={status === "conflict"}
      title={t("save.conflictTitle")}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Space>
          <Button
            loading={busy === "theirs"}
            disabled={busy !== undefined}
            onClick={() => void choose("theirs")}
          >
            {t("save.reloadTheirs")}
          </Button>
          <Button
            type="primary"
            danger
            loading={busy === "mine"}
            disabled={busy !== undefined}
            onClick={() => void choose("mine")}
          >
            {t("save.overwrite")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {t("save.conflictBody", { revision: theirRevision ?? "?" })}
      </Typography.Paragraph>
    </Modal>
  );
}
