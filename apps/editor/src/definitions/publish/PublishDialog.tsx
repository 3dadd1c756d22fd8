// Publishing: a version note, then the draft is saved (if anything is pending) and frozen as the
// next version. The server validates again; its refusal (422) or a conflict (409) is shown.
import { useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { publishDraft } from "../../api/definitions";
import { queryKeys } from "../../api/queries";
import type { Autosaver } from "../session/autosaver";

export interface PublishDialogProps {
  open: boolean;
  autosaver: Autosaver;
  onClose(): void;
}

export function PublishDialog({ open, autosaver, onClose }: PublishDialogProps) {
  const { t } = useTranslation("app");
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    setBusy(true);
    try {
      await autosaver.flush();
      const session = autosaver.session.getState();
      if (session.status !== "saved") return;
      const published = await publishDraft(session.key, session.revision, note.trim() || undefined);
      void message.success(t("publish.done", { version: published.version }));
      setNote("");
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.versions(session.key) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.definitions }),
      ]);
    } catch (error) {
      if (error instanceof ApiError && error.code === "definition.revisionConflict") {
        autosaver.session.setState({
          status: "conflict",
          theirRevision: error.details?.currentRevision,
        });
        onClose();
      } else if (error instanceof ApiError && error.code === "definition.invalid") {
        void message.error(t("publish.invalid"));
      } else {
        void message.error((error as Error).message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("publish.title")}
      okText={t("publish.submit")}
      onOk={() => void publish()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t("publish.note")}>
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={2000}
            value={note}
            placeholder={t("publish.notePlaceholder")}
            onChange={(event) => setNote(event.target.value)}
            data-testid="publish-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
