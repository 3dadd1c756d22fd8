// React bindings of the one editor store the app uses (tests create their own with
// createEditorStore). Components read slices; edits go through the typed changes.
import { useStore } from "zustand";
import { createEditorStore, type EditorState, type HistoryState } from "./store";

export const editorStore = createEditorStore();

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}

export function useHistory<T>(
  selector: (state: import("zundo").TemporalState<HistoryState>) => T,
): T {
  return useStore(editorStore.temporal, selector);
}
