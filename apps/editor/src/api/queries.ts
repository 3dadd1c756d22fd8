// react-query bindings for server data: cache keys in one place, so a mutation invalidates exactly
// what it changed (the list after create/delete/publish, the versions after publish).
import { useQuery } from "@tanstack/react-query";
import { listDefinitions, listVersions } from "./definitions";
import { fetchNodeTypes } from "./node-types";

export const queryKeys = {
  nodeTypes: ["node-types"] as const,
  definitions: ["definitions"] as const,
  versions: (key: string) => ["definitions", key, "versions"] as const,
};

export function useNodeTypes() {
  return useQuery({
    queryKey: queryKeys.nodeTypes,
    queryFn: fetchNodeTypes,
    staleTime: 5 * 60_000,
  });
}

export function useDefinitionList() {
  return useQuery({ queryKey: queryKeys.definitions, queryFn: listDefinitions });
}

export function useVersions(key: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.versions(key), queryFn: () => listVersions(key), enabled });
}
