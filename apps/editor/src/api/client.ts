// The typed HTTP client (openapi-fetch over the generated schema.d.ts) and the one error type the
// editor sees: the server's problem+json, kept as data (status, stable code, problems).
import type { Problem } from "@playbook/schema";
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

export type ProblemDetails = components["schemas"]["ProblemDetails"];

/** Same origin as the page: the server serves the editor, and Vite proxies /api in dev. */
export const api = createClient<paths>({
  baseUrl: typeof window === "undefined" ? "http://localhost" : window.location.origin,
});

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ProblemDetails | undefined;

  constructor(status: number, details: ProblemDetails | undefined) {
    super(details?.detail ?? details?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = details?.code ?? (status === 0 ? "network.unreachable" : `http.${status}`);
    this.details = details;
  }

  /** Definition problems (validator output) carried by a 422, if any. */
  definitionProblems(): Problem[] {
    return (this.details?.problems ?? []).filter(
      (problem): problem is Problem => typeof problem.message === "object",
    ) as Problem[];
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, or an ApiError carrying the problem details. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    throw new ApiError(0, {
      type: "urn:playbook:problem:network.unreachable",
      title: "Server unreachable",
      status: 0,
      code: "network.unreachable",
      detail: (error as Error).message,
    });
  }
  if (result.response.ok) return result.data as T;
  throw new ApiError(result.response.status, asProblem(result.error));
}

function asProblem(body: unknown): ProblemDetails | undefined {
  if (typeof body === "object" && body !== null && "code" in body) return body as ProblemDetails;
  return undefined;
}
