// The predicate phrases that finish a shape or config message ("is required", "must have at
// least 1 item"...), from zod issues and from the checks zod cannot make, in zh-CN and en.
import type { z } from "zod";
import type { LocalizedText } from "../i18n";
import { text } from "./names";

function list(items: readonly (string | number)[], sep: string): string {
  return items.map(String).join(sep);
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
    case "custom": {
      // A node type's own rule may say it in both languages: `params: { detail: { "zh-CN", en } }`.
      const detail = (issue.params as { detail?: Partial<LocalizedText> } | undefined)?.detail;
      if (detail?.["zh-CN"] && detail.en) return text(detail["zh-CN"], detail.en);
      return text(`不符合要求：${issue.message}`, `is invalid: ${issue.message}`);
    }
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
