import { z } from "zod";
import type { Endpoint } from "@domain/api/endpoint";
import type { api } from "@domain/api/endpoints";
import { apiErrorBodySchema } from "@domain/schemas/api-error";
import { CSRF_HEADER, SESSION_COOKIE } from "@server/features/auth/access";

// The document's shared parts: who may call (bearer token, or the SPA's session cookie
// with its CSRF header on writes), the Webex error body every refusal carries, the
// headers every answer carries, and one tag per group of the endpoint table.

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client sends or reads it. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  // Transforms have no JSON form: their input side is described, or nothing rather than a refusal.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" });
  return rest;
}

/** One tag per group of `api`: a group added to the table without a tag fails to compile. */
export const TAGS: Record<keyof typeof api, { name: string; description: string }> = {
  session: { name: "Session", description: "Signing in and out of the SPA's session (ours)." },
  people: { name: "People", description: "The administrator the request acts for, and their personal access tokens." },
  auditEvents: { name: "Audit events", description: "Who changed what, when (ours)." },
  gateway: { name: "Gateway", description: "Which organisation this server manages: its own, or one in Webex through the public Webex API (ours)." },
  organizations: { name: "Organizations", description: "The organisation this server manages." },
  locations: { name: "Locations", description: "The organisation's locations." },
  callParkExtensions: { name: "Call Park Extensions", description: "Extensions calls are parked on." },
  callParks: { name: "Call Park", description: "Call park groups: who parks, on which extensions, where calls recall to." },
  callParkSettings: { name: "Call Park Settings", description: "A location's call park recall and ring settings." },
  callParkHealth: { name: "Call Park Health", description: "What is wrong or risky in the organisation's call park configuration (ours)." },
  importJobs: { name: "Import jobs", description: "Bulk changes to call park extensions from a CSV file (ours)." },
  callParkImportJobs: { name: "Call park group import jobs", description: "Bulk changes to call park groups from a CSV file (ours)." },
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const errorResponse = (description: string, headers: Record<string, unknown> = {}) => ({
  description,
  headers: { TrackingID: ref("headers", "TrackingID"), ...headers },
  content: { "application/json": { schema: ref("schemas", "ApiError") } },
});

export const components = {
  securitySchemes: {
    bearerAuth: {
      type: "http",
      scheme: "bearer",
      description: "A personal access token (Profile and access tokens in the app), or the server's ADMIN_TOKEN, as with Webex.",
    },
    sessionCookie: {
      type: "apiKey",
      in: "cookie",
      name: SESSION_COOKIE,
      description: "The app's session, opened by `POST /session` (httpOnly, SameSite=Strict).",
    },
    csrfToken: {
      type: "apiKey",
      in: "header",
      name: CSRF_HEADER,
      description: "The session's `csrfToken` (from `POST /session`): required with the cookie on every write.",
    },
  },
  schemas: { ApiError: jsonSchema(apiErrorBodySchema, "output") },
  headers: {
    TrackingID: {
      description: "The request's tracking id, also in the error body and the server's log.",
      schema: { type: "string" },
    },
    Link: {
      description: 'Webex paging: `<…?start=…&max=…>; rel="next"` while more items remain.',
      schema: { type: "string" },
    },
    "X-Total-Count": { description: "How many items match, in all (ours).", schema: { type: "integer", minimum: 0 } },
    "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 0 } },
    ETag: {
      description: "The object's version (ours): send it back as `If-Match` on a PUT so it cannot overwrite a change made since.",
      schema: { type: "string" },
    },
  },
  responses: {
    BadRequest: errorResponse("The request is not valid: its parameters, JSON body or CSV file (`issues` names each field)."),
    Unauthorized: errorResponse("No valid session or bearer token (or, signing in, a wrong address or password).", {
      "WWW-Authenticate": { schema: { type: "string" } },
    }),
    Forbidden: errorResponse("A read-only administrator's write, or a session's write without its CSRF token."),
    NotFound: errorResponse("No such object, or one in a location this administrator does not manage."),
    Conflict: errorResponse("The change conflicts with the current state (a taken extension or name, a limit)."),
    PayloadTooLarge: errorResponse("The body or file is too large."),
    UnsupportedMediaType: errorResponse("The body's Content-Type is not one this operation accepts."),
    PreconditionFailed: errorResponse(
      "The object has changed since the version in `If-Match` (ours): `params` names who changed it last and when. Nothing was saved.",
    ),
    NotModified: { description: "The object is still the version in `If-None-Match` (ours); no body.", headers: { ETag: ref("headers", "ETag") } },
    TooManyRequests: errorResponse("Too many requests; wait `Retry-After` seconds.", { "Retry-After": ref("headers", "Retry-After") }),
    Error: errorResponse("Any other refusal or failure, with the Webex error body."),
  },
};

// Safe methods need no CSRF token; a session's write does (server/features/auth/access.ts).
const BEARER = { bearerAuth: [] };
const SESSION_READ = { sessionCookie: [] };
const SESSION_WRITE = { sessionCookie: [], csrfToken: [] };

/** A versioned object's conditional headers (ours; a Webex client sends neither and sees no difference). */
export function versionParametersOf(e: Endpoint) {
  if (!e.versioned) return [];
  const name = e.method === "GET" ? "If-None-Match" : "If-Match";
  const description =
    e.method === "GET"
      ? "The `ETag` of the copy the caller has: 304 without a body while it is current."
      : "The `ETag` of the version the change was made on: 412 if the object has changed since. Without it, the change is made whatever the object holds, as Webex does.";
  return [{ name, in: "header", required: false, description, schema: { type: "string" } }];
}

/** Who may call the endpoint: nobody in particular for a public one, else a token or the session. */
export function securityOf(e: Endpoint) {
  if (e.access === "public") return [];
  return [BEARER, e.method === "GET" ? SESSION_READ : SESSION_WRITE];
}

/** The refusals an endpoint may answer, each with the Webex error body. */
export function errorResponsesOf(e: Endpoint, hasPathParams: boolean) {
  const takesInput = Boolean(e.query || e.body || e.upload || hasPathParams);
  const hasBody = Boolean(e.body || e.upload);
  const writes = e.method !== "GET";
  const entries: [string, string, boolean][] = [
    ["400", "BadRequest", takesInput],
    ["401", "Unauthorized", true],
    ["403", "Forbidden", e.access !== "public" && (e.access === "write" || writes)],
    ["404", "NotFound", hasPathParams],
    ["409", "Conflict", writes && (e.access === "write" || e.method === "POST") && e.access !== "public"],
    ["304", "NotModified", Boolean(e.versioned) && !writes],
    ["412", "PreconditionFailed", Boolean(e.versioned) && writes],
    ["413", "PayloadTooLarge", hasBody],
    ["415", "UnsupportedMediaType", hasBody],
    ["429", "TooManyRequests", true],
    ["default", "Error", true],
  ];
  return Object.fromEntries(entries.filter(([, , applies]) => applies).map(([status, name]) => [status, ref("responses", name)]));
}
