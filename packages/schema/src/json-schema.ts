// JSON Schema (2020-12) of the document formats, generated from the zod schemas so the two can
// never drift: for editors' autocompletion, other-language tooling and the committed artifacts
// packages/schema/definition.schema.json and manifest.schema.json (kept current by a test).
import { z } from "zod";
import { ProcessDefinition } from "./definition";
import { NodeManifest } from "./manifest";

/** The process definition document as written (fields with defaults are optional). */
export function definitionJsonSchema(): Record<string, unknown> {
  return documented(
    z.toJSONSchema(ProcessDefinition, { target: "draft-2020-12", io: "input" }),
    "Playbook process definition",
    "A process (SOP, approval flow, journey, funnel) as the Playbook editor saves it: declared variables, nodes, edges and a separate layout.",
  );
}

/** A node type's manifest as the server publishes it. */
export function manifestJsonSchema(): Record<string, unknown> {
  return documented(
    z.toJSONSchema(NodeManifest, { target: "draft-2020-12", io: "input" }),
    "Playbook node type manifest",
    "What the editor needs to draw, connect and configure a node type: titles, ports, behaviour and the config JSON Schema.",
  );
}

// Title and description first, so the artifact reads from the top.
function documented(
  schema: Record<string, unknown>,
  title: string,
  description: string,
): Record<string, unknown> {
  const { $schema, ...rest } = schema;
  return { $schema, title, description, ...rest };
}
