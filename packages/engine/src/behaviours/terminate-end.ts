// Terminate end: consumes the token and ends the instance as terminated, withdrawing every
// other token (their jobs, tasks, timers and subscriptions are cancelled).
import { defineBehaviour } from "./behaviour";
import { terminateEndConfig } from "./configs";

export const terminateEnd = defineBehaviour(terminateEndConfig, {
  enter: () => ({ type: "terminate" }),
});
