// Choosing a declared process variable (where a node writes its result, the left side of an
// assignment). A name that is not declared stays visible, marked, so nothing is lost silently.
import type { VariableDeclaration, VariableType } from "@playbook/schema";
import { Select, Tag } from "antd";
import { type Locale, pickText, useComponentsText } from "../locale";

export interface VariableSelectProps {
  value: string | undefined;
  onChange(value: string | undefined): void;
  variables: readonly VariableDeclaration[];
  /** Offer only variables of these types. */
  types?: readonly VariableType[] | undefined;
  invalid?: boolean | undefined;
  disabled?: boolean | undefined;
  allowClear?: boolean | undefined;
  id?: string | undefined;
  placeholder?: string | undefined;
  locale?: Locale | undefined;
}

export function VariableSelect({
  value,
  onChange,
  variables,
  types,
  invalid,
  disabled,
  allowClear = true,
  id,
  placeholder,
  locale,
}: VariableSelectProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const offered = types ? variables.filter((variable) => types.includes(variable.type)) : variables;
  const declared = value === undefined || value === "" || variables.some((v) => v.name === value);
  const options = offered.map((variable) => {
    const label = pickText(variable.label, lang);
    return {
      value: variable.name,
      search: `${variable.name} ${variable.label?.["zh-CN"] ?? ""} ${variable.label?.en ?? ""}`,
      label: (
        <span style={{ display: "flex", alignItems: "center", gap: 6, minWidth: 0 }}>
          <span style={{ overflow: "hidden", textOverflow: "ellipsis" }}>{variable.name}</span>
          {label && label !== variable.name && (
            <span style={{ color: "rgba(0,0,0,0.45)", fontSize: 12 }}>{label}</span>
          )}
          <Tag style={{ marginInlineStart: "auto", marginInlineEnd: 0 }} bordered={false}>
            {t(`common.type.${variable.type}`)}
          </Tag>
        </span>
      ),
    };
  });
  if (!declared && value) {
    options.unshift({
      value,
      search: value,
      label: (
        <span style={{ color: "#ff4d4f" }}>
          {value} · {t("widgets.variable.undeclared", { name: value })}
        </span>
      ),
    });
  }
  return (
    <Select
      id={id}
      value={value === "" ? undefined : value}
      options={options}
      optionLabelProp="value"
      showSearch={{ optionFilterProp: "search" }}
      allowClear={allowClear}
      placeholder={placeholder ?? t("widgets.variable.placeholder")}
      notFoundContent={t("widgets.variable.none")}
      status={invalid || !declared ? "error" : undefined}
      disabled={disabled}
      style={{ width: "100%" }}
      popupMatchSelectWidth={false}
      onChange={(next: string | undefined) => onChange(next)}
    />
  );
}
