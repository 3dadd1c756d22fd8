// JSON Schema (2020-12) of the document formats, generated from the zod schemas so the two can
// never drift: for editors' autocompletion, other-language tooling and the published artifacts
// packages/schema/definition.schema.json and manifest.schema.json.
import { z } from "zod";
import { ProcessDefinition } from "./definition";
import { NodeManifest } from "./manifest";

/** The process definition document as written (defaults optional). */
export function definitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    ProcessDefinition.meta({
      title: "Playbook process definition",
      description:
        "A process (SOP, approval flow, journey, funnel) as the Playbook editor saves it: declared variables, nodes, edges and a separate layout.",
    }),
    { target: "draft-2020-12", io: "input" },
  );
}

/** A node type's manifest as the server publishes it. */
export function manifestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    NodeManifest.meta({
      title: "Playbook node type manifest",
      description:
        "What the editor needs to draw, connect and configure a node type: titles, ports, behaviour and the config JSON Schema.",
    }),
    { target: "draft-2020-12", io: "input" },
  );
}
