// Draft revisions over HTTP: GET answers an ETag naming the revision; PUT, DELETE and publish
// take it back in If-Match (or a `revision` field), so a stale editor tab gets a 409 instead of
// silently overwriting someone else's work.
import { ApiProblem } from "../problem";

/** `"7"`: strong, since a revision names exactly one draft content. */
export function revisionEtag(revision: number): string {
  return `"${revision}"`;
}

export type ExpectedRevision =
  | { kind: "revision"; revision: number }
  /** `If-Match: *`: the client deliberately overwrites whatever is there. */
  | { kind: "any" }
  | { kind: "none" };

/**
 * The revision a write expects, from `If-Match` and/or the body's `revision`. A header that names
 * no revision, or one that disagrees with the body, is a 400: guessing could lose work.
 */
export function expectedRevision(
  ifMatch: string | undefined,
  bodyRevision: number | undefined,
): ExpectedRevision {
  const header = ifMatch?.trim();
  if (header === undefined || header === "") {
    return bodyRevision === undefined
      ? { kind: "none" }
      : { kind: "revision", revision: bodyRevision };
  }
  if (header === "*") {
    if (bodyRevision !== undefined) return { kind: "revision", revision: bodyRevision };
    return { kind: "any" };
  }
  const match = /^(?:W\/)?"?(\d{1,12})"?$/.exec(header);
  if (!match?.[1]) {
    throw new ApiProblem({
      status: 400,
      code: "request.invalidIfMatch",
      title: "Invalid If-Match header",
      detail: `If-Match must be an ETag returned by GET, such as "3", or *; got ${header}.`,
      field: "If-Match",
    });
  }
  const revision = Number(match[1]);
  if (bodyRevision !== undefined && bodyRevision !== revision) {
    throw new ApiProblem({
      status: 400,
      code: "request.revisionMismatch",
      title: "Revisions disagree",
      detail: `If-Match names revision ${revision} but the body says ${bodyRevision}.`,
      field: "revision",
    });
  }
  return { kind: "revision", revision };
}

/** For the store: the revision to compare, or undefined to skip the check. */
export function storeRevision(expected: ExpectedRevision): number | undefined {
  return expected.kind === "revision" ? expected.revision : undefined;
}
