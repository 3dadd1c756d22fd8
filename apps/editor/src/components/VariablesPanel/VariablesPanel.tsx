// The process variables: the only names conditions and expressions may read, and what a start
// must provide. Add, edit (name, type, display name, required, default) and delete; invalid and
// duplicate names are flagged inline.
import { PlusOutlined } from "@ant-design/icons";
import type { VariableDeclaration } from "@playbook/schema";
import { Button, Typography } from "antd";
import { type Locale, useComponentsText } from "../locale";
import { VariableRow } from "./VariableRow";
import { newVariable, patchVariable } from "./variables";

export interface VariablesPanelProps {
  variables: readonly VariableDeclaration[];
  onChange(next: VariableDeclaration[]): void;
  /** Renames variable `index`; without it a rename is a plain edit of the declaration. */
  onRename?(index: number, name: string): void;
  locale?: Locale | undefined;
}

export function VariablesPanel({ variables, onChange, onRename, locale }: VariablesPanelProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const names = variables.map((variable) => variable.name);

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <header
        style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 8 }}
      >
        <div>
          <Typography.Title level={5} style={{ margin: 0, display: "inline" }}>
            {t("variables.title")}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {t("variables.count", { count: variables.length })}
          </Typography.Text>
        </div>
        <Button
          size="small"
          type="primary"
          ghost
          icon={<PlusOutlined />}
          onClick={() => onChange([...variables, newVariable(variables, t("variables.newBase"))])}
        >
          {t("variables.add")}
        </Button>
      </header>
      {variables.length === 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("variables.empty")}
        </Typography.Text>
      )}
      {variables.map((variable, index) => (
        <VariableRow
          // Names change while typing; the position is the row's identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          variable={variable}
          allNames={names}
          locale={lang}
          onChange={(patch) => onChange(patchVariable(variables, index, patch))}
          onRename={(name) =>
            onRename ? onRename(index, name) : onChange(patchVariable(variables, index, { name }))
          }
          onLabelChange={(label) =>
            onChange(
              variables.map((current, i) => {
                if (i !== index) return current;
                const { label: _old, ...rest } = current;
                return label ? { ...rest, label } : rest;
              }),
            )
          }
          onRemove={() => onChange(variables.filter((_, i) => i !== index))}
        />
      ))}
    </div>
  );
}
