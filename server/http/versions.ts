import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";

// Versions of what an administrator edits (a call park extension, a call park group, a
// location's Call Park Settings), as HTTP entity tags (RFC 9110 §8.8.3, §13.1). The tag
// is a digest of the object as GET answers it, so anything that changes the answer — a
// member added by someone else, a destination deleted with its call park extension, a
// person renamed — changes the tag, with no counter to keep in step.

/** What an `If-Match` asks: any current version (`*`), or one of these tags. */
export type IfMatch = "*" | string[];

/** JSON with object keys in one order, so the same object always gives the same tag. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The strong entity tag of an object as its GET answers it. */
export function etagOf(representation: unknown): string {
  return `"${createHash("sha256").update(canonical(representation)).digest("base64url").slice(0, 27)}"`;
}

/**
 * The entity tags of an `If-Match` or `If-None-Match` header: `*`, or the list of tags
 * (weak ones keep their `W/`). Nothing usable (absent, empty) is undefined.
 */
export function parseEntityTags(header: string | string[] | undefined): IfMatch | undefined {
  const value = (Array.isArray(header) ? header.join(",") : header)?.trim();
  if (!value) return undefined;
  if (value === "*") return "*";
  const tags = value.match(/(?:W\/)?"[^"]*"/g) ?? [];
  return tags.length ? tags : [];
}

/** If-Match's strong comparison: a weak tag never matches. */
export function matchesStrongly(etag: string, ifMatch: IfMatch): boolean {
  return ifMatch === "*" || ifMatch.includes(etag);
}

/** If-None-Match's weak comparison: `W/"x"` and `"x"` are the same version. */
export function matchesWeakly(etag: string, ifNoneMatch: IfMatch): boolean {
  if (ifNoneMatch === "*") return true;
  const opaque = (tag: string) => tag.replace(/^W\//, "");
  return ifNoneMatch.some((tag) => opaque(tag) === opaque(etag));
}

/** The `If-Match` a write carries; undefined when it has none (as a Webex client sends). */
export function ifMatchOf(request: FastifyRequest): IfMatch | undefined {
  return parseEntityTags(request.headers["if-match"]);
}

export function ifNoneMatchOf(request: FastifyRequest): IfMatch | undefined {
  return parseEntityTags(request.headers["if-none-match"]);
}
