// Opens one side for a round (or for the profiler).
import { openDbos } from "../dbos/session";
import { openPlaybook } from "../playbook/session";
import { assertNever, type RoundRequest, type SideSession } from "./protocol";

export function openSide(request: RoundRequest): Promise<SideSession> {
  switch (request.side) {
    case "playbook":
      return openPlaybook(request);
    case "dbos":
      return openDbos(request);
    default:
      return assertNever(request.side);
  }
}
