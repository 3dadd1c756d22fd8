// Types for @bpmn-io/feel-editor 2.8, which ships JavaScript only; written from its JSDoc.
declare module "@bpmn-io/feel-editor" {
  export interface FeelVariable {
    name: string;
    info?: string;
    detail?: string;
    type?: "function" | "variable";
    params?: { name: string; type?: string }[];
    isList?: boolean | "optional";
    entries?: FeelVariable[];
  }

  export interface FeelEditorOptions {
    container: HTMLElement;
    /** CodeMirror extensions appended to the editor's own. */
    extensions?: readonly unknown[];
    dialect?: "expression" | "unaryTests";
    onChange?: (value: string) => void;
    onKeyDown?: (event: KeyboardEvent) => boolean | undefined;
    readOnly?: boolean;
    value?: string;
    variables?: FeelVariable[];
    builtins?: FeelVariable[];
    placeholder?: string;
    contentAttributes?: Record<string, string>;
    tooltipContainer?: HTMLElement | string;
  }

  export default class FeelEditor {
    constructor(options: FeelEditorOptions);
    setValue(value: string): void;
    focus(position?: number): void;
    setVariables(variables: FeelVariable[]): void;
    setPlaceholder(placeholder: string): void;
    /** The CodeMirror EditorView; undocumented, but the only way to destroy the editor. */
    _cmEditor: unknown;
  }
}
