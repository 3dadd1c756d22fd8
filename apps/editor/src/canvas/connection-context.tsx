// The connection rules bound to the definition being edited, shared by the canvas's
// isValidConnection, its connection line (which explains a refusal) and its onConnectEnd.
import type { ProcessDefinition } from "@playbook/schema";
import { createContext, useContext } from "react";
import {
  type ConnectionAttempt,
  type ConnectionVerdict,
  checkConnection,
  type ManifestOf,
} from "./connection-rules";

export interface ConnectionRules {
  check(attempt: ConnectionAttempt): ConnectionVerdict;
}

export function bindConnectionRules(
  definition: () => Pick<ProcessDefinition, "nodes" | "edges"> | null,
  manifestOf: ManifestOf,
): ConnectionRules {
  return {
    check(attempt) {
      const current = definition();
      if (!current) return { ok: false, reason: "unknownNode" };
      return checkConnection(current, manifestOf, attempt);
    },
  };
}

const ConnectionRulesContext = createContext<ConnectionRules>({
  check: () => ({ ok: false, reason: "unknownNode" }),
});

export const ConnectionRulesProvider = ConnectionRulesContext.Provider;

export function useConnectionRules(): ConnectionRules {
  return useContext(ConnectionRulesContext);
}
