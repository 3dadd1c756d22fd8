// Published versions, newest first, with their notes; any version can be copied back into the
// draft (one undoable change on the canvas).
import { App, Button, Drawer, Empty, List, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { loadVersion } from "../../api/definitions";
import { useVersions } from "../../api/queries";
import { editorStore } from "../../state/hooks";

export interface VersionsDrawerProps {
  open: boolean;
  definitionKey: string;
  onClose(): void;
}

export function VersionsDrawer({ open, definitionKey, onClose }: VersionsDrawerProps) {
  const { t } = useTranslation("app");
  const { message, modal } = App.useApp();
  const versions = useVersions(definitionKey, open);

  const restore = (version: number) =>
    modal.confirm({
      title: t("versions.restoreConfirm", { version }),
      onOk: async () => {
        const found = await loadVersion(definitionKey, version);
        editorStore.getState().apply({
          kind: "replaceDefinition",
          definition: { ...found.definition, key: definitionKey },
        });
        void message.success(t("versions.restored", { version }));
        onClose();
      },
    });

  return (
    <Drawer open={open} title={t("versions.title")} onClose={onClose} size={400}>
      <List
        loading={versions.isLoading}
        dataSource={versions.data ?? []}
        locale={{ emptyText: <Empty description={t("versions.empty")} /> }}
        renderItem={(item) => (
          <List.Item
            data-testid="version-item"
            actions={[
              <Button key="restore" size="small" onClick={() => restore(item.version)}>
                {t("versions.restore")}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={t("versions.version", { version: item.version })}
              description={
                <>
                  <div>
                    {item.note ?? (
                      <Typography.Text type="secondary">{t("versions.noNote")}</Typography.Text>
                    )}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(item.publishedAt).format("YYYY-MM-DD HH:mm")}
                    {item.publishedBy ? ` · ${item.publishedBy}` : ""}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
