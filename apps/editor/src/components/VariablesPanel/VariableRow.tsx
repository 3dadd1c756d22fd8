// One declared variable in the variables panel: name (checked as typed, committed on leaving the
// field; an invalid name is never written), type, display name, required, default.
import { DeleteOutlined } from "@ant-design/icons";
import { type LocalizedText, type VariableDeclaration, VariableType } from "@playbook/schema";
import { Button, Input, Select, Switch, Tooltip, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { type Locale, useComponentsText } from "../locale";
import { DefaultValueInput } from "./DefaultValueInput";
import { nameError } from "./variables";

export interface VariableRowProps {
  variable: VariableDeclaration;
  /** Every declared name, this one included, to flag duplicates. */
  allNames: readonly string[];
  onChange(patch: Partial<VariableDeclaration>): void;
  /** A new, well-formed name, committed when the name field is left. */
  onRename(name: string): void;
  onLabelChange(label: LocalizedText | undefined): void;
  onRemove(): void;
  locale: Locale;
}

export function VariableRow({
  variable,
  allNames,
  onChange,
  onRename,
  onLabelChange,
  onRemove,
  locale,
}: VariableRowProps) {
  const { t } = useComponentsText(locale);
  const [name, setName] = useState(variable.name);
  // Escape: leave the field without committing what was typed.
  const cancelledRef = useRef(false);
  useEffect(() => setName(variable.name), [variable.name]);
  const names = allNames.map((other) => (other === variable.name ? name : other));
  const error = nameError(name, names);

  return (
    <div
      style={{
        border: `1px solid ${error ? "#ffccc7" : "#f0f0f0"}`,
        borderRadius: 8,
        padding: 10,
        display: "flex",
        flexDirection: "column",
        gap: 8,
      }}
    >
      <div style={{ display: "flex", gap: 6, alignItems: "flex-start" }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Input
            value={name}
            status={error ? "error" : undefined}
            placeholder={t("variables.namePlaceholder")}
            aria-label={t("variables.name")}
            style={{ fontWeight: 500 }}
            onChange={(event) => setName(event.target.value)}
            // The name is committed when the field is left (or on Enter), as one rename that
            // carries the variable's uses along; a malformed name goes back to the saved one.
            // A duplicate is committed too, so both rows get flagged.
            onBlur={() => {
              const cancelled = cancelledRef.current;
              cancelledRef.current = false;
              if (cancelled || nameError(name, []) !== undefined) setName(variable.name);
              else if (name !== variable.name) onRename(name);
            }}
            onPressEnter={(event) => event.currentTarget.blur()}
            onKeyDown={(event) => {
              if (event.key !== "Escape") return;
              cancelledRef.current = true;
              event.currentTarget.blur();
            }}
          />
        </div>
        <Select
          value={variable.type}
          aria-label={t("variables.type")}
          style={{ width: locale === "zh-CN" ? 112 : 132 }}
          popupMatchSelectWidth={false}
          options={VariableType.options.map((type) => ({
            value: type,
            label: t(`common.type.${type}`),
          }))}
          onChange={(type) => onChange({ type })}
        />
        <Tooltip title={t("variables.remove")}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("variables.remove")}
            onClick={onRemove}
          />
        </Tooltip>
      </div>
      {error && (
        <div role="alert" style={{ color: "#ff4d4f", fontSize: 12, marginTop: -4 }}>
          {t(`variables.nameError.${error}`)}
        </div>
      )}
      <div
        style={{
          display: "grid",
          gridTemplateColumns: "auto 1fr",
          gap: "8px 10px",
          alignItems: "center",
        }}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("variables.label")}
        </Typography.Text>
        <LabelPair value={variable.label} onChange={onLabelChange} locale={locale} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("variables.default")}
        </Typography.Text>
        <DefaultValueInput
          type={variable.type}
          value={variable.default}
          locale={locale}
          onChange={(value) => onChange({ default: value })}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("variables.required")}
        </Typography.Text>
        <Tooltip title={t("variables.requiredHint")} placement="topLeft">
          <span style={{ justifySelf: "start" }}>
            <Switch
              size="small"
              checked={variable.required}
              aria-label={t("variables.required")}
              onChange={(required) => onChange({ required })}
            />
          </span>
        </Tooltip>
      </div>
    </div>
  );
}

/**
 * A variable's display name needs both languages (or none); a half-filled pair stays a draft
 * here, with a hint, until the other half is typed.
 */
function LabelPair({
  value,
  onChange,
  locale,
}: {
  value: LocalizedText | undefined;
  onChange(label: LocalizedText | undefined): void;
  locale: Locale;
}) {
  const { t } = useComponentsText(locale);
  const [draft, setDraft] = useState({ "zh-CN": value?.["zh-CN"] ?? "", en: value?.en ?? "" });
  const committedZh = value?.["zh-CN"] ?? "";
  const committedEn = value?.en ?? "";
  useEffect(() => setDraft({ "zh-CN": committedZh, en: committedEn }), [committedZh, committedEn]);
  const zh = draft["zh-CN"].trim();
  const en = draft.en.trim();
  const partial = (zh === "") !== (en === "");

  const update = (key: "zh-CN" | "en", text: string) => {
    const next = { ...draft, [key]: text };
    setDraft(next);
    const nextZh = next["zh-CN"].trim();
    const nextEn = next.en.trim();
    if (nextZh === "" && nextEn === "") onChange(undefined);
    else if (nextZh !== "" && nextEn !== "") onChange({ "zh-CN": next["zh-CN"], en: next.en });
  };

  return (
    <div>
      <div style={{ display: "flex", gap: 6 }}>
        <Input
          value={draft["zh-CN"]}
          placeholder={t("variables.labelZh")}
          aria-label={`${t("variables.label")} · ${t("common.labelZh")}`}
          status={partial && zh === "" ? "warning" : undefined}
          onChange={(event) => update("zh-CN", event.target.value)}
        />
        <Input
          value={draft.en}
          placeholder={t("variables.labelEn")}
          aria-label={`${t("variables.label")} · ${t("common.labelEn")}`}
          status={partial && en === "" ? "warning" : undefined}
          onChange={(event) => update("en", event.target.value)}
        />
      </div>
      {partial && (
        <div style={{ color: "#d48806", fontSize: 12, marginTop: 4 }}>
          {t("variables.labelPartial")}
        </div>
      )}
    </div>
  );
}
