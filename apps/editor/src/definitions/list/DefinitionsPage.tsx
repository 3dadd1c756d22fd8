// The process list: search, create (blank, template, or a copy of an existing process), import a
// JSON file, open, duplicate, delete a draft; each row shows draft/published state and version.
import { ImportOutlined, PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Empty, Input, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DefinitionSummary } from "../../api/definitions";
import { useDefinitionList } from "../../api/queries";
import { AppShell } from "../../app/AppShell";
import { navigate } from "../../app/router";
import { useLocale } from "../../canvas/use-locale";
import { pickText } from "../../components/locale";
import { ImportButton } from "../transfer/ImportButton";
import { CreateDefinitionDialog } from "./CreateDefinitionDialog";
import { useDefinitionColumns } from "./columns";
import { useDefinitionActions } from "./useDefinitionActions";

export function DefinitionsPage() {
  const { t } = useTranslation("app");
  const locale = useLocale();
  const { message } = App.useApp();
  const list = useDefinitionList();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const actions = useDefinitionActions();
  const queryClient = useQueryClient();
  const columns = useDefinitionColumns(actions);

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const items = list.data ?? [];
    if (!needle) return items;
    return items.filter((item) => searchText(item).includes(needle));
  }, [list.data, query]);

  return (
    <AppShell title={t("list.title")}>
      <div className="pb-list-page">
        <div className="pb-list-toolbar">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("list.search")}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ maxWidth: 320 }}
            aria-label={t("list.search")}
          />
          <Space>
            <ImportButton
              icon={<ImportOutlined />}
              label={t("list.import")}
              onDefinition={async (definition) => {
                const created = await actions.importAsNew(definition);
                if (created) {
                  void message.success(
                    t("importExport.created", { name: pickText(created.name, locale) }),
                  );
                  navigate({ page: "editor", key: created.key });
                }
              }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("list.create")}
            </Button>
          </Space>
        </div>
        <Table<DefinitionSummary>
          rowKey="key"
          loading={list.isLoading}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: list.isError ? (
              <Typography.Text type="danger">
                {t("app.loadFailed", { message: (list.error as Error).message })}
              </Typography.Text>
            ) : (
              <Empty description={t("list.empty")} />
            ),
          }}
          onRow={(record) => ({
            onDoubleClick: () => navigate({ page: "editor", key: record.key }),
          })}
        />
      </div>
      <CreateDefinitionDialog
        open={creating}
        existing={list.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: ["definitions"] });
          navigate({ page: "editor", key });
        }}
      />
    </AppShell>
  );
}

function searchText(item: DefinitionSummary): string {
  const name = item.name as { "zh-CN"?: string; en?: string } | null;
  return `${item.key} ${name?.["zh-CN"] ?? ""} ${name?.en ?? ""}`.toLowerCase();
}
