// Config field builders shared by node types. Each carries an `x-widget` hint into its JSON
// Schema so the editor picks the right input (FEEL editor, duration picker, user picker...) for
// any node type, including third-party ones, without knowing them.
import { z } from "zod";

export type Widget =
  | "feel"
  | "template"
  | "duration"
  | "datetime"
  | "user"
  | "role"
  | "mapping"
  | "variable";

/** JSON Schema keyword that names the editor widget of a field. */
export const WIDGET_KEYWORD = "x-widget";

const ISO_DURATION =
  /^P(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?W)?(\d+(?:\.\d+)?D)?(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?$/;

export function isIsoDuration(text: string): boolean {
  return ISO_DURATION.test(text);
}

/** A FEEL expression, e.g. `金额 > 10000 and 渠道 = "抖音"`. */
export function feelField() {
  return z
    .string()
    .min(1)
    .meta({ [WIDGET_KEYWORD]: "feel" });
}

/**
 * Text with `{{ FEEL }}` placeholders, e.g. `https://crm.example.com/users/{{用户ID}}` or
 * `{{昵称}}，欢迎加入！`: each placeholder is checked like any FEEL expression.
 */
export function templateField({ required = true }: { required?: boolean } = {}) {
  return (required ? z.string().min(1) : z.string()).meta({ [WIDGET_KEYWORD]: "template" });
}

/** An ISO 8601 duration such as `PT2H` or `P3D`. */
export function durationField() {
  return z
    .string()
    .regex(ISO_DURATION, "expected an ISO 8601 duration such as PT2H or P3D")
    .meta({ [WIDGET_KEYWORD]: "duration" });
}

/** An ISO 8601 date-time with offset. */
export function dateTimeField() {
  return z.iso.datetime({ offset: true }).meta({ [WIDGET_KEYWORD]: "datetime" });
}

export function userField() {
  return z
    .string()
    .min(1)
    .meta({ [WIDGET_KEYWORD]: "user" });
}

export function roleField() {
  return z
    .string()
    .min(1)
    .meta({ [WIDGET_KEYWORD]: "role" });
}

/** The name of a declared process variable. */
export function variableField() {
  return z
    .string()
    .regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, "not a valid variable name")
    .meta({ [WIDGET_KEYWORD]: "variable" });
}

/** Ordered `variable := FEEL expression` assignments. */
export function mappingField() {
  return z
    .array(z.strictObject({ variable: variableField(), expression: feelField() }))
    .meta({ [WIDGET_KEYWORD]: "mapping" });
}
