// Opening a process: load its draft (or a copy of its latest version), put it in the editor store
// with an empty history, and keep it saved while the user edits. Nodes without a stored position
// (e.g. an imported file written by hand) are laid out once on open.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type LoadedDraft, loadDraft, saveDraft } from "../../api/definitions";
import { autoLayout } from "../../canvas/auto-layout";
import { editorStore } from "../../state/hooks";
import { type Autosaver, createAutosaver } from "../session/autosaver";

export function useEditorSession(key: string) {
  const draft = useQuery({
    queryKey: ["draft", key],
    queryFn: () => loadDraft(key),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const [autosaver, setAutosaver] = useState<Autosaver | undefined>();

  useEffect(() => {
    const loaded: LoadedDraft | undefined = draft.data;
    if (!loaded) return;
    editorStore.getState().load(loaded.definition);
    const saver = createAutosaver(
      editorStore,
      { ...loaded, key },
      { save: saveDraft, load: loadDraft },
    );
    setAutosaver(saver);
    void layOutMissingPositions();
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      const status = saver.session.getState().status;
      if (status === "dirty" || status === "saving") event.preventDefault();
    };
    window.addEventListener("beforeunload", warnBeforeLeaving);
    return () => {
      window.removeEventListener("beforeunload", warnBeforeLeaving);
      saver.dispose();
    };
  }, [draft.data, key]);

  return { draft, autosaver };
}

async function layOutMissingPositions(): Promise<void> {
  const definition = editorStore.getState().definition;
  if (!definition) return;
  if (definition.nodes.every((node) => definition.layout.nodes[node.id] !== undefined)) return;
  const positions = await autoLayout(definition, new Map());
  const temporal = editorStore.temporal.getState();
  temporal.pause();
  editorStore.getState().apply({ kind: "moveNodes", positions });
  temporal.resume();
}
