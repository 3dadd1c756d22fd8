// A date or date-time field on antd's DatePicker, stored as ISO text: `YYYY-MM-DD` for dates,
// local time with its offset for date-times (what the validator and the runtime accept).
import { DatePicker } from "antd";
import { type Locale, useComponentsText } from "../locale";
import { type DateMode, dayjsToIso, isoToDayjs } from "./datetime";

export interface DateTimeInputProps {
  value: string | undefined;
  onChange(value: string | undefined): void;
  mode?: DateMode | undefined;
  invalid?: boolean | undefined;
  disabled?: boolean | undefined;
  id?: string | undefined;
  locale?: Locale | undefined;
}

export function DateTimeInput({
  value,
  onChange,
  mode = "datetime",
  invalid,
  disabled,
  id,
  locale,
}: DateTimeInputProps) {
  const { t } = useComponentsText(locale);
  const picked = isoToDayjs(value, mode);
  const unreadable = value !== undefined && value !== "" && picked === undefined;
  return (
    <div>
      <DatePicker
        id={id}
        value={picked ?? null}
        showTime={mode === "datetime" ? { format: "HH:mm" } : false}
        format={mode === "datetime" ? "YYYY-MM-DD HH:mm" : "YYYY-MM-DD"}
        placeholder={t(
          mode === "datetime" ? "widgets.date.placeholderDateTime" : "widgets.date.placeholderDate",
        )}
        status={invalid || unreadable ? "error" : undefined}
        disabled={disabled}
        style={{ width: "100%" }}
        onChange={(next) => onChange(dayjsToIso(next, mode))}
      />
      {unreadable && (
        <div style={{ color: "#faad14", fontSize: 12, marginTop: 4 }}>
          {t("widgets.date.unreadable", { value })}
        </div>
      )}
    </div>
  );
}
