// Ordered assignments `variable := FEEL`: each row picks a declared variable and gives its value
// as a FEEL expression; rows can be added, removed and moved (later rows may read earlier ones).
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import type { VariableDeclaration } from "@playbook/schema";
import { Button, Tooltip, Typography } from "antd";
import { type Locale, useComponentsText } from "../locale";
import { FeelInput } from "./FeelInput/FeelInput";
import {
  addRow,
  type MappingRow,
  moveRow,
  removeRow,
  repeatedVariables,
  updateRow,
} from "./mapping";
import { VariableSelect } from "./VariableSelect";

export interface MappingEditorProps {
  value: readonly MappingRow[];
  onChange(rows: MappingRow[]): void;
  variables: readonly VariableDeclaration[];
  /** Messages for one cell, e.g. from the validator's `config.assignments.2.expression`. */
  errorsAt?: ((index: number, column: keyof MappingRow) => readonly string[]) | undefined;
  disabled?: boolean | undefined;
  locale?: Locale | undefined;
}

export function MappingEditor({
  value,
  onChange,
  variables,
  errorsAt = () => [],
  disabled,
  locale,
}: MappingEditorProps) {
  const { t } = useComponentsText(locale);
  const repeated = repeatedVariables(value);
  const names = variables.map((variable) => variable.name);

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      {value.length === 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("widgets.mapping.empty")}
        </Typography.Text>
      )}
      {value.map((row, index) => {
        const variableErrors = errorsAt(index, "variable");
        const expressionErrors = errorsAt(index, "expression");
        return (
          <div
            // Rows have no identity of their own; position is what the user reorders.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            style={{
              border: "1px solid #f0f0f0",
              borderRadius: 8,
              padding: 8,
              background: "#fafafa",
            }}
          >
            <div style={{ display: "flex", alignItems: "center", gap: 6 }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <VariableSelect
                  value={row.variable}
                  variables={variables}
                  invalid={variableErrors.length > 0 || repeated.has(row.variable)}
                  disabled={disabled}
                  allowClear={false}
                  placeholder={t("widgets.mapping.variable")}
                  locale={locale}
                  onChange={(variable) =>
                    onChange(updateRow(value, index, { variable: variable ?? "" }))
                  }
                />
              </div>
              <code style={{ color: "rgba(0,0,0,0.45)", fontWeight: 600 }}>:=</code>
              <Tooltip title={t("widgets.mapping.moveUp")}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t("widgets.mapping.moveUp")}
                  disabled={disabled || index === 0}
                  onClick={() => onChange(moveRow(value, index, -1))}
                />
              </Tooltip>
              <Tooltip title={t("widgets.mapping.moveDown")}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t("widgets.mapping.moveDown")}
                  disabled={disabled || index === value.length - 1}
                  onClick={() => onChange(moveRow(value, index, 1))}
                />
              </Tooltip>
              <Tooltip title={t("widgets.mapping.remove")}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("widgets.mapping.remove")}
                  disabled={disabled}
                  onClick={() => onChange(removeRow(value, index))}
                />
              </Tooltip>
            </div>
            {[
              ...variableErrors,
              ...(repeated.has(row.variable)
                ? [t("widgets.mapping.repeated", { name: row.variable })]
                : []),
            ].map((message) => (
              <div key={message} style={{ color: "#ff4d4f", fontSize: 12, marginTop: 4 }}>
                {message}
              </div>
            ))}
            <div style={{ marginTop: 6 }}>
              <FeelInput
                value={row.expression}
                variables={variables}
                error={expressionErrors}
                disabled={disabled}
                ariaLabel={`${row.variable || t("widgets.mapping.variable")} := ${t("widgets.mapping.expression")}`}
                locale={locale}
                onChange={(expression) => onChange(updateRow(value, index, { expression }))}
              />
            </div>
          </div>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        disabled={disabled}
        onClick={() => onChange(addRow(value, names))}
        block
      >
        {t("widgets.mapping.add")}
      </Button>
      {value.length > 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("widgets.mapping.orderHint")}
        </Typography.Text>
      )}
    </div>
  );
}
