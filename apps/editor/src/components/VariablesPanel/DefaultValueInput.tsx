// The default of a declared variable, with an input that matches its type: text, number,
// yes/no, date, date-time, money (amount + currency), person, and JSON for lists and objects.
import { UserOutlined } from "@ant-design/icons";
import { assertNever, type VariableType } from "@playbook/schema";
import { Input, InputNumber, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { type Locale, useComponentsText } from "../locale";
import { DateTimeInput } from "../widgets/DateTimeInput";
import { isValidDefault } from "./variables";

export interface DefaultValueInputProps {
  type: VariableType;
  value: unknown;
  onChange(value: unknown): void;
  id?: string | undefined;
  locale?: Locale | undefined;
}

const CURRENCIES = ["CNY", "USD", "EUR", "HKD", "JPY", "GBP", "SGD"];

export function DefaultValueInput({ type, value, onChange, id, locale }: DefaultValueInputProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const placeholder = t("variables.noDefault");
  switch (type) {
    case "string":
      return (
        <Input
          id={id}
          value={typeof value === "string" ? value : ""}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        />
      );
    case "user":
      return (
        <Input
          id={id}
          prefix={<UserOutlined style={{ color: "rgba(0,0,0,0.35)" }} />}
          value={typeof value === "string" ? value : ""}
          placeholder={t("variables.userPlaceholder")}
          onChange={(event) =>
            onChange(event.target.value.trim() === "" ? undefined : event.target.value)
          }
        />
      );
    case "number":
      return (
        <InputNumber
          id={id}
          value={typeof value === "number" ? value : null}
          placeholder={placeholder}
          style={{ width: "100%" }}
          onChange={(next) => onChange(typeof next === "number" ? next : undefined)}
        />
      );
    case "boolean":
      return (
        <Select
          id={id}
          allowClear
          value={typeof value === "boolean" ? String(value) : undefined}
          placeholder={placeholder}
          style={{ width: "100%" }}
          options={[
            { value: "true", label: t("variables.yes") },
            { value: "false", label: t("variables.no") },
          ]}
          onChange={(next: string | undefined) =>
            onChange(next === undefined ? undefined : next === "true")
          }
        />
      );
    case "date":
    case "datetime":
      return (
        <DateTimeInput
          id={id}
          mode={type}
          locale={lang}
          value={typeof value === "string" ? value : undefined}
          onChange={onChange}
        />
      );
    case "money":
      return (
        <MoneyInput
          id={id}
          value={value}
          onChange={onChange}
          placeholder={placeholder}
          currencyLabel={t("variables.currency")}
        />
      );
    case "list":
    case "object":
      return (
        <JsonInput
          id={id}
          type={type}
          value={value}
          onChange={onChange}
          placeholder={t(
            type === "list" ? "variables.listPlaceholder" : "variables.objectPlaceholder",
          )}
          error={(example) => t("variables.jsonInvalid", { example })}
        />
      );
    default:
      return assertNever(type);
  }
}

interface MoneyInputProps {
  value: unknown;
  onChange(value: unknown): void;
  placeholder: string;
  currencyLabel: string;
  id?: string | undefined;
}

function MoneyInput({ value, onChange, placeholder, currencyLabel, id }: MoneyInputProps) {
  const money = isValidDefault("money", value)
    ? (value as { amount: number; currency: string })
    : undefined;
  const [currency, setCurrency] = useState(money?.currency ?? "CNY");
  return (
    <Space.Compact style={{ width: "100%" }}>
      <InputNumber
        id={id}
        value={money?.amount ?? null}
        placeholder={placeholder}
        style={{ flex: 1 }}
        onChange={(amount) =>
          onChange(typeof amount === "number" ? { amount, currency } : undefined)
        }
      />
      <Select
        value={money?.currency ?? currency}
        aria-label={currencyLabel}
        style={{ width: 84 }}
        options={CURRENCIES.map((code) => ({ value: code, label: code }))}
        onChange={(next: string) => {
          setCurrency(next);
          if (money) onChange({ amount: money.amount, currency: next });
        }}
      />
    </Space.Compact>
  );
}

interface JsonInputProps {
  type: "list" | "object";
  value: unknown;
  onChange(value: unknown): void;
  placeholder: string;
  error(example: string): string;
  id?: string | undefined;
}

/** Lists and objects as JSON text; the value changes only when the text parses to the type. */
function JsonInput({ type, value, onChange, placeholder, error, id }: JsonInputProps) {
  const shown = value === undefined ? "" : JSON.stringify(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const parsed = parseJson(draft);
  const bad = draft.trim() !== "" && (parsed === undefined || !isValidDefault(type, parsed.value));
  return (
    <div>
      <Input
        id={id}
        value={draft}
        placeholder={placeholder}
        status={bad ? "error" : undefined}
        style={{ fontFamily: "monospace" }}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (text.trim() === "") return onChange(undefined);
          const next = parseJson(text);
          if (next && isValidDefault(type, next.value)) onChange(next.value);
        }}
      />
      {bad && (
        <div style={{ color: "#ff4d4f", fontSize: 12, marginTop: 4 }}>{error(placeholder)}</div>
      )}
    </div>
  );
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
