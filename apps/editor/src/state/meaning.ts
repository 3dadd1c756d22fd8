// The definition without its layout: what validation, the problems list and the side panels
// depend on. Its identity changes only when meaning changes, so dragging a node re-validates
// nothing and re-renders only the canvas.
import type { ProcessDefinition } from "@playbook/schema";
import { useMemo } from "react";
import { useEditor } from "./hooks";

const NO_LAYOUT: ProcessDefinition["layout"] = { nodes: {} };

export function useDefinitionMeaning(): ProcessDefinition | null {
  const key = useEditor((state) => state.definition?.key);
  const name = useEditor((state) => state.definition?.name);
  const description = useEditor((state) => state.definition?.description);
  const variables = useEditor((state) => state.definition?.variables);
  const nodes = useEditor((state) => state.definition?.nodes);
  const edges = useEditor((state) => state.definition?.edges);
  return useMemo(() => {
    if (key === undefined || !name || !variables || !nodes || !edges) return null;
    return {
      key,
      name,
      ...(description ? { description } : {}),
      schemaVersion: 1,
      variables,
      nodes,
      edges,
      layout: NO_LAYOUT,
    };
  }, [key, name, description, variables, nodes, edges]);
}
