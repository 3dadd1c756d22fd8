// Keyboard shortcuts of the canvas: delete, undo/redo (ctrl/cmd+z, ctrl/cmd+shift+z, ctrl+y),
// select all, ⌘K node search, Escape; and copy/cut/paste through the browser's clipboard events,
// which carry the data without permission prompts. Text fields keep their own meaning of keys.
import { useEffect } from "react";
import type { EditorStore } from "../state/store";
import { rememberCopied } from "./clipboard-io";
import { copyText, deleteSelection, selectAll } from "./commands";
import { hasTextSelection, isInOverlay, isModKey, isTypingTarget } from "./keyboard";

export interface ShortcutHandlers {
  store: EditorStore;
  onSearch(): void;
  paste(text: string): boolean;
  /** False while the canvas is not the user's current place (e.g. a read-only version view). */
  enabled: boolean;
}

export function useCanvasShortcuts({ store, onSearch, paste, enabled }: ShortcutHandlers): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (isModKey(event) && key === "k") {
        event.preventDefault();
        onSearch();
        return;
      }
      if (isTypingTarget(event.target) || isInOverlay(event.target)) return;
      if (isModKey(event) && key === "z") {
        event.preventDefault();
        if (event.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (isModKey(event) && key === "y") {
        event.preventDefault();
        store.getState().redo();
      } else if (isModKey(event) && key === "a") {
        event.preventDefault();
        selectAll(store);
      } else if (key === "delete" || key === "backspace") {
        if (deleteSelection(store)) event.preventDefault();
      } else if (key === "escape") {
        store.getState().select({ nodes: [], edges: [] });
      }
    };

    const copyEvent = (cut: boolean) => (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || isInOverlay(event.target) || hasTextSelection()) return;
      const text = copyText(store);
      if (!text || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", text);
      rememberCopied(text);
      event.preventDefault();
      if (cut) deleteSelection(store);
    };
    const onCopy = copyEvent(false);
    const onCut = copyEvent(true);
    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || isInOverlay(event.target)) return;
      const text = event.clipboardData?.getData("text/plain");
      if (text && paste(text)) event.preventDefault();
    };

    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCut);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCut);
      document.removeEventListener("paste", onPaste);
    };
  }, [store, onSearch, paste, enabled]);
}
