// "Import JSON": picks a file, parses it as a process definition, and either hands the definition
// on or tells the user exactly what is wrong with the file.
import type { ProcessDefinition } from "@playbook/schema";
import { App, Button } from "antd";
import { type ReactNode, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNodeTypes } from "../../api/queries";
import { useLocale } from "../../canvas/use-locale";
import { pickText } from "../../components/locale";
import { parseDefinitionFile } from "./definition-file";

const SHOWN_ISSUES = 8;

export interface ImportButtonProps {
  label: string;
  icon?: ReactNode;
  onDefinition(definition: ProcessDefinition, fileName: string): void | Promise<void>;
  /** Renders as a plain icon button (toolbar) instead of a labelled one. */
  compact?: boolean;
}

export function ImportButton({ label, icon, onDefinition, compact }: ImportButtonProps) {
  const { t } = useTranslation("app");
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const nodeTypes = useNodeTypes();

  const onFile = async (file: File) => {
    const result = parseDefinitionFile(await file.text(), nodeTypes.data);
    if (result.ok) {
      await onDefinition(result.definition, file.name);
      return;
    }
    if (result.kind === "notJson") {
      void message.error(t("importExport.notJson", { file: file.name, message: result.message }));
      return;
    }
    const shown = result.issues.slice(0, SHOWN_ISSUES);
    const more = result.issues.length - shown.length;
    modal.error({
      title: t("importExport.invalidTitle", { file: file.name }),
      width: 560,
      content: (
        <div data-testid="import-issues">
          <p>{t("importExport.invalidIntro")}</p>
          <ul style={{ paddingInlineStart: 20 }}>
            {shown.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond order
              <li key={index}>{pickText(issue, locale)}</li>
            ))}
          </ul>
          {more > 0 ? <p>{t("importExport.moreIssues", { count: more })}</p> : null}
        </div>
      ),
    });
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        style={{ display: "none" }}
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void onFile(file);
        }}
      />
      <Button
        icon={icon}
        onClick={() => input.current?.click()}
        title={compact ? label : undefined}
        aria-label={label}
      >
        {compact ? null : label}
      </Button>
    </>
  );
}
