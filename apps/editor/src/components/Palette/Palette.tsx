// The node palette: node types grouped by category with localized titles and descriptions, a
// search box that understands both languages, items that can be clicked to add or dragged onto
// the canvas (payload type PALETTE_DRAG_TYPE, JSON {type, version}).
import { SearchOutlined } from "@ant-design/icons";
import type { NodeManifest } from "@playbook/schema";
import { Empty, Input, Tooltip, Typography } from "antd";
import { type DragEvent, useMemo, useState } from "react";
import { type Locale, pickText, useComponentsText } from "../locale";
import { CATEGORY_COLOR, iconFor } from "../nodeVisuals";
import { PALETTE_DRAG_TYPE, type PaletteDragData, paletteGroups } from "./search";
import "./Palette.css";

export interface PaletteProps {
  manifests: readonly NodeManifest[];
  onAdd(type: string, version: number): void;
  /** Defaults to the UI language. */
  locale?: Locale | undefined;
  /** The search box's initial text. */
  defaultQuery?: string | undefined;
}

export function Palette({ manifests, onAdd, locale, defaultQuery = "" }: PaletteProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const [query, setQuery] = useState(defaultQuery);
  const groups = useMemo(() => paletteGroups(manifests, query), [manifests, query]);

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8, minHeight: 0 }}>
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: "rgba(0,0,0,0.35)" }} />}
        placeholder={t("palette.search")}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-label={t("palette.search")}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("palette.hint")}
      </Typography.Text>
      {groups.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t("palette.noMatch", { query: query.trim() })}
        />
      ) : (
        groups.map((group) => (
          <section key={group.category} aria-label={t(`palette.category.${group.category}`)}>
            <div
              style={{
                fontSize: 12,
                fontWeight: 600,
                color: "rgba(0,0,0,0.45)",
                margin: "6px 0 4px",
                letterSpacing: lang === "en" ? 0.4 : 0,
              }}
            >
              {t(`palette.category.${group.category}`)}
            </div>
            {group.items.map((manifest) => (
              <PaletteItem
                key={manifest.type}
                manifest={manifest}
                locale={lang}
                addTitle={t("palette.addTitle")}
                onAdd={onAdd}
              />
            ))}
          </section>
        ))
      )}
    </div>
  );
}

interface PaletteItemProps {
  manifest: NodeManifest;
  locale: Locale;
  addTitle: string;
  onAdd(type: string, version: number): void;
}

function PaletteItem({ manifest, locale, addTitle, onAdd }: PaletteItemProps) {
  const Icon = iconFor(manifest.icon);
  const color = CATEGORY_COLOR[manifest.category];
  const title = pickText(manifest.title, locale, manifest.type);
  const description = pickText(manifest.description, locale);
  const add = () => onAdd(manifest.type, manifest.version);

  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    const payload: PaletteDragData = { type: manifest.type, version: manifest.version };
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, JSON.stringify(payload));
    event.dataTransfer.effectAllowed = "move";
  };

  return (
    <Tooltip
      title={
        <div>
          <div style={{ fontWeight: 600 }}>{title}</div>
          {description && <div>{description}</div>}
          <div style={{ opacity: 0.7, marginTop: 4 }}>{addTitle}</div>
        </div>
      }
      placement="right"
      mouseEnterDelay={0.6}
    >
      <button
        type="button"
        draggable
        onDragStart={onDragStart}
        onClick={add}
        className="playbook-palette-item"
        data-node-type={manifest.type}
        style={{
          display: "flex",
          alignItems: "flex-start",
          gap: 10,
          width: "100%",
          padding: "7px 8px",
          borderRadius: 8,
          background: "none",
          textAlign: "start",
          font: "inherit",
          color: "inherit",
        }}
      >
        <span
          aria-hidden
          style={{
            flex: "none",
            display: "grid",
            placeItems: "center",
            width: 28,
            height: 28,
            borderRadius: 7,
            background: `${color}1a`,
            color,
            fontSize: 15,
          }}
        >
          <Icon />
        </span>
        <div style={{ minWidth: 0 }}>
          <div style={{ fontSize: 13, fontWeight: 500, lineHeight: "20px" }}>{title}</div>
          {description && (
            <div
              style={{
                fontSize: 12,
                lineHeight: "18px",
                color: "rgba(0,0,0,0.5)",
                display: "-webkit-box",
                WebkitLineClamp: 2,
                WebkitBoxOrient: "vertical",
                overflow: "hidden",
              }}
            >
              {description}
            </div>
          )}
        </div>
      </button>
    </Tooltip>
  );
}
