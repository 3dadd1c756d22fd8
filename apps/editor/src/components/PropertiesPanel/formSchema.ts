// From a node type's config JSON Schema to what rjsf renders: the input for each field (picked by
// the "x-widget" hint, then by shape), localized titles, help and option names, and fields hidden
// by a mode switch. Pure, so any node type — including third-party ones — gets a form untested.
import { type Locale, type Problem, WIDGET_KEYWORD, type Widget } from "@playbook/schema";
import type { ErrorSchema, RJSFSchema, UiSchema } from "@rjsf/utils";
import { pickText } from "../locale";

type JsonSchema = Record<string, unknown>;

/**
 * rjsf widget names registered by ConfigForm: ours (arrays too — rjsf hands an array's custom
 * widget the whole list) plus rjsf's own radio and textarea.
 */
export type WidgetName = Widget | "userList" | "roleList" | "tags" | "radio" | "textarea";
/** rjsf field names registered by ConfigForm (objects cannot have widgets). */
export type FieldName = "localizedText";

export type InputChoice = { widget: WidgetName } | { field: FieldName } | undefined;

/** Names of settings whose text is prose (a message, a note) rather than a short value. */
export const LONG_TEXT_NAME = /(message|content|template|description|body|text|note|comment)$/i;

/** The input for one property: the explicit hint first, then what its shape suggests. */
export function chooseInput(schema: JsonSchema, name: string): InputChoice {
  const hint = schema[WIDGET_KEYWORD] as Widget | undefined;
  if (hint !== undefined) return { widget: hint };
  if (schema.type === "array" && isObject(schema.items)) {
    const items = schema.items;
    if (items[WIDGET_KEYWORD] === "user") return { widget: "userList" };
    if (items[WIDGET_KEYWORD] === "role") return { widget: "roleList" };
    if (
      items.type === "string" &&
      items.enum === undefined &&
      items[WIDGET_KEYWORD] === undefined
    ) {
      return { widget: "tags" };
    }
    return undefined;
  }
  if (schema.type === "object" && isLocalizedText(schema)) return { field: "localizedText" };
  if (schema.type === "string" && Array.isArray(schema.enum) && schema.enum.length <= 3) {
    return { widget: "radio" };
  }
  if (schema.type === "string" && schema.enum === undefined && LONG_TEXT_NAME.test(name)) {
    return { widget: "textarea" };
  }
  return undefined;
}

function isLocalizedText(schema: JsonSchema): boolean {
  const properties = schema.properties;
  if (!isObject(properties)) return false;
  const keys = Object.keys(properties).sort();
  return keys.length === 2 && keys[0] === "en" && keys[1] === "zh-CN";
}

export interface FieldTexts {
  locale: Locale;
  /** The node type, for texts that differ per type (`playbook.userTask` → `title` is 任务标题). */
  nodeType: string;
  /** A message of the components namespace, or undefined when there is none. */
  lookup(key: string): string | undefined;
}

function typeSlug(nodeType: string): string {
  return nodeType.replace(/\./g, "_");
}

function text(texts: FieldTexts, name: string, part: "title" | "help"): string | undefined {
  return (
    texts.lookup(`form.typeFields.${typeSlug(texts.nodeType)}.${name}.${part}`) ??
    texts.lookup(`form.fields.${name}.${part}`)
  );
}

/** `x-title` (bilingual) from the node author, then ours, then JSON Schema's title, then the key. */
export function fieldTitle(schema: JsonSchema, name: string, texts: FieldTexts): string {
  const authored = schema["x-title"];
  if (isObject(authored)) {
    const picked = pickText(authored as Record<string, string>, texts.locale);
    if (picked) return picked;
  }
  return (
    text(texts, name, "title") ??
    (typeof schema.title === "string" ? schema.title : undefined) ??
    humanize(name)
  );
}

export function fieldHelp(schema: JsonSchema, name: string, texts: FieldTexts): string | undefined {
  const authored = schema["x-description"];
  if (isObject(authored)) {
    const picked = pickText(authored as Record<string, string>, texts.locale);
    if (picked) return picked;
  }
  return (
    text(texts, name, "help") ??
    (typeof schema.description === "string" ? schema.description : undefined)
  );
}

/** `candidateUsers` → `Candidate users`. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Option names for an enum: ours per field and value, else the value itself. */
export function enumLabels(
  schema: JsonSchema,
  name: string,
  texts: FieldTexts,
): Record<string, string> | undefined {
  if (!Array.isArray(schema.enum)) return undefined;
  const labels: Record<string, string> = {};
  for (const value of schema.enum) {
    const key = String(value);
    labels[key] = texts.lookup(`form.enums.${name}.${key}`) ?? key;
  }
  return labels;
}

/**
 * Fields a mode switch hides: when an enum's values are all names of sibling fields (the
 * timer's `mode: duration | date | expression`), only the chosen sibling is shown.
 */
export function hiddenByMode(schema: JsonSchema, formData: unknown): Set<string> {
  const hidden = new Set<string>();
  const properties = isObject(schema.properties) ? schema.properties : {};
  const data = isObject(formData) ? formData : {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property) || !Array.isArray(property.enum) || property.enum.length < 2) continue;
    const values = property.enum.map(String);
    if (!values.every((value) => value !== name && Object.hasOwn(properties, value))) continue;
    const chosen = String(data[name] ?? property.default ?? "");
    for (const value of values) if (value !== chosen) hidden.add(value);
  }
  return hidden;
}

/** The schema rjsf gets: the config schema without `$schema` (ajv's default draft is enough). */
export function formSchema(configSchema: JsonSchema): RJSFSchema {
  const { $schema: _ignored, ...rest } = configSchema;
  return rest as RJSFSchema;
}

export function buildUiSchema(schema: JsonSchema, formData: unknown, texts: FieldTexts): UiSchema {
  return {
    ...objectUi(schema, formData, texts),
    "ui:submitButtonOptions": { norender: true },
  };
}

function objectUi(schema: JsonSchema, formData: unknown, texts: FieldTexts): UiSchema {
  const ui: UiSchema = {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  const hidden = hiddenByMode(schema, formData);
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property)) continue;
    if (hidden.has(name)) {
      ui[name] = { "ui:widget": "hidden" };
      continue;
    }
    ui[name] = fieldUi(property, name, texts);
  }
  return ui;
}

function fieldUi(schema: JsonSchema, name: string, texts: FieldTexts): UiSchema {
  const ui: UiSchema = { "ui:title": fieldTitle(schema, name, texts) };
  const help = fieldHelp(schema, name, texts);
  if (help) ui["ui:description"] = help;
  const placeholder = texts.lookup(`form.fields.${name}.placeholder`);
  if (placeholder) ui["ui:placeholder"] = placeholder;
  const labels = enumLabels(schema, name, texts);
  if (labels) ui["ui:enumNames"] = labels;
  const choice = chooseInput(schema, name);
  if (choice && "widget" in choice) ui["ui:widget"] = choice.widget;
  if (choice && "field" in choice) ui["ui:field"] = choice.field;
  if (choice === undefined && schema.type === "object") {
    Object.assign(ui, objectUi(schema, undefined, texts));
  }
  if (choice === undefined && schema.type === "array" && isObject(schema.items)) {
    const items = schema.items;
    // An item of a list of objects needs no "form-1" title of its own; its card says enough.
    ui.items =
      items.type === "object"
        ? { ...objectUi(items, undefined, texts), "ui:label": false }
        : fieldUi(items, name, texts);
  }
  return ui;
}

/**
 * The validator's problems of one node placed on the form fields they name: a problem at
 * `config.assignments.0.expression` shows under that cell. Problems without a config field are
 * left to the panel's summary.
 */
export function problemsToErrorSchema(problems: readonly Problem[], locale: Locale): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    const field = problem.field;
    if (field === undefined || !field.startsWith("config.")) continue;
    let cursor = root;
    for (const segment of field.slice("config.".length).split(".")) {
      const child = isObject(cursor[segment]) ? cursor[segment] : {};
      cursor[segment] = child;
      cursor = child;
    }
    const errors = Array.isArray(cursor.__errors) ? (cursor.__errors as string[]) : [];
    errors.push(pickText(problem.message, locale));
    cursor.__errors = errors;
  }
  return root as ErrorSchema;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
