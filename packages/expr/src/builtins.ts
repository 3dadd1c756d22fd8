// FEEL built-in functions as the editor shows them: name, parameters, category and a one-line
// description in zh-CN and en. `isBuiltinName` is what the analyzer uses to tell a built-in
// call from a variable. test/builtins.test.ts checks this list against the interpreter.

export type BuiltinCategory =
  | "conversion"
  | "boolean"
  | "string"
  | "list"
  | "numeric"
  | "date-time"
  | "range"
  | "context"
  | "sort";

export interface FeelBuiltin {
  name: string;
  params: readonly string[];
  category: BuiltinCategory;
  description: { en: string; "zh-CN": string };
}

type Row = [name: string, params: string, category: BuiltinCategory, en: string, zh: string];

// biome-ignore format: one row per built-in reads as a table
const ROWS: readonly Row[] = [
  ["number", "from, grouping separator, decimal separator", "conversion", "Text to number with the given separators", "按分隔符把文本转为数字"],
  ["string", "from", "conversion", "Any value as text", "把任意值转为文本"],
  ["date", "from | year, month, day", "conversion", "A date from text, a date-time, or year/month/day", "由文本、日期时间或年月日构造日期"],
  ["date and time", "from | date, time", "conversion", "A date-time from text or a date and a time", "由文本或日期加时间构造日期时间"],
  ["time", "from | hour, minute, second, offset?", "conversion", "A time of day from text or parts", "由文本或时分秒构造时间"],
  ["duration", "from", "conversion", "A duration from ISO text, e.g. \"P1DT2H\"", "由 ISO 文本构造时长，如 \"P1DT2H\""],
  ["years and months duration", "from, to", "conversion", "Whole years and months between two dates", "两个日期之间相差的整年整月"],
  ["now", "", "date-time", "The current date and time", "当前日期时间"],
  ["today", "", "date-time", "Today's date", "今天的日期"],
  ["not", "negand", "boolean", "Logical negation (null stays null)", "逻辑非（null 仍为 null）"],
  ["is", "value1, value2", "boolean", "Same value and same type (strict)", "值与类型都相同（严格比较）"],
  ["substring", "string, start position, length?", "string", "Part of a text; positions start at 1", "截取文本，位置从 1 开始"],
  ["string length", "string", "string", "Number of characters", "文本长度（字符数）"],
  ["upper case", "string", "string", "Text in upper case", "转为大写"],
  ["lower case", "string", "string", "Text in lower case", "转为小写"],
  ["substring before", "string, match", "string", "Text before the first match", "第一次匹配之前的文本"],
  ["substring after", "string, match", "string", "Text after the first match", "第一次匹配之后的文本"],
  ["replace", "input, pattern, replacement, flags?", "string", "Replace regular-expression matches", "按正则表达式替换"],
  ["contains", "string, match", "string", "Whether the text contains the match", "文本是否包含指定内容"],
  ["matches", "input, pattern, flags?", "string", "Whether the text matches a regular expression", "文本是否匹配正则表达式"],
  ["starts with", "string, match", "string", "Whether the text starts with the match", "文本是否以指定内容开头"],
  ["ends with", "string, match", "string", "Whether the text ends with the match", "文本是否以指定内容结尾"],
  ["split", "string, delimiter", "string", "Split text on a regular expression", "按正则表达式拆分文本"],
  ["string join", "list, delimiter?", "string", "Join texts with a delimiter", "用分隔符连接多个文本"],
  ["list contains", "list, element", "list", "Whether the list contains the element", "列表是否包含该元素"],
  ["list replace", "list, position | match, newItem", "list", "Replace an item by position or test", "按位置或条件替换列表项"],
  ["count", "list", "list", "Number of items", "列表项数"],
  ["min", "list", "list", "Smallest item", "最小值"],
  ["max", "list", "list", "Largest item", "最大值"],
  ["sum", "list", "list", "Sum of numbers", "求和"],
  ["mean", "list", "list", "Average of numbers", "平均值"],
  ["all", "list", "list", "True if every item is true", "全部为真时为真"],
  ["any", "list", "list", "True if some item is true", "任一为真时为真"],
  ["sublist", "list, start position, length?", "list", "Part of a list; positions start at 1", "截取子列表，位置从 1 开始"],
  ["append", "list, item...", "list", "The list with items added at the end", "在列表末尾追加"],
  ["concatenate", "list...", "list", "Lists joined into one", "合并多个列表"],
  ["insert before", "list, position, newItem", "list", "The list with an item inserted", "在指定位置前插入"],
  ["remove", "list, position", "list", "The list without the item at a position", "删除指定位置的项"],
  ["reverse", "list", "list", "The list in reverse order", "反转列表"],
  ["index of", "list, match", "list", "Positions where the item occurs", "元素出现的位置列表"],
  ["union", "list...", "list", "Distinct items of all lists", "多个列表的并集（去重）"],
  ["distinct values", "list", "list", "The list without duplicates", "去除重复项"],
  ["flatten", "list", "list", "Nested lists made flat", "展平嵌套列表"],
  ["product", "list", "list", "Product of numbers", "乘积"],
  ["median", "list", "list", "Median of numbers", "中位数"],
  ["stddev", "list", "list", "Sample standard deviation", "样本标准差"],
  ["mode", "list", "list", "Most frequent values", "众数"],
  ["decimal", "n, scale", "numeric", "Round half to even to a scale", "按位数四舍六入五成双"],
  ["floor", "n, scale?", "numeric", "Round down", "向下取整"],
  ["ceiling", "n, scale?", "numeric", "Round up", "向上取整"],
  ["abs", "n", "numeric", "Absolute value", "绝对值"],
  ["round up", "n, scale", "numeric", "Round away from zero", "远离零方向舍入"],
  ["round down", "n, scale", "numeric", "Round toward zero", "向零方向舍入"],
  ["round half up", "n, scale", "numeric", "Round half away from zero (四舍五入)", "四舍五入"],
  ["round half down", "n, scale", "numeric", "Round half toward zero", "五舍六入"],
  ["modulo", "dividend, divisor", "numeric", "Remainder with the divisor's sign", "取模（符号同除数）"],
  ["sqrt", "number", "numeric", "Square root", "平方根"],
  ["log", "number", "numeric", "Natural logarithm", "自然对数"],
  ["exp", "number", "numeric", "e raised to the number", "e 的幂"],
  ["odd", "number", "numeric", "Whether the number is odd", "是否为奇数"],
  ["even", "number", "numeric", "Whether the number is even", "是否为偶数"],
  ["before", "a, b", "range", "Whether a is entirely before b", "a 是否完全在 b 之前"],
  ["after", "a, b", "range", "Whether a is entirely after b", "a 是否完全在 b 之后"],
  ["meets", "range1, range2", "range", "Whether range1 ends where range2 starts", "range1 的终点是否恰为 range2 的起点"],
  ["met by", "range1, range2", "range", "Whether range2 ends where range1 starts", "range2 的终点是否恰为 range1 的起点"],
  ["overlaps", "range1, range2", "range", "Whether the ranges overlap", "两个区间是否重叠"],
  ["overlaps before", "range1, range2", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["overlaps after", "range1, range2", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["finishes", "point | range1, range2", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["finished by", "range, point | range2", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["includes", "range, value", "range", "Whether the range includes the value", "区间是否包含该值"],
  ["during", "point | range1, range", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["starts", "point | range1, range", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["started by", "range, point | range2", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["coincides", "a, b", "range", "Not supported by the interpreter", "解释器暂不支持"],
  ["day of year", "date", "date-time", "Day number within the year", "一年中的第几天"],
  ["day of week", "date", "date-time", "Weekday name, e.g. \"Monday\"", "星期几（英文名，如 \"Monday\"）"],
  ["month of year", "date", "date-time", "Month name, e.g. \"January\"", "月份（英文名，如 \"January\"）"],
  ["week of year", "date", "date-time", "ISO week number", "ISO 周数"],
  ["sort", "list, precedes", "sort", "Sort with a function(a, b) that says whether a comes first", "按比较函数 function(a, b) 排序"],
  ["get value", "m, key", "context", "Value of a context entry by key", "按键取上下文中的值"],
  ["get entries", "m", "context", "Entries of a context as {key, value} list", "把上下文转为 {key, value} 列表"],
  ["context", "entries", "context", "A context from {key, value} entries", "由 {key, value} 列表构造上下文"],
  ["context put", "context, key | keys, value", "context", "The context with an entry set", "设置上下文中的一项"],
  ["context merge", "contexts", "context", "Contexts merged, later keys win", "合并多个上下文，后者覆盖前者"],
];

export const FEEL_BUILTINS: readonly FeelBuiltin[] = Object.freeze(
  ROWS.map(([name, params, category, en, zh]) =>
    Object.freeze({
      name,
      params: params === "" ? [] : params.split(", "),
      category,
      description: { en, "zh-CN": zh },
    }),
  ),
);

const BUILTIN_NAMES: ReadonlySet<string> = new Set(FEEL_BUILTINS.map((builtin) => builtin.name));

export function isBuiltinName(name: string): boolean {
  return BUILTIN_NAMES.has(name);
}
