// Autosave of the open draft: every edit marks the draft dirty, and a short pause in editing
// saves it with the revision it was based on. A 409 (someone else saved in between) stops
// autosaving and waits for the user to choose: load their version, or overwrite it with ours.
import type { ProcessDefinition, ValidationReport } from "@playbook/schema";
import { createStore, type StoreApi } from "zustand/vanilla";
import { ApiError } from "../../api/client";
import type { LoadedDraft, SavedDraft } from "../../api/definitions";
import type { EditorStore } from "../../state/store";

export type SaveStatus = "saved" | "dirty" | "saving" | "error" | "conflict";

export interface SessionState {
  key: string;
  /** The draft revision the server has for what we last saved (0: no draft yet). */
  revision: number;
  source: LoadedDraft["source"];
  status: SaveStatus;
  /** The server's message for the last failed save. */
  error?: string | undefined;
  /** The revision the server holds now, when status is "conflict". */
  theirRevision?: number | undefined;
  /** What the server said about the last saved draft. */
  validation?: ValidationReport | undefined;
}

export interface DraftPort {
  save(definition: ProcessDefinition, revision: number | "overwrite"): Promise<SavedDraft>;
  load(key: string): Promise<LoadedDraft>;
}

export const AUTOSAVE_DELAY_MS = 800;

export interface Autosaver {
  session: StoreApi<SessionState>;
  /** Saves now if anything is unsaved; resolves when the server has it (or failed). */
  flush(): Promise<void>;
  resolveConflict(choice: "theirs" | "mine"): Promise<void>;
  /** Stops autosaving; unsaved edits are still sent once. */
  dispose(): void;
}

export function createAutosaver(
  editor: EditorStore,
  loaded: LoadedDraft & { key: string },
  port: DraftPort,
  delayMs = AUTOSAVE_DELAY_MS,
): Autosaver {
  const session = createStore<SessionState>()(() => ({
    key: loaded.key,
    revision: loaded.revision,
    source: loaded.source,
    status: "saved",
    validation: loaded.validation,
  }));
  // A copy of a published version is not on the server as a draft yet: the first flush saves it.
  let saved: ProcessDefinition | null =
    loaded.source.kind === "draft" ? editor.getState().definition : null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | undefined;
  let disposed = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  };

  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.definition === previous.definition || state.definition === saved) return;
    const { status } = session.getState();
    if (status === "conflict") return;
    if (status !== "saving") session.setState({ status: "dirty" });
    schedule();
  });

  async function saveOnce(
    revision: number | "overwrite",
    definition = editor.getState().definition,
  ): Promise<void> {
    if (!definition || definition === saved) {
      if (session.getState().status !== "conflict") session.setState({ status: "saved" });
      return;
    }
    session.setState({ status: "saving", error: undefined });
    try {
      const result = await port.save(definition, revision);
      saved = definition;
      if (disposed) return;
      const dirty = editor.getState().definition !== saved;
      session.setState({
        revision: result.revision,
        source: { kind: "draft" },
        validation: result.validation,
        status: dirty ? "dirty" : "saved",
        theirRevision: undefined,
      });
      if (dirty) schedule();
    } catch (error) {
      if (disposed) return;
      if (error instanceof ApiError && error.code === "definition.revisionConflict") {
        session.setState({ status: "conflict", theirRevision: error.details?.currentRevision });
      } else {
        session.setState({ status: "error", error: (error as Error).message });
      }
    }
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    while (inflight) await inflight;
    if (session.getState().status === "conflict") return;
    inflight = saveOnce(session.getState().revision).finally(() => {
      inflight = undefined;
    });
    await inflight;
  }

  async function resolveConflict(choice: "theirs" | "mine"): Promise<void> {
    clearTimeout(timer);
    while (inflight) await inflight;
    if (choice === "mine") {
      inflight = saveOnce("overwrite").finally(() => {
        inflight = undefined;
      });
      await inflight;
      return;
    }
    const theirs = await port.load(loaded.key);
    if (disposed) return;
    saved = theirs.definition;
    editor.getState().load(theirs.definition);
    session.setState({
      revision: theirs.revision,
      source: theirs.source,
      status: "saved",
      theirRevision: undefined,
      error: undefined,
      validation: theirs.validation,
    });
  }

  return {
    session,
    flush,
    resolveConflict,
    dispose() {
      // The last edits still go to the server: captured now, before another definition opens.
      const last = editor.getState().definition;
      const status = session.getState().status;
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
      if (last && last !== saved && status !== "conflict") {
        const pending = inflight ?? Promise.resolve();
        void pending.then(() => saveOnce(session.getState().revision, last));
      }
    },
  };
}
