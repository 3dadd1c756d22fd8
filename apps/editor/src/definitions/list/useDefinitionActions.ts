// What the list's buttons do against the server: duplicate under a fresh key, delete a draft,
// create from an imported file. Failures are shown as messages with the server's reason.
import type { ProcessDefinition } from "@playbook/schema";
import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import type { DefinitionSummary } from "../../api/definitions";
import { createDefinition, deleteDraft, listDefinitions, loadDraft } from "../../api/definitions";
import { queryKeys } from "../../api/queries";
import { useLocale } from "../../canvas/use-locale";
import { uniqueKey } from "../keys";
import { copyOfDefinition } from "../templates";

export interface DefinitionActions {
  duplicate(item: DefinitionSummary): Promise<void>;
  deleteDraft(item: DefinitionSummary): Promise<void>;
  importAsNew(definition: ProcessDefinition): Promise<ProcessDefinition | undefined>;
}

export function useDefinitionActions(): DefinitionActions {
  const { t } = useTranslation("app");
  const { message } = App.useApp();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.definitions });
  const fail = (error: unknown) => void message.error((error as Error).message);

  return {
    async duplicate(item) {
      try {
        const source = await loadDraft(item.key);
        const taken = new Set((await listDefinitions()).map((summary) => summary.key));
        const name = source.definition.name;
        const copy = copyOfDefinition(source.definition, uniqueKey(`${item.key}-copy`, taken), {
          "zh-CN": `${name["zh-CN"]}${t("list.copySuffix", { lng: "zh-CN" })}`,
          en: `${name.en}${t("list.copySuffix", { lng: "en" })}`,
        });
        await createDefinition(copy);
        await refresh();
        void message.success(t("list.duplicated", { name: copy.name[locale] }));
      } catch (error) {
        fail(error);
      }
    },
    async deleteDraft(item) {
      try {
        await deleteDraft(item.key, item.draftRevision ?? undefined);
        await refresh();
        void message.success(t("list.deleted"));
      } catch (error) {
        fail(error);
      }
    },
    async importAsNew(definition) {
      try {
        await createDefinition(definition);
        await refresh();
        return definition;
      } catch (error) {
        if (error instanceof ApiError && error.code === "definition.exists") {
          void message.error(t("create.exists", { key: definition.key }));
        } else fail(error);
        return undefined;
      }
    },
  };
}
