import type { ProcessDefinition } from "@playbook/schema";
import { describe, expect, test, vi } from "vitest";
import { ApiError } from "../../api/client";
import type { LoadedDraft } from "../../api/definitions";
import { approvalDefinition } from "../../state/fixtures";
import { createEditorStore } from "../../state/store";
import { createAutosaver, type DraftPort } from "./autosaver";

function conflict(currentRevision: number) {
  return new ApiError(409, {
    type: "urn:playbook:problem:definition.revisionConflict",
    title: "Draft changed since it was loaded",
    status: 409,
    code: "definition.revisionConflict",
    currentRevision,
  });
}

function open(port: DraftPort) {
  const editor = createEditorStore();
  const loaded: LoadedDraft & { key: string } = {
    key: "budget",
    definition: approvalDefinition(),
    revision: 3,
    source: { kind: "draft" },
  };
  editor.getState().load(loaded.definition);
  const autosaver = createAutosaver(editor, loaded, port, 60_000);
  const rename = (en: string) =>
    editor.getState().apply({ kind: "updateNode", nodeId: "approve", patch: { label: { en } } });
  return { editor, autosaver, rename };
}

const ok = { ok: true, problems: [] };

describe("saving the draft while the user edits", () => {
  test("an edit marks the draft unsaved, and saving sends the revision it was based on", async () => {
    const save = vi.fn(async (_d: ProcessDefinition, revision: number | "overwrite") => ({
      revision: (revision as number) + 1,
      validation: ok,
    }));
    const { autosaver, rename } = open({ save, load: vi.fn() });
    rename("Review");
    expect(autosaver.session.getState().status).toBe("dirty");
    await autosaver.flush();
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ key: "budget" }), 3);
    expect(autosaver.session.getState()).toMatchObject({ status: "saved", revision: 4 });
    rename("Review again");
    await autosaver.flush();
    expect(save).toHaveBeenLastCalledWith(expect.anything(), 4);
  });

  test("a save rejected because another tab saved first is a conflict, not an overwrite", async () => {
    const save = vi.fn(async (_d: ProcessDefinition, revision: number | "overwrite") => {
      if (revision !== "overwrite") throw conflict(5);
      return { revision: 6, validation: ok };
    });
    const { autosaver, rename, editor } = open({ save, load: vi.fn() });
    rename("Mine");
    await autosaver.flush();
    expect(autosaver.session.getState()).toMatchObject({ status: "conflict", theirRevision: 5 });
    // While in conflict nothing else is sent behind the user's back.
    rename("Mine, edited more");
    await autosaver.flush();
    expect(save).toHaveBeenCalledTimes(1);

    await autosaver.resolveConflict("mine");
    expect(save).toHaveBeenLastCalledWith(expect.anything(), "overwrite");
    expect(autosaver.session.getState()).toMatchObject({ status: "saved", revision: 6 });
    expect(editor.getState().definition?.nodes.find((n) => n.id === "approve")?.label?.en).toBe(
      "Mine, edited more",
    );
  });

  test("choosing their version replaces the canvas with the server's draft", async () => {
    const theirs = { ...approvalDefinition(), name: { "zh-CN": "他们的", en: "Theirs" } };
    const { autosaver, rename, editor } = open({
      save: vi.fn(async () => {
        throw conflict(7);
      }),
      load: vi.fn(async () => ({
        definition: theirs,
        revision: 7,
        source: { kind: "draft" as const },
      })),
    });
    rename("Mine");
    await autosaver.flush();
    await autosaver.resolveConflict("theirs");
    expect(editor.getState().definition?.name.en).toBe("Theirs");
    expect(autosaver.session.getState()).toMatchObject({ status: "saved", revision: 7 });
  });

  test("a failed save is shown as an error and retried on the next flush", async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new ApiError(0, undefined);
      return { revision: 4, validation: ok };
    });
    const { autosaver, rename } = open({ save, load: vi.fn() });
    rename("Offline edit");
    await autosaver.flush();
    expect(autosaver.session.getState().status).toBe("error");
    fail = false;
    await autosaver.flush();
    expect(autosaver.session.getState()).toMatchObject({ status: "saved", revision: 4 });
  });

  test("leaving the editor still sends the last edits", async () => {
    const save = vi.fn(async () => ({ revision: 4, validation: ok }));
    const { autosaver, rename } = open({ save, load: vi.fn() });
    rename("Last words");
    autosaver.dispose();
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
  });
});
