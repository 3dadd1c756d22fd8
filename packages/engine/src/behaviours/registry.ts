// Behaviour name (what a node type resolves to) -> implementation. A Record, so adding a
// behaviour to the schema's enum fails type-checking here until it is implemented.
import type { Behaviour } from "@playbook/schema";
import type { NodeBehaviour } from "./behaviour";
import { end } from "./end";
import { exclusiveGateway } from "./exclusive-gateway";
import { messageWait } from "./message-wait";
import { parallelGateway } from "./parallel-gateway";
import { service } from "./service";
import { setVariables } from "./set-variables";
import { start } from "./start";
import { terminateEnd } from "./terminate-end";
import { timer } from "./timer";
import { userTask } from "./user-task";

const behaviours: Record<Behaviour, NodeBehaviour> = {
  start,
  end,
  terminateEnd,
  userTask,
  exclusiveGateway,
  parallelGateway,
  timer,
  messageWait,
  service,
  setVariables,
};

export function behaviourOf(behaviour: Behaviour): NodeBehaviour {
  return behaviours[behaviour];
}
