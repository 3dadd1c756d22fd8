// Every text the validator shows a person, in zh-CN and en, in one place. Messages name nodes by
// their label in the reader's language (falling back to the other language, then the id), and
// say what goes wrong at run time, so a business user can fix the drawing without a manual.
import type { z } from "zod";
import type { LocalizedText } from "../i18n";
import type { ProblemCode } from "../problems";
import type { VariableType } from "../variables";

/** A node or edge as a reader sees it: its label per language, else its id. */
export type DisplayName = LocalizedText;

export type StartTrigger = "manual" | "api" | "message";

/** Where an expression sits, phrased to follow "the expression in …". */
export type ExpressionPlace =
  | { kind: "edgeCondition"; edge: DisplayName }
  | { kind: "nodeConfig"; node: DisplayName; field: string };

const ZH = "zh-CN";

function text(zh: string, en: string): LocalizedText {
  return { [ZH]: zh, en } as LocalizedText;
}

export function displayName(id: string, label?: { "zh-CN"?: unknown; en?: unknown }): DisplayName {
  const zh = nonEmpty(label?.[ZH]);
  const en = nonEmpty(label?.en);
  return text(zh ?? en ?? id, en ?? zh ?? id);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
}

const triggerNames: Record<StartTrigger, LocalizedText> = {
  manual: text("手动发起", "manual"),
  api: text("接口调用", "API call"),
  message: text("收到消息", "incoming message"),
};

const variableTypeNames: Record<VariableType, LocalizedText> = {
  string: text("文本", "a text"),
  number: text("数字", "a number"),
  boolean: text("是/否", "a yes/no value"),
  date: text("日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)"),
  datetime: text("带时区的日期时间", "a date-time with offset"),
  money: text("金额（amount 与 currency）", "an amount of money (amount and currency)"),
  user: text("用户", "a user"),
  list: text("列表", "a list"),
  object: text("对象", "an object"),
};

function list(items: readonly (string | number)[], sep: string): string {
  return items.map(String).join(sep);
}

function triggerText(trigger: string, messageName: string | undefined): LocalizedText {
  const name = isKnownTrigger(trigger) ? triggerNames[trigger] : text(trigger, trigger);
  if (trigger !== "message" || messageName === undefined) return name;
  return text(`${name[ZH]}「${messageName}」`, `${name.en} “${messageName}”`);
}

function isKnownTrigger(trigger: string): trigger is StartTrigger {
  return Object.hasOwn(triggerNames, trigger);
}

function place(where: ExpressionPlace): LocalizedText {
  switch (where.kind) {
    case "edgeCondition":
      return text(`连线「${where.edge[ZH]}」的条件`, `the condition of edge “${where.edge.en}”`);
    case "nodeConfig":
      return text(
        `节点「${where.node[ZH]}」的配置项 ${where.field} `,
        `setting ${where.field} of node “${where.node.en}”`,
      );
  }
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** One message builder per problem code; `satisfies` keeps the table exhaustive. */
export const problemMessages = {
  "definition.shape": (p: { field?: string; detail: LocalizedText; owner?: Owner }) => {
    const { field, detail, owner } = p;
    if (owner && field !== undefined) {
      return text(
        `${ownerZh(owner)}的字段 ${field} ${detail[ZH]}`,
        `Field ${field} of ${ownerEn(owner)} ${detail.en}`,
      );
    }
    if (owner)
      return text(`${ownerZh(owner)}${detail[ZH]}`, `${capitalize(ownerEn(owner))} ${detail.en}`);
    if (field !== undefined)
      return text(`字段 ${field} ${detail[ZH]}`, `Field ${field} ${detail.en}`);
    return text(`流程定义${detail[ZH]}`, `The definition ${detail.en}`);
  },
  "node.duplicateId": (p: { id: string }) =>
    text(
      `节点 ID「${p.id}」重复了，每个节点的 ID 必须唯一`,
      `Node id “${p.id}” is used more than once; node ids must be unique`,
    ),
  "edge.duplicateId": (p: { id: string }) =>
    text(
      `连线 ID「${p.id}」重复了，每条连线的 ID 必须唯一`,
      `Edge id “${p.id}” is used more than once; edge ids must be unique`,
    ),
  "node.unknownType": (p: {
    node: DisplayName;
    type: string;
    version: number;
    installed: readonly number[];
  }) =>
    text(
      `节点「${p.node[ZH]}」的类型 ${p.type}（版本 ${p.version}）未安装` +
        (p.installed.length > 0 ? `；已安装的版本：${list(p.installed, "、")}` : ""),
      `Node “${p.node.en}” uses type ${p.type} version ${p.version}, which is not installed` +
        (p.installed.length > 0 ? `; installed versions: ${list(p.installed, ", ")}` : ""),
    ),
  "node.config": (p: { node: DisplayName; field?: string; detail: LocalizedText }) =>
    p.field === undefined
      ? text(
          `节点「${p.node[ZH]}」的配置${p.detail[ZH]}`,
          `The config of node “${p.node.en}” ${p.detail.en}`,
        )
      : text(
          `节点「${p.node[ZH]}」的配置项 ${p.field} ${p.detail[ZH]}`,
          `Setting ${p.field} of node “${p.node.en}” ${p.detail.en}`,
        ),
  "node.configUnchecked": (p: { node: DisplayName; type: string }) =>
    text(
      `节点「${p.node[ZH]}」的配置无法校验：节点类型 ${p.type} 的配置结构用了校验器不支持的写法`,
      `The settings of node “${p.node.en}” cannot be checked: the config schema of node type ${p.type} uses JSON Schema the validator does not support`,
    ),
  "start.missing": () =>
    text("流程没有开始节点，无法发起", "The process has no start, so it can never be started"),
  "start.multiple": (p: {
    node: DisplayName;
    first: DisplayName;
    trigger: string;
    messageName?: string;
  }) => {
    const how = triggerText(p.trigger, p.messageName);
    return text(
      `开始节点「${p.node[ZH]}」与「${p.first[ZH]}」的触发方式相同（${how[ZH]}），同一种触发方式只能有一个开始节点`,
      `Start “${p.node.en}” has the same trigger as “${p.first.en}” (${how.en}); only one start per trigger is allowed`,
    );
  },
  "node.unreachable": (p: { node: DisplayName }) =>
    text(
      `节点「${p.node[ZH]}」无法从开始节点到达`,
      `Node “${p.node.en}” cannot be reached from a start`,
    ),
  "node.cannotReachEnd": (p: { node: DisplayName }) =>
    text(`节点「${p.node[ZH]}」无法到达结束节点`, `Node “${p.node.en}” cannot reach an end`),
  "edge.fromEnd": (p: { node: DisplayName }) =>
    text(
      `「${p.node[ZH]}」是流程的终点，不能再连出连线`,
      `“${p.node.en}” ends the process; no edge may leave it`,
    ),
  "edge.intoStart": (p: { node: DisplayName }) =>
    text(
      `「${p.node[ZH]}」是流程的起点，不能有连入的连线`,
      `“${p.node.en}” starts the process; no edge may enter it`,
    ),
  "edge.unknownNode": (p: { edge: DisplayName; end: "source" | "target"; id: string }) =>
    p.end === "source"
      ? text(
          `连线「${p.edge[ZH]}」的起点「${p.id}」不存在`,
          `Edge “${p.edge.en}” starts at “${p.id}”, which does not exist`,
        )
      : text(
          `连线「${p.edge[ZH]}」的终点「${p.id}」不存在`,
          `Edge “${p.edge.en}” ends at “${p.id}”, which does not exist`,
        ),
  "edge.unknownPort": (p: {
    edge: DisplayName;
    node: DisplayName;
    port: string;
    ports: readonly string[];
  }) =>
    text(
      `连线「${p.edge[ZH]}」从「${p.node[ZH]}」的端口「${p.port}」连出，但该节点没有这个端口（可用端口：${list(p.ports, "、")}）`,
      `Edge “${p.edge.en}” leaves “${p.node.en}” by port “${p.port}”, which it does not have (ports: ${list(p.ports, ", ")})`,
    ),
  "port.tooManyEdges": (p: {
    node: DisplayName;
    port: string;
    direction: "in" | "out";
    count: number;
  }) =>
    p.direction === "out"
      ? text(
          `「${p.node[ZH]}」的输出端口「${p.port}」只能连出一条连线，现在有 ${p.count} 条`,
          `Port “${p.port}” of “${p.node.en}” takes one outgoing edge, but has ${p.count}`,
        )
      : text(
          `「${p.node[ZH]}」的输入端口「${p.port}」只能连入一条连线，现在有 ${p.count} 条`,
          `Port “${p.port}” of “${p.node.en}” takes one incoming edge, but has ${p.count}`,
        ),
  "gateway.noDefault": (p: { node: DisplayName }) =>
    text(
      `排他网关「${p.node[ZH]}」没有默认分支：所有条件都不满足时流程会停在这里`,
      `Exclusive gateway “${p.node.en}” has no default edge: the process stops there when no condition matches`,
    ),
  "gateway.multipleDefaults": (p: { node: DisplayName; count: number }) =>
    text(
      `排他网关「${p.node[ZH]}」有 ${p.count} 条默认分支，只能有一条`,
      `Exclusive gateway “${p.node.en}” has ${p.count} default edges; it may have only one`,
    ),
  "gateway.missingCondition": (p: { node: DisplayName; edge: DisplayName }) =>
    text(
      `排他网关「${p.node[ZH]}」的连线「${p.edge[ZH]}」既没有条件，也不是默认分支`,
      `Edge “${p.edge.en}” out of exclusive gateway “${p.node.en}” has no condition and is not the default`,
    ),
  "expression.syntax": (p: { where: ExpressionPlace; detail: string }) => {
    const at = place(p.where);
    return text(
      `${at[ZH]}有语法错误：${p.detail}`,
      `The expression in ${at.en} does not parse: ${p.detail}`,
    );
  },
  "expression.undeclaredVariable": (p: { where: ExpressionPlace; name: string }) => {
    const at = place(p.where);
    return text(
      `${at[ZH]}用到了未声明的变量「${p.name}」`,
      `${capitalize(at.en)} uses the undeclared variable “${p.name}”`,
    );
  },
  "parallel.unbalanced": (p: { node: DisplayName; reason: "branchesDiffer" | "loopIntoJoin" }) =>
    p.reason === "branchesDiffer"
      ? text(
          `并行网关「${p.node[ZH]}」可能永远等下去：它的各条入线并不总会都收到令牌（例如来自排他网关的不同分支，或某条并行分支已经走向了结束）`,
          `Parallel join “${p.node.en}” can wait forever: its incoming edges do not always all receive a token (for example they come from different choices of an exclusive gateway, or a parallel branch has gone to an end instead)`,
        )
      : text(
          `并行网关「${p.node[ZH]}」在等一条循环回来的连线，而那条线要等它触发之后才会有令牌，流程会卡死`,
          `Parallel join “${p.node.en}” waits for a loop edge that only gets a token after the join has fired, so the process deadlocks`,
        ),
  "parallel.unsynchronized": (p: { node: DisplayName; reason: "merge" | "loop" }) =>
    p.reason === "merge"
      ? text(
          `并行的分支没有先经过并行网关汇聚就在「${p.node[ZH]}」汇合了：「${p.node[ZH]}」及其后的步骤会重复执行`,
          `Parallel branches meet at “${p.node.en}” without a parallel join first, so “${p.node.en}” and the steps after it run more than once`,
        )
      : text(
          `流程回到「${p.node[ZH]}」重做时，另一条并行分支还在运行：每转一圈都会多出一个令牌`,
          `The loop back to “${p.node.en}” is taken while another parallel branch is still running, so every round leaves an extra token`,
        ),
  "cycle.noWait": (p: { node: DisplayName }) =>
    text(
      `经过「${p.node[ZH]}」的循环里没有任何等待步骤（人工任务、定时器、等待消息或外部服务），会无限空转`,
      `The loop through “${p.node.en}” has no waiting step (user task, timer, message wait or service) and would spin forever`,
    ),
  "variable.duplicate": (p: { name: string }) =>
    text(`变量「${p.name}」重复声明了`, `Variable “${p.name}” is declared more than once`),
  "variable.defaultType": (p: { name: string; type: VariableType }) =>
    text(
      `变量「${p.name}」的默认值不是${variableTypeNames[p.type][ZH]}`,
      `The default value of variable “${p.name}” is not ${variableTypeNames[p.type].en}`,
    ),
  "variable.undeclared": (p: { node: DisplayName; field: string; name: string }) =>
    text(
      `节点「${p.node[ZH]}」的配置项 ${p.field} 要写入未声明的变量「${p.name}」`,
      `Setting ${p.field} of node “${p.node.en}” writes the undeclared variable “${p.name}”`,
    ),
} satisfies { [C in ProblemCode]: (params: never) => LocalizedText };

export type MessageParams<C extends ProblemCode> = Parameters<(typeof problemMessages)[C]>[0];

/** The node or edge a shape problem sits in, if any. */
export type Owner = { kind: "node" | "edge"; name: DisplayName };

function ownerZh(owner: Owner): string {
  return owner.kind === "node" ? `节点「${owner.name[ZH]}」` : `连线「${owner.name[ZH]}」`;
}

function ownerEn(owner: Owner): string {
  return owner.kind === "node" ? `node “${owner.name.en}”` : `edge “${owner.name.en}”`;
}

/** A zod issue as a predicate phrase: "is required", "must have at least 1 item"... */
export function issueDetail(issue: z.core.$ZodIssue): LocalizedText {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return requiredDetail();
      return text(`的类型不对，应为 ${issue.expected}`, `must be of type ${issue.expected}`);
    case "too_small":
      return sizeDetail(issue.origin, "min", Number(issue.minimum), issue.inclusive !== false);
    case "too_big":
      return sizeDetail(issue.origin, "max", Number(issue.maximum), issue.inclusive !== false);
    case "invalid_format":
      return formatDetail(issue.format);
    case "not_multiple_of":
      return text(`应为 ${issue.divisor} 的整数倍`, `must be a multiple of ${issue.divisor}`);
    case "unrecognized_keys":
      return text(
        `中有不认识的字段：${list(issue.keys, "、")}`,
        `has unknown fields: ${list(issue.keys, ", ")}`,
      );
    case "invalid_union":
      return text("不符合任何一种允许的写法", "matches none of the allowed forms");
    case "invalid_key":
      return text("中有不合法的键", "has an invalid key");
    case "invalid_element":
      return text("中有不合法的元素", "has an invalid element");
    case "invalid_value":
      if (issue.input === undefined) return requiredDetail();
      return text(
        `应为以下之一：${list(issue.values.map(String), "、")}`,
        `must be one of: ${list(issue.values.map(String), ", ")}`,
      );
    case "custom":
      return text(`不符合要求：${issue.message}`, `is invalid: ${issue.message}`);
  }
}

/** The predicate phrase for a missing value the schema alone cannot demand. */
export function requiredDetail(): LocalizedText {
  return text("是必填项", "is required");
}

/** The predicate phrase for a string that does not match a JSON Schema `pattern`. */
export function patternDetail(): LocalizedText {
  return text("格式不正确", "has the wrong format");
}

function sizeDetail(
  origin: string,
  bound: "min" | "max",
  limit: number,
  inclusive: boolean,
): LocalizedText {
  const atLeast = bound === "min";
  switch (origin) {
    case "string":
      return atLeast
        ? limit <= 1
          ? text("不能为空", "must not be empty")
          : text(`至少要有 ${limit} 个字符`, `must have at least ${limit} characters`)
        : text(`最多只能有 ${limit} 个字符`, `must have at most ${limit} characters`);
    case "array":
    case "set":
      return atLeast
        ? text(`至少要有 ${limit} 项`, `must have at least ${limit} item${limit === 1 ? "" : "s"}`)
        : text(`最多只能有 ${limit} 项`, `must have at most ${limit} items`);
    default:
      if (atLeast) {
        return inclusive
          ? text(`不能小于 ${limit}`, `must be at least ${limit}`)
          : text(`必须大于 ${limit}`, `must be greater than ${limit}`);
      }
      return inclusive
        ? text(`不能大于 ${limit}`, `must be at most ${limit}`)
        : text(`必须小于 ${limit}`, `must be less than ${limit}`);
  }
}

function formatDetail(format: string): LocalizedText {
  switch (format) {
    case "datetime":
      return text(
        "应为带时区的日期时间，例如 2025-01-31T09:00:00+08:00",
        "must be a date-time with offset such as 2025-01-31T09:00:00+08:00",
      );
    case "date":
      return text("应为日期，例如 2025-01-31", "must be a date such as 2025-01-31");
    case "email":
      return text("应为邮箱地址", "must be an email address");
    case "url":
      return text("应为网址", "must be a URL");
    default:
      return patternDetail();
  }
}
