// Columns of the process list: name (opens it), key, state tags, latest version, last update,
// and the row actions.
import type { LocalizedText } from "@playbook/schema";
import { Button, Popconfirm, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { DefinitionSummary } from "../../api/definitions";
import { navigate } from "../../app/router";
import { useLocale } from "../../canvas/use-locale";
import { pickText } from "../../components/locale";
import type { DefinitionActions } from "./useDefinitionActions";

export function summaryName(item: DefinitionSummary, locale: "zh-CN" | "en"): string {
  return pickText(item.name as LocalizedText | undefined, locale, item.key);
}

export function useDefinitionColumns(actions: DefinitionActions): ColumnsType<DefinitionSummary> {
  const { t } = useTranslation("app");
  const locale = useLocale();
  return [
    {
      title: t("list.column.name"),
      key: "name",
      render: (_, item) => (
        <a
          href={`/definitions/${encodeURIComponent(item.key)}`}
          onClick={(event) => {
            event.preventDefault();
            navigate({ page: "editor", key: item.key });
          }}
        >
          {summaryName(item, locale)}
        </a>
      ),
      sorter: (a, b) => summaryName(a, locale).localeCompare(summaryName(b, locale), locale),
    },
    {
      title: t("list.column.key"),
      dataIndex: "key",
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    {
      title: t("list.column.state"),
      key: "state",
      render: (_, item) => (
        <Space size={4} wrap>
          {item.latestVersion !== null ? (
            <Tag color="green">{t("list.state.published")}</Tag>
          ) : null}
          {item.draftRevision === null ? (
            <Tag>{t("list.state.noDraft")}</Tag>
          ) : item.unpublishedChanges ? (
            <Tag color="gold">
              {t(item.latestVersion === null ? "list.state.draft" : "list.state.changed")}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("list.column.latestVersion"),
      dataIndex: "latestVersion",
      render: (version: number | null) => (version === null ? "—" : `v${version}`),
    },
    {
      title: t("list.column.updatedAt"),
      dataIndex: "updatedAt",
      render: (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm"),
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      defaultSortOrder: "descend",
    },
    {
      title: t("list.column.actions"),
      key: "actions",
      render: (_, item) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => navigate({ page: "editor", key: item.key })}
          >
            {t("list.open")}
          </Button>
          <Button type="link" size="small" onClick={() => void actions.duplicate(item)}>
            {t("list.duplicate")}
          </Button>
          {item.draftRevision !== null ? (
            <Popconfirm
              title={t("list.deleteConfirm", { name: summaryName(item, locale) })}
              onConfirm={() => actions.deleteDraft(item)}
            >
              <Button type="link" size="small" danger>
                {t("list.deleteDraft")}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
}
