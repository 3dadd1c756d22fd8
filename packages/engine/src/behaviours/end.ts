// End: consumes the token. The instance completes when its last token is consumed.
import { defineBehaviour } from "./behaviour";
import { endConfig } from "./configs";

export const end = defineBehaviour(endConfig, {
  enter: () => ({ type: "end" }),
});
