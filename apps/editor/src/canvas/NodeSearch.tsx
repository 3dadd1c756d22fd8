// ⌘K / Ctrl+K: find a node by its label, type or id and bring it into view.
import type { Locale, NodeManifest, ProcessNode } from "@playbook/schema";
import { Modal, Select } from "antd";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { pickText } from "../components/locale";

export interface NodeSearchProps {
  open: boolean;
  nodes: readonly ProcessNode[];
  manifestOf: (type: string, version: number) => NodeManifest | undefined;
  locale: Locale;
  onPick(nodeId: string): void;
  onClose(): void;
}

export function NodeSearch({ open, nodes, manifestOf, locale, onPick, onClose }: NodeSearchProps) {
  const { t } = useTranslation("app");
  const picked = useRef<string | undefined>(undefined);
  const options = useMemo(
    () =>
      nodes.map((node) => {
        const manifest = manifestOf(node.type, node.typeVersion);
        const typeTitle = manifest ? pickText(manifest.title, locale) : node.type;
        const label = pickText(node.label, locale, typeTitle);
        return {
          value: node.id,
          label: `${label} · ${typeTitle}`,
          search:
            `${label} ${pickText(node.label, locale === "en" ? "zh-CN" : "en")} ${typeTitle} ${node.id}`.toLowerCase(),
        };
      }),
    [nodes, manifestOf, locale],
  );
  return (
    <Modal
      open={open}
      title={t("canvas.search.title")}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={480}
      focusable={{ focusTriggerAfterClose: false }}
      afterClose={() => {
        // Keyboard focus goes to the found node, so Delete, Ctrl+C... act on it right away.
        const id = picked.current;
        picked.current = undefined;
        if (id)
          document
            .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
            ?.focus();
      }}
    >
      <Select
        showSearch={{
          filterOption: (input, option) =>
            (option?.search ?? "").includes(input.trim().toLowerCase()),
        }}
        autoFocus
        defaultOpen
        style={{ width: "100%" }}
        placeholder={t("canvas.search.placeholder")}
        options={options}
        notFoundContent={t("canvas.search.empty")}
        onSelect={(value: string) => {
          picked.current = value;
          onPick(value);
          onClose();
        }}
        data-testid="node-search"
      />
    </Modal>
  );
}
