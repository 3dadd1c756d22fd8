// Checks every /api request goes through before a route sees it: a JSON body must be
// well-formed, not nested absurdly deep, and hold only text Postgres can store; query and path
// values must hold only storable text too (they end up in SQL parameters).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import {
  malformedJson,
  nestedTooDeeply,
  problemResponse,
  type UnstorableText,
  unstorableText,
} from "./problem";

export const MAX_DEPTH = 100;

/**
 * Parses a JSON body once, up front, so malformed JSON is a 400 with the parser's message before
 * any route runs. An empty body counts as `{}`: clients often send the JSON content type with no
 * body on action routes (`POST /cancel`), and a required body then fails as "required" fields.
 */
export const checkJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const contentType = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\b/i.test(contentType) || !c.req.raw.body) return next();
  const text = await c.req.text();
  if (text.trim() === "") {
    c.req.raw = new Request(c.req.raw, { body: "{}" });
    delete c.req.bodyCache.text;
    return next();
  }
  // Deeper than any real process or payload, and shallow enough that every recursive walk of
  // the value after this point (validation, FEEL, JSON.stringify, jsonb) stays well inside
  // its stack.
  if (nestedDeeperThan(text, MAX_DEPTH)) return problemResponse(c, nestedTooDeeply(MAX_DEPTH));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return problemResponse(
      c,
      malformedJson(`The request body is not valid JSON: ${(error as Error).message}`),
    );
  }
  // Text Postgres cannot store (U+0000, or half of a surrogate pair) can only arrive as a \u
  // escape: refused here, naming the field, rather than as a database error half way through a
  // write.
  const unstorable = ESCAPES_TO_CHECK.test(text) ? findUnstorable(body, []) : undefined;
  if (unstorable !== undefined) return problemResponse(c, unstorableText("body", unstorable));
  return next();
};

/** Query and path values with text Postgres cannot store: a 400 naming the parameter. */
export const checkQueryAndPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  for (const segment of url.pathname.split("/")) {
    const reason = unstorableReason(safeDecode(segment));
    if (reason) return problemResponse(c, unstorableText("path", { field: "", reason }));
  }
  for (const [name, value] of url.searchParams) {
    const reason = unstorableReason(name) ?? unstorableReason(value);
    if (reason) return problemResponse(c, unstorableText("query", { field: name, reason }));
  }
  return next();
};

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes are the router's business
  }
}

const ESCAPES_TO_CHECK = /\\u(0000|d[89a-f])/i;

/** The first string or key holding text Postgres cannot store, with its dotted path. */
function findUnstorable(value: unknown, path: string[]): UnstorableText | undefined {
  if (typeof value === "string") {
    const reason = unstorableReason(value);
    return reason && { field: path.join("."), reason };
  }
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const reason = unstorableReason(key);
    if (reason) return { field: [...path, key].join("."), reason };
    const found = findUnstorable(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function unstorableReason(text: string): UnstorableText["reason"] | undefined {
  if (text.includes("\u0000")) return "nul";
  return LONE_SURROGATE.test(text) ? "loneSurrogate" : undefined;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether brackets nest deeper than `limit` outside strings (the text is not parsed yet). */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}
