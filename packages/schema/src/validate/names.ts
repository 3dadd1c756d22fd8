// How messages name what the user sees on the canvas, in zh-CN and en: a node by its label (else
// its type's title, as the canvas draws an unlabeled node), a connection by its label or the
// condition drawn on it (else by the nodes it joins), a node type by its palette title. Ids are
// the last resort: the editor never shows them.
import type { LocalizedText } from "../i18n";
import type { Behaviour } from "../manifest";

/** A node or edge label as a reader sees it, per language. */
export type DisplayName = LocalizedText;

/** A node named together with its type, as in 条件分支「通过？」 / exclusive gateway “Approved?”. */
export interface TypedNode {
  readonly name: DisplayName;
  /** The node type's title as the palette shows it. */
  readonly type: LocalizedText;
}

/** How a message names a connection, best first. */
export type EdgeName =
  | { readonly kind: "label"; readonly label: DisplayName }
  | { readonly kind: "condition"; readonly condition: string }
  | { readonly kind: "ends"; readonly from?: DisplayName; readonly to?: DisplayName }
  | { readonly kind: "id"; readonly id: string };

export const ZH = "zh-CN";

export function text(zh: string, en: string): LocalizedText {
  return { [ZH]: zh, en } as LocalizedText;
}

type PartialText = { "zh-CN"?: unknown; en?: unknown };

/**
 * A node's name per language: its label in that language, else in the other one (as the canvas
 * does), else the title of its type, else its id.
 */
export function displayName(id: string, label?: PartialText, title?: PartialText): DisplayName {
  const zh = nonEmpty(label?.[ZH]);
  const en = nonEmpty(label?.en);
  return text(zh ?? en ?? nonEmpty(title?.[ZH]) ?? id, en ?? zh ?? nonEmpty(title?.en) ?? id);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
}

/**
 * A connection's name: its label, else the condition the canvas draws on it (unless the message
 * is about that condition), else the nodes it joins, else its id.
 */
export function edgeName(
  edge: { id: string; label?: PartialText | undefined; condition?: unknown },
  ends: { from?: DisplayName | undefined; to?: DisplayName | undefined },
  { byCondition = true }: { byCondition?: boolean } = {},
): EdgeName {
  if (nonEmpty(edge.label?.[ZH]) ?? nonEmpty(edge.label?.en)) {
    return { kind: "label", label: displayName(edge.id, edge.label) };
  }
  const condition = byCondition ? nonEmpty(edge.condition) : undefined;
  if (condition !== undefined) return { kind: "condition", condition: shortCondition(condition) };
  if (ends.from && ends.to) return { kind: "ends", from: ends.from, to: ends.to };
  if (ends.from) return { kind: "ends", from: ends.from };
  if (ends.to) return { kind: "ends", to: ends.to };
  return { kind: "id", id: edge.id };
}

// The same shortening the canvas applies to the condition it draws on a connection.
const CONDITION_LENGTH = 32;

function shortCondition(condition: string): string {
  const flat = condition.replace(/\s+/g, " ").trim();
  return flat.length > CONDITION_LENGTH ? `${flat.slice(0, CONDITION_LENGTH - 1)}…` : flat;
}

/** The connection as a noun phrase: 从「审核」到「发布」的连线 / the connection from “Review” to “Publish”. */
export function edgePhrase(edge: EdgeName): LocalizedText {
  switch (edge.kind) {
    case "label":
      return text(`连线「${edge.label[ZH]}」`, `the connection “${edge.label.en}”`);
    case "condition":
      return text(
        `条件为「${edge.condition}」的连线`,
        `the connection with condition “${edge.condition}”`,
      );
    case "ends": {
      const { from, to } = edge;
      if (from && to) {
        return text(
          `从「${from[ZH]}」到「${to[ZH]}」的连线`,
          `the connection from “${from.en}” to “${to.en}”`,
        );
      }
      if (from) return text(`从「${from[ZH]}」连出的连线`, `the connection from “${from.en}”`);
      if (to) return text(`连到「${to[ZH]}」的连线`, `the connection to “${to.en}”`);
      return text("连线", "the connection");
    }
    case "id":
      return text(`连线「${edge.id}」`, `the connection “${edge.id}”`);
  }
}

/** The same connection, where the message already names the node it leaves. */
export function withoutSource(edge: EdgeName): EdgeName {
  return edge.kind === "ends" && edge.to ? { kind: "ends", to: edge.to } : edge;
}

/**
 * A node with its type: 条件分支「通过？」 / exclusive gateway “Approved?”. An unlabeled node is
 * already named by its type's title, so it is not named twice.
 */
export function typedPhrase(node: TypedNode): LocalizedText {
  const { name, type } = node;
  const zh = name[ZH] === type[ZH] ? `「${name[ZH]}」` : `${type[ZH]}「${name[ZH]}」`;
  const en = name.en === type.en ? `“${name.en}”` : `${midSentence(type.en)} “${name.en}”`;
  return text(zh, en);
}

/** An English title inside a sentence: "Exclusive gateway" → "exclusive gateway", "HTTP request" kept. */
export function midSentence(title: string): string {
  return /^\p{Lu}\p{Ll}/u.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

export function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * The palette titles of the built-in node types (packages/nodes), for messages that mention a
 * type no node in the definition has. Where a node of the type is present, its manifest's own
 * title is used instead (see typeTitle in graph.ts).
 */
export const builtinTypeTitles: Readonly<Record<Behaviour, LocalizedText>> = {
  start: text("开始", "Start"),
  end: text("结束", "End"),
  terminateEnd: text("终止流程", "Terminate"),
  userTask: text("人工任务", "User task"),
  exclusiveGateway: text("条件分支", "Exclusive gateway"),
  parallelGateway: text("并行分支", "Parallel gateway"),
  timer: text("定时等待", "Timer"),
  messageWait: text("等待事件", "Wait for event"),
  service: text("外部服务", "Service"),
  setVariables: text("设置变量", "Set variables"),
};
