// useValidation: the problems of the definition being edited, recomputed shortly after the user
// stops typing (the validator is pure and fast, but a keystroke should never wait for it).
import type { NodeManifest } from "@playbook/schema";
import { useEffect, useMemo, useState } from "react";
import { type EditorValidation, validateForEditor } from "./validate";

export interface ValidationState extends EditorValidation {
  /** True while the shown problems belong to an older version of the definition. */
  pending: boolean;
}

export const VALIDATION_DELAY_MS = 150;

export function useValidation(
  definition: unknown,
  manifests: readonly NodeManifest[],
  { delayMs = VALIDATION_DELAY_MS }: { delayMs?: number } = {},
): ValidationState {
  // The first result is computed at once, so a freshly opened definition shows its problems
  // without a flash of "no problems".
  const [validated, setValidated] = useState(() => ({
    definition,
    manifests,
    result: validateForEditor(definition, manifests),
  }));
  const upToDate = validated.definition === definition && validated.manifests === manifests;

  useEffect(() => {
    if (upToDate) return;
    const timer = setTimeout(() => {
      setValidated({ definition, manifests, result: validateForEditor(definition, manifests) });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [definition, manifests, delayMs, upToDate]);

  return useMemo(() => ({ ...validated.result, pending: !upToDate }), [validated, upToDate]);
}
