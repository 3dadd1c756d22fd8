// "New process": a name (either language is enough; the other is filled from it), a key derived
// from the name, and where to start — blank, a built-in template, or a copy of an existing
// process (the seeded examples are there on a fresh install).
import type { LocalizedText, ProcessDefinition } from "@playbook/schema";
import { Form, Input, Modal, Radio, Select, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import type { DefinitionSummary } from "../../api/definitions";
import { createDefinition, loadDraft } from "../../api/definitions";
import { useLocale } from "../../canvas/use-locale";
import { isDefinitionKey, keyFromName, uniqueKey } from "../keys";
import {
  copyOfDefinition,
  definitionFromTemplate,
  TEMPLATE_IDS,
  type TemplateId,
} from "../templates";
import { summaryName } from "./columns";

type StartFrom = TemplateId | "existing";

interface FormValues {
  nameZh?: string;
  nameEn?: string;
  key: string;
  startFrom: StartFrom;
  source?: string;
}

export interface CreateDefinitionDialogProps {
  open: boolean;
  existing: readonly DefinitionSummary[];
  onClose(): void;
  onCreated(key: string): void;
}

export function CreateDefinitionDialog({
  open,
  existing,
  onClose,
  onCreated,
}: CreateDefinitionDialogProps) {
  const { t } = useTranslation("app");
  const locale = useLocale();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const keyTouched = useRef(false);
  const startFrom = Form.useWatch("startFrom", form);
  const taken = new Set(existing.map((item) => item.key));

  useEffect(() => {
    if (open) {
      keyTouched.current = false;
      form.resetFields();
    }
  }, [open, form]);

  const suggestKey = () => {
    if (keyTouched.current) return;
    const { nameEn, nameZh } = form.getFieldsValue();
    const base = nameEn?.trim() ? keyFromName(nameEn) : nameZh?.trim() ? keyFromName("") : "";
    form.setFieldValue("key", base ? uniqueKey(base, taken) : "");
  };

  const submit = async (values: FormValues) => {
    const zh = values.nameZh?.trim() || values.nameEn?.trim() || "";
    const en = values.nameEn?.trim() || zh;
    const name: LocalizedText = { "zh-CN": zh, en };
    setBusy(true);
    try {
      let definition: ProcessDefinition;
      if (values.startFrom === "existing" && values.source) {
        const source = await loadDraft(values.source);
        definition = copyOfDefinition(source.definition, values.key, name);
      } else {
        const template = values.startFrom === "existing" ? "blank" : values.startFrom;
        definition = definitionFromTemplate(template, values.key, name);
      }
      await createDefinition(definition);
      onCreated(values.key);
    } catch (error) {
      const text =
        error instanceof ApiError && error.code === "definition.exists"
          ? t("create.exists", { key: values.key })
          : (error as Error).message;
      form.setFields([{ name: "key", errors: [text] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("create.title")}
      okText={t("create.submit")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ startFrom: "blank", key: "" }}
        onFinish={(values) => void submit(values)}
        requiredMark={false}
      >
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item
            name="nameZh"
            label={t("create.nameZh")}
            style={{ flex: 1 }}
            dependencies={["nameEn"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  value?.trim() || getFieldValue("nameEn")?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("create.nameRequired"))),
              }),
            ]}
          >
            <Input onChange={suggestKey} autoFocus placeholder="例如：618 大促素材审批" />
          </Form.Item>
          <Form.Item name="nameEn" label={t("create.nameEn")} style={{ flex: 1 }}>
            <Input onChange={suggestKey} placeholder="e.g. Campaign asset approval" />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="key"
          label={t("create.key")}
          extra={t("create.keyHelp")}
          rules={[
            {
              validator: (_, value?: string) =>
                value && isDefinitionKey(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("create.keyInvalid"))),
            },
          ]}
        >
          <Input onChange={() => (keyTouched.current = true)} />
        </Form.Item>
        <Form.Item name="startFrom" label={t("create.startFrom")}>
          <Radio.Group style={{ display: "grid", gap: 8 }}>
            {TEMPLATE_IDS.map((id) => (
              <Radio key={id} value={id}>
                <Typography.Text strong>
                  {id === "blank" ? t("create.blank") : t(`templates.${id}.title`)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {id === "blank" ? t("create.blankHint") : t(`templates.${id}.hint`)}
                </Typography.Text>
              </Radio>
            ))}
            <Radio value="existing">
              <Typography.Text strong>{t("create.existing")}</Typography.Text>
            </Radio>
          </Radio.Group>
        </Form.Item>
        {startFrom === "existing" ? (
          <Form.Item
            name="source"
            rules={[{ required: true, message: t("create.existingPlaceholder") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("create.existingPlaceholder")}
              options={existing.map((item) => ({
                value: item.key,
                label: `${summaryName(item, locale)} (${item.key})`,
              }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
