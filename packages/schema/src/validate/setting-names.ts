// How a message names a node setting. A person knows the settings by the titles the form shows
// (处理人, Assignee), not by their keys (assignee): a title comes from the node type's manifest
// (`x-title` on the property, bilingual, as third-party types write it) or from the caller (the
// editor's own titles of the built-in types); without one the key is shown as written.
import type { LocalizedText } from "../i18n";
import type { NodeManifest } from "../manifest";
import type { SettingName } from "./messages";
import { text } from "./names";
import { fieldPath } from "./report";

/** A caller's titles of settings by node type and top-level key (the editor's form titles). */
export type SettingTitles = (nodeType: string, key: string) => LocalizedText | undefined;

export function settingName(
  path: readonly PropertyKey[],
  manifest: NodeManifest,
  titles: SettingTitles | undefined,
): SettingName {
  const raw = fieldPath(path);
  const [key, ...rest] = path;
  const title = typeof key === "string" ? titleOf(manifest, key, titles) : undefined;
  if (!title) return text(` ${raw} `, raw);
  if (rest.length === 0) return text(`「${title["zh-CN"]}」`, `“${title.en}”`);
  // Inside a list or object setting: the title, then the rest of the path as written.
  const inner = fieldPath(rest);
  return text(`「${title["zh-CN"]}」（${inner}）`, `“${title.en}” (${inner})`);
}

function titleOf(
  manifest: NodeManifest,
  key: string,
  titles: SettingTitles | undefined,
): LocalizedText | undefined {
  const properties = manifest.configSchema.properties as Record<string, unknown> | undefined;
  const authored = (properties?.[key] as { "x-title"?: Partial<LocalizedText> } | undefined)?.[
    "x-title"
  ];
  if (authored?.["zh-CN"] && authored.en) return { "zh-CN": authored["zh-CN"], en: authored.en };
  return titles?.(manifest.type, key);
}
