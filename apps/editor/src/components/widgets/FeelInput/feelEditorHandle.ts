// The seam to @bpmn-io/feel-editor: creating it with our variables, built-ins and marks, and the
// two things its public API lacks (destroying the CodeMirror view, re-running our lint after the
// declared variables change), kept here so no component touches its internals.
import FeelEditor, { type FeelVariable } from "@bpmn-io/feel-editor";
import { type Diagnostic, forceLinting, linter } from "@codemirror/lint";
import { FEEL_BUILTINS } from "@playbook/expr";
import type { Locale } from "@playbook/schema";

type EditorView = Parameters<typeof forceLinting>[0];

export interface FeelEditorSetup {
  container: HTMLElement;
  value: string;
  kind: "expression" | "unaryTest";
  variables: FeelVariable[];
  locale: Locale;
  placeholder: string;
  readOnly: boolean;
  ariaLabel?: string | undefined;
  id?: string | undefined;
  onChange(value: string): void;
  /** Our marks (undeclared variables), recomputed from the editor's text when it lints. */
  marks(text: string): Diagnostic[];
}

export function createFeelEditor(setup: FeelEditorSetup): FeelEditor {
  const contentAttributes: Record<string, string> = {};
  if (setup.ariaLabel) contentAttributes["aria-label"] = setup.ariaLabel;
  if (setup.id) contentAttributes.id = setup.id;
  return new FeelEditor({
    container: setup.container,
    value: setup.value,
    dialect: setup.kind === "unaryTest" ? "unaryTests" : "expression",
    variables: setup.variables,
    builtins: feelBuiltins(setup.locale),
    placeholder: setup.placeholder,
    readOnly: setup.readOnly,
    contentAttributes,
    onChange: setup.onChange,
    extensions: [linter((view) => setup.marks(view.state.doc.toString()), { delay: 100 })],
  });
}

export function destroyFeelEditor(editor: FeelEditor): void {
  (editor._cmEditor as EditorView).destroy();
}

/** Declared variables changed: new completions, and our marks recomputed. */
export function updateFeelVariables(editor: FeelEditor, variables: FeelVariable[]): void {
  editor.setVariables(variables);
  forceLinting(editor._cmEditor as EditorView);
}

// FEEL_BUILTINS lists a few range functions the interpreter lacks, marked only by this text;
// offering them would invite expressions that fail at run time.
const UNSUPPORTED = "Not supported by the interpreter";

/** The FEEL functions our runtime has, for completion, described in the reader's language. */
function feelBuiltins(locale: Locale): FeelVariable[] {
  return FEEL_BUILTINS.filter((builtin) => builtin.description.en !== UNSUPPORTED).map(
    (builtin) => ({
      name: builtin.name,
      type: "function" as const,
      info: builtin.description[locale],
      // "from | year, month, day" lists alternatives; completion shows the first.
      params: (builtin.params.join(", ").split("|")[0] ?? "")
        .split(",")
        .map((param) => param.trim().replace(/\?$/, ""))
        .filter(Boolean)
        .map((name) => ({ name })),
    }),
  );
}
