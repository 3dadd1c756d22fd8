// Declared variables: names are unique and defaults have the declared type, since the runtime
// seeds new instances with them.
import type { Problem } from "../problems";
import { valueSchemaFor } from "../variables";
import type { DefinitionElements } from "./graph";
import { problem } from "./report";

export function checkVariables(definition: DefinitionElements): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  definition.variables.forEach((variable, i) => {
    if (seen.has(variable.name)) {
      problems.push(
        problem("variable.duplicate", { name: variable.name }, { field: `variables.${i}.name` }),
      );
    }
    seen.add(variable.name);
    if (
      variable.default !== undefined &&
      !valueSchemaFor(variable.type).safeParse(variable.default).success
    ) {
      problems.push(
        problem(
          "variable.defaultType",
          { name: variable.name, type: variable.type },
          { field: `variables.${i}.default` },
        ),
      );
    }
  });
  return problems;
}
