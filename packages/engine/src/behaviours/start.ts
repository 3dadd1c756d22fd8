// Start: where a `start` event puts the first token; it leaves at once by its normal edges.
// The trigger (manual, api, message) matters to whoever sends the start event, not here.
import { defineBehaviour } from "./behaviour";
import { startConfig } from "./configs";

export const start = defineBehaviour(startConfig, {
  enter: () => ({ type: "leave", via: "normal" }),
});
