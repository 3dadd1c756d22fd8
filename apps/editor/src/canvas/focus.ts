// Bringing one element into view: select it and centre the viewport on it (used by the problems
// list, ⌘K node search and anything else that says "show me this").
import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { editorStore } from "../state/hooks";

export function useFocusElement() {
  const flow = useReactFlow();
  return useCallback(
    (target: { nodeId?: string | undefined; edgeId?: string | undefined }) => {
      const definition = editorStore.getState().definition;
      if (!definition) return;
      const edge = target.edgeId
        ? definition.edges.find((candidate) => candidate.id === target.edgeId)
        : undefined;
      const nodeIds = edge ? [edge.source, edge.target] : target.nodeId ? [target.nodeId] : [];
      if (edge) editorStore.getState().select({ nodes: [], edges: [edge.id] });
      else if (target.nodeId) editorStore.getState().select({ nodes: [target.nodeId], edges: [] });
      const nodes = nodeIds.flatMap((id) => {
        const node = flow.getNode(id);
        return node ? [node] : [];
      });
      if (nodes.length === 0) return;
      const zoom = Math.max(flow.getZoom(), 1);
      void flow.fitView({
        nodes,
        duration: 300,
        maxZoom: zoom,
        minZoom: Math.min(zoom, 0.5),
        padding: 0.6,
      });
    },
    [flow],
  );
}
