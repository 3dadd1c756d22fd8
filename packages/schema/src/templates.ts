// `{{ FEEL }}` placeholders in text settings (templateField): where each one's expression is, so
// the validator can check it (with ranges in the whole text), the editor can rename variables
// in it, and executors render it — all reading placeholders the same way.

export interface TemplatePlaceholder {
  /** The expression, trimmed. */
  readonly source: string;
  /** Offset of `source` in the text (after `{{` and leading spaces). */
  readonly from: number;
  readonly to: number;
  /** The whole placeholder, braces included. */
  readonly outerFrom: number;
  readonly outerTo: number;
}

const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;

export function templatePlaceholders(text: string): TemplatePlaceholder[] {
  const found: TemplatePlaceholder[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const inner = match[1] ?? "";
    const outerFrom = match.index ?? 0;
    const lead = inner.length - inner.trimStart().length;
    const source = inner.trim();
    const from = outerFrom + 2 + lead;
    found.push({
      source,
      from,
      to: from + source.length,
      outerFrom,
      outerTo: outerFrom + match[0].length,
    });
  }
  return found;
}

/** The text with each placeholder replaced by what `render` makes of its expression. */
export function renderPlaceholders(text: string, render: (source: string) => string): string {
  let out = "";
  let at = 0;
  for (const placeholder of templatePlaceholders(text)) {
    out += text.slice(at, placeholder.outerFrom) + render(placeholder.source);
    at = placeholder.outerTo;
  }
  return out + text.slice(at);
}
