// Problems are data: a stable code, a message in both languages, and where it belongs, so the
// editor can draw it on the canvas and the API can return it as-is.
import { z } from "zod";
import { LocalizedText } from "./i18n";

export const ProblemCode = z.enum([
  "definition.shape",
  "node.duplicateId",
  "edge.duplicateId",
  "node.unknownType",
  "node.config",
  /** The node type's config schema uses JSON Schema the validator cannot check (a warning). */
  "node.configUnchecked",
  "start.missing",
  "start.multiple",
  "node.unreachable",
  "node.cannotReachEnd",
  "edge.fromEnd",
  "edge.intoStart",
  "edge.unknownNode",
  "edge.unknownPort",
  /** More edges on a port than its `multiple: false` allows. */
  "port.tooManyEdges",
  "gateway.noDefault",
  "gateway.multipleDefaults",
  /** A non-default edge out of a deciding exclusive gateway has no condition. */
  "gateway.missingCondition",
  "expression.syntax",
  "expression.undeclaredVariable",
  "parallel.unbalanced",
  /** Concurrent tokens run through one merge (or loop back) without being joined first. */
  "parallel.unsynchronized",
  "cycle.noWait",
  "variable.duplicate",
  "variable.defaultType",
  /** A config field that names a variable to write (mapping target, form field...) names an undeclared one. */
  "variable.undeclared",
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.strictObject({
  code: ProblemCode,
  severity: z.enum(["error", "warning"]),
  message: LocalizedText,
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** JSON-pointer-like path inside the node/edge/definition, e.g. `config.duration`. */
  field: z.string().optional(),
  /** Character range inside an expression, for inline markers. */
  range: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
});
export type Problem = z.infer<typeof Problem>;
