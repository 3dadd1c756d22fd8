// A duration field: amount + unit (分钟/小时/天/周) for the common case, stored as ISO 8601
// (PT2H, P3D); a raw ISO mode for what one unit cannot express (P1M, P1DT2H30M).
import { isIsoDuration } from "@playbook/schema";
import { Button, Input, InputNumber, Select, Space, Tooltip } from "antd";
import { useEffect, useState } from "react";
import { type Locale, useComponentsText } from "../locale";
import {
  DURATION_UNITS,
  type DurationUnit,
  durationParts,
  fromFriendly,
  toFriendly,
} from "./duration";

export interface DurationInputProps {
  value: string | undefined;
  onChange(value: string | undefined): void;
  invalid?: boolean | undefined;
  disabled?: boolean | undefined;
  id?: string | undefined;
  locale?: Locale | undefined;
}

export function DurationInput({
  value,
  onChange,
  invalid,
  disabled,
  id,
  locale,
}: DurationInputProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const friendly = value ? toFriendly(value) : undefined;
  const [raw, setRaw] = useState(value !== undefined && value !== "" && !friendly);
  // The unit survives clearing the amount, so retyping keeps "天".
  const [unit, setUnit] = useState<DurationUnit>(friendly?.unit ?? "hours");
  const friendlyUnit = friendly?.unit;
  useEffect(() => {
    if (friendlyUnit) setUnit(friendlyUnit);
  }, [friendlyUnit]);

  const describe = (iso: string) =>
    durationParts(iso)
      ?.map((part) => t(`widgets.duration.part.${part.unit}`, { count: part.amount }))
      .join(" ");

  if (raw) {
    const bad = value !== undefined && value !== "" && !isIsoDuration(value);
    return (
      <Space.Compact style={{ width: "100%" }}>
        <Input
          id={id}
          value={value ?? ""}
          disabled={disabled}
          status={bad || invalid ? "error" : undefined}
          placeholder="PT2H"
          title={t("widgets.duration.rawHint")}
          suffix={
            <span style={{ color: "rgba(0,0,0,0.45)", fontSize: 12 }}>
              {bad ? t("widgets.duration.invalid") : value ? describe(value) : ""}
            </span>
          }
          onChange={(event) => {
            const next = event.target.value.trim().toUpperCase();
            onChange(next === "" ? undefined : next);
          }}
        />
        <Tooltip title={t("widgets.duration.rawHint")}>
          <Button
            autoInsertSpace={false}
            disabled={disabled || (value !== undefined && value !== "" && !friendly)}
            onClick={() => setRaw(false)}
          >
            {t("widgets.duration.friendly")}
          </Button>
        </Tooltip>
      </Space.Compact>
    );
  }

  return (
    <Space.Compact style={{ width: "100%" }}>
      <InputNumber
        id={id}
        min={1}
        precision={0}
        value={friendly?.amount ?? null}
        disabled={disabled}
        status={invalid ? "error" : undefined}
        aria-label={t("widgets.duration.amountLabel")}
        style={{ flex: 1, minWidth: 72 }}
        onChange={(amount) => {
          onChange(typeof amount === "number" ? fromFriendly({ amount, unit }) : undefined);
        }}
      />
      <Select<DurationUnit>
        value={unit}
        disabled={disabled}
        aria-label={t("widgets.duration.unitLabel")}
        style={{ width: lang === "zh-CN" ? 80 : 100 }}
        options={DURATION_UNITS.map((option) => ({
          value: option,
          label: t(`widgets.duration.unit.${option}`),
        }))}
        onChange={(next) => {
          setUnit(next);
          if (friendly) onChange(fromFriendly({ amount: friendly.amount, unit: next }));
        }}
      />
      <Tooltip title={t("widgets.duration.rawHint")}>
        <Button autoInsertSpace={false} disabled={disabled} onClick={() => setRaw(true)}>
          {t("widgets.duration.raw")}
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
