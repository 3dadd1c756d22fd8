// Array layout for generated forms (e.g. the user task's form fields): each item a light card
// with small move/remove buttons in its corner and a dashed "add" button below — the same look as
// the mapping editor, instead of @rjsf/antd's wide button columns.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import {
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  getTemplate,
  getUiOptions,
  type IconButtonProps,
  type TemplatesType,
  TranslatableString,
} from "@rjsf/utils";
import { Button, Tooltip } from "antd";
import type { ReactElement } from "react";

function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, readonly, fieldPathId, items, onAddClick, registry, title, uiSchema } =
    props;
  const uiOptions = getUiOptions(uiSchema);
  const shownTitle = uiOptions.title ?? title;
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    // The surrounding field template prints the description below.
    <fieldset id={fieldPathId.$id}>
      {shownTitle && <div style={{ marginBottom: 4 }}>{shownTitle}</div>}
      <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>{items}</div>
      {canAdd && (
        <div style={{ marginTop: 8 }}>
          <AddButton
            disabled={disabled || readonly}
            onClick={onAddClick}
            uiSchema={uiSchema}
            registry={registry}
          />
        </div>
      )}
    </fieldset>
  );
}

function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const Buttons = getTemplate("ArrayFieldItemButtonsTemplate", registry, getUiOptions(uiSchema));
  return (
    <div
      style={{
        position: "relative",
        border: "1px solid #f0f0f0",
        borderRadius: 8,
        background: "#fafafa",
        padding: "10px 10px 0",
      }}
    >
      {hasToolbar && (
        <div style={{ display: "flex", justifyContent: "flex-end", gap: 2, marginBottom: -4 }}>
          <Buttons {...buttonsProps} />
        </div>
      )}
      {children}
    </div>
  );
}

function SmallButton({
  label,
  icon,
  danger,
  ...props
}: IconButtonProps & { label: string; icon: ReactElement; danger?: boolean }) {
  const {
    registry: _registry,
    uiSchema: _uiSchema,
    iconType: _iconType,
    color: _color,
    ...rest
  } = props;
  return (
    <Tooltip title={label}>
      <Button {...rest} size="small" type="text" danger={danger} icon={icon} aria-label={label} />
    </Tooltip>
  );
}

export const configTemplates: Partial<TemplatesType> = {
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ButtonTemplates: {
    AddButton: (props) => (
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        disabled={props.disabled}
        onClick={props.onClick}
      >
        {props.registry.translateString(TranslatableString.AddItemButton)}
      </Button>
    ),
    MoveUpButton: (props) => (
      <SmallButton
        {...props}
        label={props.registry.translateString(TranslatableString.MoveUpButton)}
        icon={<ArrowUpOutlined />}
      />
    ),
    MoveDownButton: (props) => (
      <SmallButton
        {...props}
        label={props.registry.translateString(TranslatableString.MoveDownButton)}
        icon={<ArrowDownOutlined />}
      />
    ),
    CopyButton: (props) => (
      <SmallButton
        {...props}
        label={props.registry.translateString(TranslatableString.CopyButton)}
        icon={<CopyOutlined />}
      />
    ),
    RemoveButton: (props) => (
      <SmallButton
        {...props}
        danger
        label={props.registry.translateString(TranslatableString.RemoveButton)}
        icon={<DeleteOutlined />}
      />
    ),
  } as TemplatesType["ButtonTemplates"],
};
