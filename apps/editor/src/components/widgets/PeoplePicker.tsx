// People and roles as free-text tags (there is no user directory yet): type a user ID or a role
// and press Enter. `suggestions` (e.g. names used elsewhere in the flow) appear as options.
import { TeamOutlined, UserOutlined } from "@ant-design/icons";
import { Select } from "antd";
import { type Locale, useComponentsText } from "../locale";

export interface PeoplePickerProps {
  kind: "user" | "role";
  value: readonly string[];
  onChange(value: string[]): void;
  /** One person or role only (a single-valued field); a new entry replaces the old. */
  single?: boolean | undefined;
  suggestions?: readonly string[] | undefined;
  invalid?: boolean | undefined;
  disabled?: boolean | undefined;
  id?: string | undefined;
  locale?: Locale | undefined;
}

export function PeoplePicker({
  kind,
  value,
  onChange,
  single = false,
  suggestions = [],
  invalid,
  disabled,
  id,
  locale,
}: PeoplePickerProps) {
  const { t } = useComponentsText(locale);
  const Icon = kind === "user" ? UserOutlined : TeamOutlined;
  const placeholder = single
    ? t(kind === "user" ? "widgets.people.userPlaceholderOne" : "widgets.people.rolePlaceholderOne")
    : t(kind === "user" ? "widgets.people.userPlaceholder" : "widgets.people.rolePlaceholder");
  const options = [...new Set([...suggestions, ...value])].map((name) => ({
    value: name,
    label: name,
  }));
  return (
    <Select
      id={id}
      mode="tags"
      value={[...value]}
      options={options}
      placeholder={placeholder}
      status={invalid ? "error" : undefined}
      disabled={disabled}
      suffixIcon={<Icon />}
      tokenSeparators={[",", "，", "、"]}
      style={{ width: "100%" }}
      open={options.length === 0 ? false : undefined}
      onChange={(next: string[]) => {
        const cleaned = next.map((name) => name.trim()).filter(Boolean);
        onChange(single ? cleaned.slice(-1) : [...new Set(cleaned)]);
      }}
    />
  );
}

export type UserPickerProps = Omit<PeoplePickerProps, "kind">;

export function UserPicker(props: UserPickerProps) {
  return <PeoplePicker kind="user" {...props} />;
}

export function RolePicker(props: UserPickerProps) {
  return <PeoplePicker kind="role" {...props} />;
}
