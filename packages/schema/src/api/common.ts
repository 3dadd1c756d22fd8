// Pieces every API payload shares: problem+json errors, cursor pages and query parameters.
// Request schemas are strict (an unknown key is a 400, not silently dropped); response schemas
// are plain objects, since they only document what the server sends.
import { z } from "zod";
import { Problem } from "../problems";

/** One wrong input value, e.g. `{ code: "request.invalidType", field: "variables.金额" }`. */
export const InputIssue = z
  .object({
    code: z.string(),
    message: z.string(),
    /** Dotted path of the offending value inside the request (body, query or path). */
    field: z.string().optional(),
  })
  .meta({ id: "InputIssue" });
export type InputIssue = z.infer<typeof InputIssue>;

/** RFC 9457 problem details, plus a stable `code` and where the problem is. */
export const ProblemDetails = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem; stable per code." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** Stable machine-readable code such as `task.alreadyCompleted`. */
    code: z.string(),
    field: z.string().optional(),
    nodeId: z.string().optional(),
    /** Correlates the answer with the server's logs. */
    requestId: z.string().optional(),
    /** Definition problems (with bilingual messages) or input issues, for validation errors. */
    problems: z.array(z.union([Problem, InputIssue])).optional(),
    /** For revision conflicts: the draft's revision now, to reload before saving again. */
    currentRevision: z.number().int().optional(),
  })
  .meta({ id: "ProblemDetails" });
export type ProblemDetails = z.infer<typeof ProblemDetails>;

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(500)
  .optional()
  .meta({ description: "Page size, 1–500 (default 50)." });

const cursor = z
  .string()
  .regex(/^\d{1,15}$/, "not a cursor returned by this API")
  .optional()
  .meta({ description: "`nextCursor` of the previous page." });

export const PageQuery = z.strictObject({ cursor, limit });
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** ISO 8601 timestamp as the server writes it. */
export const Timestamp = z.string().meta({ format: "date-time" });

/** JSON object of process variables, checked against the definition's declared types. */
export const Variables = z.record(z.string(), z.unknown()).meta({
  id: "Variables",
  description: 'Process variables by declared name, e.g. { "金额": 12000 }',
});
