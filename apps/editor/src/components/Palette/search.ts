// Palette search and grouping, pure: one entry per node type (its latest version), found by words
// in either language — titles, descriptions, category names, type name, and what its behaviour
// is commonly called ("审批" or "approval" finds the user task).
import type { Behaviour, NodeCategory, NodeManifest } from "@playbook/schema";
import { CATEGORY_ORDER } from "../nodeVisuals";
import { paletteMessages } from "./messages";

// biome-ignore format: one row per behaviour reads as a table
const BEHAVIOUR_WORDS: Record<Behaviour, string> = {
  start: "start begin trigger launch 开始 发起 触发 启动",
  end: "end finish complete stop 结束 完成",
  terminateEnd: "terminate cancel abort kill stop 终止 取消 中止 结束",
  userTask: "approval approve review sign task form assign todo person manual 审批 审核 签核 会签 任务 待办 表单 人工 处理",
  exclusiveGateway: "condition if else branch decision switch route 条件 判断 分支 如果 否则 路由",
  parallelGateway: "parallel fork join split concurrent 并行 同时 汇合 分叉",
  timer: "delay wait sleep time schedule timer 延时 延迟 等待 定时 时间",
  messageWait: "event message receive callback correlation wait 事件 消息 接收 回调 等待",
  service: "service api call integration http request 服务 接口 调用 集成 请求",
  setVariables: "assign compute calculate variable set mapping 赋值 计算 变量 设置",
};

/** Highest version of each type, in the order types first appear. */
export function latestVersions(manifests: readonly NodeManifest[]): NodeManifest[] {
  const latest = new Map<string, NodeManifest>();
  for (const manifest of manifests) {
    const seen = latest.get(manifest.type);
    if (!seen || seen.version < manifest.version) latest.set(manifest.type, manifest);
  }
  return [...latest.values()];
}

function categoryWords(category: NodeCategory): string {
  return `${paletteMessages.en.category[category]} ${paletteMessages["zh-CN"].category[category]}`;
}

/** Everything a search may match, lower-cased, in both languages. */
export function searchText(manifest: NodeManifest): string {
  return [
    manifest.title.en,
    manifest.title["zh-CN"],
    manifest.description?.en ?? "",
    manifest.description?.["zh-CN"] ?? "",
    manifest.type,
    categoryWords(manifest.category),
    BEHAVIOUR_WORDS[manifest.behaviour],
  ]
    .join(" ")
    .toLowerCase();
}

// Light English stemming so "approval" meets "approve" and "notifications" meets "notification".
const SUFFIXES = ["ations", "ation", "ings", "ing", "als", "al", "ed", "es", "s", "e"];

function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** Every word of the query must be found: as a substring (Chinese) or a shared English stem. */
export function matchesQuery(manifest: NodeManifest, query: string): boolean {
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return true;
  const text = searchText(manifest);
  const words = text.split(/[^\p{L}\p{N}]+/u).map(stem);
  return tokens.every(
    (token) => text.includes(token) || words.some((word) => word.startsWith(stem(token))),
  );
}

export interface PaletteGroup {
  category: NodeCategory;
  items: NodeManifest[];
}

/** Within a group, the order a flow is drawn in: starts first, ends last, whatever the API sent. */
const BEHAVIOUR_ORDER: readonly NodeManifest["behaviour"][] = [
  "start",
  "userTask",
  "service",
  "exclusiveGateway",
  "parallelGateway",
  "setVariables",
  "timer",
  "messageWait",
  "end",
  "terminateEnd",
];

function byFlowOrder(a: NodeManifest, b: NodeManifest): number {
  return BEHAVIOUR_ORDER.indexOf(a.behaviour) - BEHAVIOUR_ORDER.indexOf(b.behaviour);
}

/** The groups to show for a query, in palette category order, empty groups left out. */
export function paletteGroups(manifests: readonly NodeManifest[], query: string): PaletteGroup[] {
  const shown = latestVersions(manifests)
    .filter((manifest) => matchesQuery(manifest, query))
    .sort(byFlowOrder);
  return CATEGORY_ORDER.map((category) => ({
    category,
    items: shown.filter((manifest) => manifest.category === category),
  })).filter((group) => group.items.length > 0);
}

/** The drag payload type the canvas accepts from the palette. */
export const PALETTE_DRAG_TYPE = "application/x-playbook-node";

export interface PaletteDragData {
  type: string;
  version: number;
}

/** The node type carried by a drop, or undefined when the drop did not come from the palette. */
export function readPaletteDrop(data: Pick<DataTransfer, "getData">): PaletteDragData | undefined {
  const raw = data.getData(PALETTE_DRAG_TYPE);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { type, version } = parsed as Record<string, unknown>;
    if (typeof type !== "string" || typeof version !== "number") return undefined;
    return { type, version };
  } catch {
    return undefined;
  }
}
