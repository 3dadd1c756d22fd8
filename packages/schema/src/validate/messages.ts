// Every problem message the validator shows a person, in zh-CN and en. Nodes, connections and
// node types are named as the canvas and the palette show them (names.ts); the phrases that end
// shape and config messages are in issue-details.ts. Messages say what goes wrong at run time, in
// the user's words, so a business user can fix the drawing without a manual.
import type { LocalizedText } from "../i18n";
import type { ProblemCode } from "../problems";
import type { VariableType } from "../variables";
import {
  capitalize,
  type DisplayName,
  type EdgeName,
  edgePhrase,
  midSentence,
  type TypedNode,
  text,
  typedPhrase,
  withoutSource,
  ZH,
} from "./names";

export type StartTrigger = "manual" | "api" | "message";

/**
 * A node setting as a message names it: its title quoted (「处理人」, “Assignee”) where the node
 * type or the caller gives one, else its key as written (zh padded with spaces: ` assignee `).
 */
export type SettingName = LocalizedText;

/** Where an expression sits, phrased to follow "the expression in …". */
export type ExpressionPlace =
  | { kind: "edgeCondition"; edge: EdgeName }
  | { kind: "nodeConfig"; node: DisplayName; field: SettingName };

/** The node or edge a shape problem sits in, if any. */
export type Owner = { kind: "node"; name: DisplayName } | { kind: "edge"; name: EdgeName };

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
    case "edgeCondition": {
      const edge = edgePhrase(where.edge);
      return text(`${edge[ZH]}的条件`, `the condition of ${edge.en}`);
    }
    case "nodeConfig":
      return text(
        `节点「${where.node[ZH]}」的配置项${where.field[ZH]}`,
        `setting ${where.field.en} of node “${where.node.en}”`,
      );
  }
}

function ownerText(owner: Owner): LocalizedText {
  return owner.kind === "node"
    ? text(`节点「${owner.name[ZH]}」`, `node “${owner.name.en}”`)
    : edgePhrase(owner.name);
}

/** One message builder per problem code; `satisfies` keeps the table exhaustive. */
export const problemMessages = {
  "definition.shape": (p: { field?: string; detail: LocalizedText; owner?: Owner }) => {
    const { field, detail } = p;
    const owner = p.owner && ownerText(p.owner);
    if (owner && field !== undefined) {
      return text(
        `${owner[ZH]}的字段 ${field} ${detail[ZH]}`,
        `Field ${field} of ${owner.en} ${detail.en}`,
      );
    }
    if (owner) return text(`${owner[ZH]}${detail[ZH]}`, `${capitalize(owner.en)} ${detail.en}`);
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
      `Connection id “${p.id}” is used more than once; connection ids must be unique`,
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
  "node.config": (p: { node: DisplayName; field?: SettingName; detail: LocalizedText }) =>
    p.field === undefined
      ? text(
          `节点「${p.node[ZH]}」的配置${p.detail[ZH]}`,
          `The config of node “${p.node.en}” ${p.detail.en}`,
        )
      : text(
          `节点「${p.node[ZH]}」的配置项${p.field[ZH]}${p.detail[ZH]}`,
          `Setting ${p.field.en} of node “${p.node.en}” ${p.detail.en}`,
        ),
  "node.configUnchecked": (p: { node: DisplayName; type: string; title: LocalizedText }) =>
    text(
      `节点「${p.node[ZH]}」的配置无法校验：节点类型「${p.title[ZH]}」（${p.type}）的配置结构用了校验器不支持的写法`,
      `The settings of node “${p.node.en}” cannot be checked: the config schema of node type “${p.title.en}” (${p.type}) uses JSON Schema the validator does not support`,
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
      `“${p.node.en}” ends the process; no connection may leave it`,
    ),
  "edge.intoStart": (p: { node: DisplayName }) =>
    text(
      `「${p.node[ZH]}」是流程的起点，不能有连入的连线`,
      `“${p.node.en}” starts the process; no connection may enter it`,
    ),
  "edge.unknownNode": (p: { edge: EdgeName; end: "source" | "target"; id: string }) => {
    const edge = edgePhrase(p.edge);
    return p.end === "source"
      ? text(
          `${edge[ZH]}的起点「${p.id}」不存在`,
          `${capitalize(edge.en)} starts at “${p.id}”, which does not exist`,
        )
      : text(
          `${edge[ZH]}的终点「${p.id}」不存在`,
          `${capitalize(edge.en)} ends at “${p.id}”, which does not exist`,
        );
  },
  "edge.unknownPort": (p: {
    edge: EdgeName;
    node: DisplayName;
    port: string;
    ports: readonly DisplayName[];
  }) => {
    const edge = edgePhrase(withoutSource(p.edge));
    return text(
      `${edge[ZH]}从「${p.node[ZH]}」的端口「${p.port}」连出，但该节点没有这个端口（可用端口：${list(
        p.ports.map((port) => port[ZH]),
        "、",
      )}）`,
      `${capitalize(edge.en)} leaves “${p.node.en}” by port “${p.port}”, which it does not have (ports: ${list(
        p.ports.map((port) => port.en),
        ", ",
      )})`,
    );
  },
  "port.tooManyEdges": (p: {
    node: DisplayName;
    port: DisplayName;
    direction: "in" | "out";
    count: number;
  }) =>
    p.direction === "out"
      ? text(
          `「${p.node[ZH]}」的输出端口「${p.port[ZH]}」只能连出一条连线，现在有 ${p.count} 条`,
          `Port “${p.port.en}” of “${p.node.en}” takes one outgoing connection, but has ${p.count}`,
        )
      : text(
          `「${p.node[ZH]}」的输入端口「${p.port[ZH]}」只能连入一条连线，现在有 ${p.count} 条`,
          `Port “${p.port.en}” of “${p.node.en}” takes one incoming connection, but has ${p.count}`,
        ),
  "gateway.noDefault": (p: { node: TypedNode }) => {
    const gateway = typedPhrase(p.node);
    return text(
      `${gateway[ZH]}没有默认分支：所有条件都不满足时流程会停在这里`,
      `${capitalize(gateway.en)} has no default branch: the process stops there when no condition matches`,
    );
  },
  "gateway.multipleDefaults": (p: { node: TypedNode; count: number }) => {
    const gateway = typedPhrase(p.node);
    return text(
      `${gateway[ZH]}有 ${p.count} 条默认分支，只能有一条`,
      `${capitalize(gateway.en)} has ${p.count} default branches; it may have only one`,
    );
  },
  "gateway.missingCondition": (p: { node: TypedNode; edge: EdgeName }) => {
    const gateway = typedPhrase(p.node);
    const way = withoutSource(p.edge);
    const edge = edgePhrase(way);
    // 条件分支「通过？」连到「发布」的连线 / 条件分支「通过？」的连线「通过」
    const of = way.kind === "ends" ? "" : "的";
    return text(
      `${gateway[ZH]}${of}${edge[ZH]}既没有条件，也不是默认分支`,
      `${capitalize(edge.en)} out of ${gateway.en} has no condition and is not the default branch`,
    );
  },
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
  "parallel.unbalanced": (p: {
    node: TypedNode;
    reason: "branchesDiffer" | "loopIntoJoin";
    /** The title of the exclusive gateway type, for the example of why. */
    decision: LocalizedText;
  }) => {
    const join = typedPhrase(p.node);
    return p.reason === "branchesDiffer"
      ? text(
          `${join[ZH]}可能永远等下去：它要等每条连入的连线都走到才继续，但这些连线不一定都会走到（例如它们来自同一个${p.decision[ZH]}节点的不同出口，或其中一条并行的路径已经走到了结束）`,
          `${capitalize(join.en)} can wait forever: it continues only once every incoming connection is reached, but they are not always all reached (for example they come from different ways out of one ${midSentence(p.decision.en)}, or a parallel path has gone to an end instead)`,
        )
      : text(
          `${join[ZH]}在等一条循环回来的连线，而那条连线要等它继续之后才会走到，流程会卡死`,
          `${capitalize(join.en)} waits for a connection that loops back, which is only reached after it has continued, so the process deadlocks`,
        );
  },
  "parallel.unsynchronized": (p: {
    node: DisplayName;
    reason: "merge" | "loop";
    /** The title of the parallel gateway type, which joins parallel paths. */
    join: LocalizedText;
  }) =>
    p.reason === "merge"
      ? text(
          `几条并行的路径没有先经过${p.join[ZH]}节点汇合，就在「${p.node[ZH]}」汇到了一起：「${p.node[ZH]}」及其后的步骤会重复执行`,
          `Parallel paths meet at “${p.node.en}” without a ${midSentence(p.join.en)} joining them first, so “${p.node.en}” and the steps after it run more than once`,
        )
      : text(
          `流程回到「${p.node[ZH]}」重做时，另一条并行的路径还在运行：每转一圈，之后的步骤就会多执行一遍`,
          `The loop back to “${p.node.en}” is taken while another parallel path is still running, so each round runs the steps after it once more`,
        ),
  "cycle.noWait": (p: { node: DisplayName; waiting: readonly LocalizedText[] }) =>
    text(
      `经过「${p.node[ZH]}」的循环里没有任何等待的步骤（${list(
        p.waiting.map((title) => title[ZH]),
        "、",
      )}或调用外部服务的步骤），会无限空转`,
      `The loop through “${p.node.en}” has no step that waits (${list(
        p.waiting.map((title) => midSentence(title.en)),
        ", ",
      )} or a call to an outside service) and would spin forever`,
    ),
  "variable.duplicate": (p: { name: string }) =>
    text(`变量「${p.name}」重复声明了`, `Variable “${p.name}” is declared more than once`),
  "variable.defaultType": (p: { name: string; type: VariableType }) =>
    text(
      `变量「${p.name}」的默认值不是${variableTypeNames[p.type][ZH]}`,
      `The default value of variable “${p.name}” is not ${variableTypeNames[p.type].en}`,
    ),
  "variable.undeclared": (p: { node: DisplayName; field: SettingName; name: string }) =>
    text(
      `节点「${p.node[ZH]}」的配置项${p.field[ZH]}要写入未声明的变量「${p.name}」`,
      `Setting ${p.field.en} of node “${p.node.en}” writes the undeclared variable “${p.name}”`,
    ),
} satisfies { [C in ProblemCode]: (params: never) => LocalizedText };

export type MessageParams<C extends ProblemCode> = Parameters<(typeof problemMessages)[C]>[0];
