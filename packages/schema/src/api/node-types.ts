// GET /api/node-types: every registered node type's manifest, for the editor's palette and forms.
import { z } from "zod";
import { NodeManifest } from "../manifest";

export const NodeTypesQuery = z.strictObject({
  /** `true`: only the newest version of each type (the palette); default all versions. */
  latestOnly: z.enum(["true", "false"]).optional(),
});
export type NodeTypesQuery = z.infer<typeof NodeTypesQuery>;

export const NodeTypesResponse = z
  .object({ nodeTypes: z.array(NodeManifest.meta({ id: "NodeManifest" })) })
  .meta({ id: "NodeTypes" });
export type NodeTypesResponse = z.infer<typeof NodeTypesResponse>;
