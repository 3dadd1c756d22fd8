// Helpers for canvas shortcuts: whether a key event belongs to a text field (where ctrl+z, delete
// and ctrl+c must keep their usual meaning) or to an open dialog.
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return true;
  return target.closest("[contenteditable='true'], .cm-editor") !== null;
}

export function isInOverlay(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest(".ant-modal, .ant-drawer, .ant-popover, .ant-select-dropdown, .ant-dropdown") !==
      null
  );
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function isModKey(event: KeyboardEvent | ClipboardEvent | MouseEvent): boolean {
  return "metaKey" in event && (event.metaKey || event.ctrlKey);
}

/** True when the user is selecting page text (copy should copy that text, not nodes). */
export function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== "";
}
