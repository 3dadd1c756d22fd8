// A FEEL expression field: syntax highlighting and completion of declared variables and FEEL
// functions (@bpmn-io/feel-editor), undeclared names marked as you type, and the expression's
// problems in the reader's language below it. Controlled: an outside change of `value` (undo,
// another panel) replaces the text; the user's own typing never resets the cursor.
import type FeelEditor from "@bpmn-io/feel-editor";
import type { FeelVariable } from "@bpmn-io/feel-editor";
import type { Diagnostic } from "@codemirror/lint";
import type { ExpressionKind, Problem, VariableDeclaration } from "@playbook/schema";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { type Locale, pickText, useComponentsText } from "../../locale";
import { checkFeel } from "./feelCheck";
import { createFeelEditor, destroyFeelEditor, updateFeelVariables } from "./feelEditorHandle";
import "./FeelInput.css";

export interface FeelInputProps {
  value: string | undefined;
  onChange(value: string): void;
  /** Declared process variables: completion, and what counts as undeclared. */
  variables: readonly VariableDeclaration[];
  /** The validator's problems for this expression, shown below in the reader's language. */
  problems?: readonly Problem[] | undefined;
  /** Other messages to show below (e.g. from a form). */
  error?: string | readonly string[] | undefined;
  /** Draw the error border without a message (the surrounding form shows it). */
  invalid?: boolean | undefined;
  /** False: marks and border only, no text below (when a form prints the errors itself). */
  showMessages?: boolean | undefined;
  kind?: ExpressionKind | undefined;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
  id?: string | undefined;
  ariaLabel?: string | undefined;
  locale?: Locale | undefined;
}

export function FeelInput({
  value,
  onChange,
  variables,
  problems = [],
  error,
  invalid = false,
  showMessages = true,
  kind = "expression",
  placeholder,
  disabled = false,
  id,
  ariaLabel,
  locale,
}: FeelInputProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const text = value ?? "";
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<FeelEditor | null>(null);
  // The text the editor holds; a `value` equal to it is our own echo, not an outside change.
  const held = useRef(text);
  const onChangeRef = useRef(onChange);
  const declared = useMemo(() => new Set(variables.map((variable) => variable.name)), [variables]);
  const declaredRef = useRef(declared);
  const markText = useRef((name: string) => name);
  const feelVariables = useMemo(() => toFeelVariables(variables, t), [variables, t]);
  const shownPlaceholder = placeholder ?? t("widgets.feel.placeholder");

  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    declaredRef.current = declared;
    markText.current = (name) => t("widgets.feel.undeclaredMark", { name });
  });

  // The editor is rebuilt only when what it cannot change in place changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: value, variables and placeholder are applied in place by the effects below
  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const instance = createFeelEditor({
      container: host,
      value: held.current,
      kind,
      variables: feelVariables,
      locale: lang,
      placeholder: shownPlaceholder,
      readOnly: disabled,
      ariaLabel,
      id,
      onChange: (next) => {
        if (next === held.current) return;
        held.current = next;
        onChangeRef.current(next);
      },
      marks: (source) => undeclaredMarks(source, declaredRef.current, kind, markText.current),
    });
    editor.current = instance;
    return () => {
      destroyFeelEditor(instance);
      editor.current = null;
    };
  }, [kind, lang, disabled, id, ariaLabel]);

  useEffect(() => {
    if (text === held.current) return;
    held.current = text;
    editor.current?.setValue(text);
  }, [text]);

  useEffect(() => {
    if (editor.current) updateFeelVariables(editor.current, feelVariables);
  }, [feelVariables]);

  useEffect(() => {
    editor.current?.setPlaceholder(shownPlaceholder);
  }, [shownPlaceholder]);

  const check = useMemo(() => checkFeel(text, declared, kind), [text, declared, kind]);
  const messages = [...problems.map((problem) => pickText(problem.message, lang))];
  if (typeof error === "string") messages.push(error);
  else if (error) messages.push(...error);
  if (messages.length === 0 && check.syntax) {
    const column = check.syntax.from + 1;
    messages.push(t(`widgets.feel.${check.syntax.kind}`, { column }));
  }
  if (messages.length === 0 && check.undeclared.length > 0) {
    const names = [...new Set(check.undeclared.map((mark) => mark.name))];
    messages.push(
      t("widgets.feel.undeclared", {
        count: names.length,
        names: names.join(lang === "zh-CN" ? "、" : ", "),
      }),
    );
  }
  const hasError = invalid || messages.length > 0;

  return (
    <div>
      <div
        ref={container}
        className={[
          "playbook-feel-input",
          hasError ? "playbook-feel-input--error" : "",
          disabled ? "playbook-feel-input--disabled" : "",
        ].join(" ")}
        data-testid="feel-input"
      />
      {showMessages &&
        messages.map((message) => (
          <div key={message} role="alert" style={{ color: "#ff4d4f", fontSize: 12, marginTop: 4 }}>
            {message}
          </div>
        ))}
    </div>
  );
}

type T = ReturnType<typeof useComponentsText>["t"];

function toFeelVariables(variables: readonly VariableDeclaration[], t: T): FeelVariable[] {
  return variables.map((variable) => {
    const typeName = t(`common.type.${variable.type}`);
    const label = variable.label ? ` · ${variable.label["zh-CN"]} / ${variable.label.en}` : "";
    return {
      name: variable.name,
      type: "variable",
      info: `${typeName}${label}`,
      isList: variable.type === "list",
    };
  });
}

function undeclaredMarks(
  source: string,
  declared: ReadonlySet<string>,
  kind: ExpressionKind,
  message: (name: string) => string,
): Diagnostic[] {
  // Syntax errors are marked by the FEEL editor's own linter; here only undeclared names.
  return checkFeel(source, declared, kind).undeclared.map((mark) => ({
    from: mark.from,
    to: mark.to,
    severity: "error",
    message: message(mark.name),
    source: "playbook",
  }));
}
