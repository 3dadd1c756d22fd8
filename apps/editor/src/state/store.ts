// The editor's state: the definition being edited and the selection. Edits go through `apply`
// (a typed change, see changes.ts) and are recorded by zundo for undo/redo; the selection is not
// history. Bursts of edits that belong together (typing into one field, one drag) share a group
// key and become a single undo step.
import type { ProcessDefinition } from "@playbook/schema";
import { temporal } from "zundo";
import { createStore, type StoreApi } from "zustand/vanilla";
import { applyChange, type DefinitionChange } from "./changes";

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export interface ApplyOptions {
  /**
   * Changes with the same group that arrive within GROUP_WINDOW_MS of each other are one undo
   * step: e.g. `node:approve:config` while typing, `drag:<gesture>` while dragging.
   */
  group?: string;
}

export interface EditorState {
  definition: ProcessDefinition | null;
  selection: Selection;
  /** Opens a definition: history starts empty. */
  load(definition: ProcessDefinition): void;
  /** Applies one change (no-op before load). */
  apply(change: DefinitionChange, options?: ApplyOptions): void;
  select(selection: Selection): void;
  undo(): void;
  redo(): void;
}

export interface HistoryState {
  definition: ProcessDefinition | null;
}

export type EditorStore = StoreApi<EditorState> & {
  temporal: StoreApi<import("zundo").TemporalState<HistoryState>>;
};

export const GROUP_WINDOW_MS = 1000;
const HISTORY_LIMIT = 200;

export function createEditorStore(now: () => number = Date.now): EditorStore {
  let lastGroup: { key: string; at: number } | undefined;

  const store = createStore<EditorState>()(
    temporal(
      (set, get) => ({
        definition: null,
        selection: EMPTY_SELECTION,
        load(definition) {
          lastGroup = undefined;
          store.temporal.getState().pause();
          set({ definition, selection: EMPTY_SELECTION });
          store.temporal.getState().clear();
          store.temporal.getState().resume();
        },
        apply(change, options = {}) {
          const current = get().definition;
          if (!current) return;
          const next = applyChange(current, change);
          if (next === current) return;
          const at = now();
          const continues =
            options.group !== undefined &&
            lastGroup?.key === options.group &&
            at - lastGroup.at < GROUP_WINDOW_MS;
          lastGroup = options.group === undefined ? undefined : { key: options.group, at };
          if (continues) {
            // Same burst: the undo step recorded by its first change already covers this one.
            store.temporal.getState().pause();
            set({ definition: next, selection: pruned(get().selection, next) });
            store.temporal.getState().resume();
          } else {
            set({ definition: next, selection: pruned(get().selection, next) });
          }
        },
        select(selection) {
          const definition = get().definition;
          set({ selection: definition ? pruned(selection, definition) : selection });
        },
        undo() {
          lastGroup = undefined;
          store.temporal.getState().undo();
          afterTimeTravel();
        },
        redo() {
          lastGroup = undefined;
          store.temporal.getState().redo();
          afterTimeTravel();
        },
      }),
      {
        partialize: (state): HistoryState => ({ definition: state.definition }),
        equality: (past, current) => past.definition === current.definition,
        limit: HISTORY_LIMIT,
      },
    ),
  ) as EditorStore;

  // Undo can remove a selected node; the selection must not point at it afterwards.
  function afterTimeTravel(): void {
    const { definition, selection } = store.getState();
    if (!definition) return;
    const next = pruned(selection, definition);
    if (next !== selection) {
      store.temporal.getState().pause();
      store.setState({ selection: next });
      store.temporal.getState().resume();
    }
  }

  return store;
}

function pruned(selection: Selection, definition: ProcessDefinition): Selection {
  if (selection.nodes.length === 0 && selection.edges.length === 0) return selection;
  const nodeIds = new Set(definition.nodes.map((node) => node.id));
  const edgeIds = new Set(definition.edges.map((edge) => edge.id));
  const nodes = selection.nodes.filter((id) => nodeIds.has(id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length
    ? selection
    : { nodes, edges };
}
