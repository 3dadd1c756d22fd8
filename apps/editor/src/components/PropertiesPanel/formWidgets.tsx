// Our widgets as rjsf sees them: thin adapters from rjsf's WidgetProps/FieldProps to the
// plain components in ../widgets, fed with the declared variables and problems via formContext.
import type { Locale, Problem, VariableDeclaration } from "@playbook/schema";
import type { FieldProps, RegistryFieldsType, RegistryWidgetsType, WidgetProps } from "@rjsf/utils";
import { Input, Select, Space } from "antd";
import { pickText, useComponentsText } from "../locale";
import { DateTimeInput } from "../widgets/DateTimeInput";
import { DurationInput } from "../widgets/DurationInput";
import { FeelInput } from "../widgets/FeelInput/FeelInput";
import { MappingEditor } from "../widgets/MappingEditor";
import { toRows } from "../widgets/mapping";
import { PeoplePicker } from "../widgets/PeoplePicker";
import { TemplateInput } from "../widgets/TemplateInput";
import { VariableSelect } from "../widgets/VariableSelect";
import { LONG_TEXT_NAME } from "./formSchema";

/** What every widget of a node's config form can read. */
export interface ConfigFormContext {
  variables: readonly VariableDeclaration[];
  /** The node's problems (fields `config.…` are also shown by the form itself). */
  problems: readonly Problem[];
  locale: Locale;
  // Layout options of @rjsf/antd's templates.
  colon: boolean;
  descriptionLocation: "below" | "tooltip";
  labelAlign: "left" | "right";
  rowGutter: number;
}

function context(props: { registry: { formContext?: unknown } }): ConfigFormContext {
  return props.registry.formContext as ConfigFormContext;
}

/** rjsf wants "no value" as the field's emptyValue (undefined), never "". */
function emptied<T>(value: T | "" | undefined, props: WidgetProps): T | undefined {
  return value === "" || value === undefined ? (props.options.emptyValue as T | undefined) : value;
}

function invalid(props: WidgetProps): boolean {
  return (props.rawErrors?.length ?? 0) > 0;
}

function FeelWidget(props: WidgetProps) {
  const ctx = context(props);
  return (
    <FeelInput
      id={props.id}
      value={typeof props.value === "string" ? props.value : ""}
      variables={ctx.variables}
      invalid={invalid(props)}
      showMessages={false}
      placeholder={props.placeholder || undefined}
      disabled={props.disabled || props.readonly}
      ariaLabel={props.label}
      locale={ctx.locale}
      onChange={(value) => props.onChange(emptied(value, props))}
    />
  );
}

function TemplateWidget(props: WidgetProps) {
  const ctx = context(props);
  return (
    <TemplateInput
      id={props.id}
      value={typeof props.value === "string" ? props.value : ""}
      variables={ctx.variables}
      multiline={LONG_TEXT_NAME.test(props.name)}
      invalid={invalid(props)}
      disabled={props.disabled || props.readonly}
      ariaLabel={props.label}
      placeholder={props.placeholder || undefined}
      locale={ctx.locale}
      onChange={(value) => props.onChange(emptied(value, props))}
    />
  );
}

function DurationWidget(props: WidgetProps) {
  return (
    <DurationInput
      id={props.id}
      value={typeof props.value === "string" ? props.value : undefined}
      invalid={invalid(props)}
      disabled={props.disabled || props.readonly}
      locale={context(props).locale}
      onChange={(value) => props.onChange(emptied(value, props))}
    />
  );
}

function DateTimeWidget(props: WidgetProps) {
  return (
    <DateTimeInput
      id={props.id}
      mode={props.schema.format === "date" ? "date" : "datetime"}
      value={typeof props.value === "string" ? props.value : undefined}
      invalid={invalid(props)}
      disabled={props.disabled || props.readonly}
      locale={context(props).locale}
      onChange={(value) => props.onChange(emptied(value, props))}
    />
  );
}

function PersonWidget({
  kind,
  single,
  ...props
}: WidgetProps & { kind: "user" | "role"; single: boolean }) {
  const value: string[] = single
    ? typeof props.value === "string" && props.value !== ""
      ? [props.value]
      : []
    : Array.isArray(props.value)
      ? props.value.filter((entry): entry is string => typeof entry === "string")
      : [];
  return (
    <PeoplePicker
      id={props.id}
      kind={kind}
      single={single}
      value={value}
      invalid={invalid(props)}
      disabled={props.disabled || props.readonly}
      locale={context(props).locale}
      onChange={(next) => props.onChange(single ? emptied(next[0], props) : next)}
    />
  );
}

const UserWidget = (props: WidgetProps) => <PersonWidget {...props} kind="user" single />;
const RoleWidget = (props: WidgetProps) => <PersonWidget {...props} kind="role" single />;
const UserListWidget = (props: WidgetProps) => (
  <PersonWidget {...props} kind="user" single={false} />
);
const RoleListWidget = (props: WidgetProps) => (
  <PersonWidget {...props} kind="role" single={false} />
);

function TagsWidget(props: WidgetProps) {
  const { t } = useComponentsText(context(props).locale);
  const value = Array.isArray(props.value) ? (props.value as unknown[]).map(String) : [];
  return (
    <Select
      id={props.id}
      mode="tags"
      open={false}
      placeholder={props.placeholder || t("widgets.people.tagsPlaceholder")}
      value={value}
      status={invalid(props) ? "error" : undefined}
      disabled={props.disabled || props.readonly}
      tokenSeparators={[",", "，", "、"]}
      suffixIcon={null}
      style={{ width: "100%" }}
      onChange={(next: string[]) =>
        props.onChange(next.map((entry) => entry.trim()).filter(Boolean))
      }
    />
  );
}

function VariableWidget(props: WidgetProps) {
  const ctx = context(props);
  return (
    <VariableSelect
      id={props.id}
      value={typeof props.value === "string" ? props.value : undefined}
      variables={ctx.variables}
      invalid={invalid(props)}
      disabled={props.disabled || props.readonly}
      locale={ctx.locale}
      onChange={(value) => props.onChange(emptied(value, props))}
    />
  );
}

function MappingWidget(props: WidgetProps) {
  const ctx = context(props);
  // Problems name cells by path; a mapping is a top-level config field in every known type.
  const prefix = `config.${props.name}.`;
  return (
    <MappingEditor
      value={toRows(props.value)}
      variables={ctx.variables}
      disabled={props.disabled || props.readonly}
      locale={ctx.locale}
      errorsAt={(index, column) =>
        ctx.problems
          .filter((problem) => problem.field === `${prefix}${index}.${column}`)
          .map((problem) => pickText(problem.message, ctx.locale))
      }
      onChange={(rows) => props.onChange(rows)}
    />
  );
}

/** A `{ "zh-CN", en }` object (form field labels...) as two inputs on one line. */
function LocalizedTextField(props: FieldProps) {
  const { t } = useComponentsText(context(props).locale);
  const value = (props.formData ?? {}) as { "zh-CN"?: string; en?: string };
  const title = (props.uiSchema?.["ui:title"] as string | undefined) ?? props.name;
  const update = (locale: Locale, text: string) => {
    const next = { ...value, [locale]: text };
    if (text === "") delete next[locale];
    props.onChange(Object.keys(next).length === 0 ? undefined : next, props.fieldPathId.path);
  };
  return (
    <div style={{ marginBottom: 8 }}>
      <div style={{ marginBottom: 8 }}>{title}</div>
      <Space.Compact block>
        <Input
          value={value["zh-CN"] ?? ""}
          placeholder={t("common.labelZhPlaceholder")}
          aria-label={`${title} · ${t("common.labelZh")}`}
          disabled={props.disabled || props.readonly}
          onChange={(event) => update("zh-CN", event.target.value)}
        />
        <Input
          value={value.en ?? ""}
          placeholder={t("common.labelEnPlaceholder")}
          aria-label={`${title} · ${t("common.labelEn")}`}
          disabled={props.disabled || props.readonly}
          onChange={(event) => update("en", event.target.value)}
        />
      </Space.Compact>
    </div>
  );
}

export const configWidgets: RegistryWidgetsType = {
  feel: FeelWidget,
  template: TemplateWidget,
  duration: DurationWidget,
  datetime: DateTimeWidget,
  user: UserWidget,
  role: RoleWidget,
  userList: UserListWidget,
  roleList: RoleListWidget,
  tags: TagsWidget,
  variable: VariableWidget,
  mapping: MappingWidget,
};

export const configFields: RegistryFieldsType = {
  localizedText: LocalizedTextField,
};
