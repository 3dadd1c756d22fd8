// Set variables: FEEL mappings evaluated in order, each seeing the ones before it. All or
// nothing: if one fails, no variable changes and the token stops on an incident.
import { defineBehaviour, incidentOnEntry } from "./behaviour";
import { setVariablesConfig } from "./configs";

export const setVariables = defineBehaviour(setVariablesConfig, {
  enter(run, token, _node, config) {
    const scope = { ...run.variables };
    const changes: Record<string, unknown> = {};
    for (const { variable, expression } of config.assignments) {
      const result = run.evaluate(expression, scope);
      if (!result.ok)
        return incidentOnEntry(`${variable} := ${expression}: ${result.error.message}`);
      scope[variable] = result.value;
      changes[variable] = result.value;
    }
    run.assign(changes, token);
    return { type: "leave", via: "normal" };
  },
});
