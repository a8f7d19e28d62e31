import { z } from "zod";

/** Every endpoint of this API lives under this base, as Webex's under `https://webexapis.com/v1`. */
export const API_BASE = "/v1";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * Who may call an endpoint; the server refuses everyone else before the handler runs.
 * - public: anybody, signed in or not (signing in);
 * - account: any signed-in administrator, about their own account (session, tokens);
 * - read: any signed-in administrator, within their locations;
 * - write: full and location administrators, within their locations.
 */
export const ENDPOINT_ACCESS = ["public", "account", "read", "write"] as const;
export type EndpointAccess = (typeof ENDPOINT_ACCESS)[number];

/**
 * One endpoint of the API, described once: the server registers its route from it,
 * the SPA, the tests, the benchmarks and the Webex client call it through it.
 */
export interface Endpoint {
  method: HttpMethod;
  /** Below API_BASE, with its parameters in braces as in the OpenAPI specs: `/locations/{locationId}`. */
  path: string;
  /** Query parameters (Webex's `orgId`, paging, filters). */
  query?: z.ZodType;
  /** A JSON body. */
  body?: z.ZodType;
  /** The body is a CSV file instead (multipart or `text/csv`). */
  upload?: "csv";
  /** The success answer's body; none for 204. */
  response?: z.ZodType;
  status: 200 | 201 | 204;
  /** For a list: the key of its items in the answer (`callParkExtensions`, `items`…); it pages with `start`/`max`. */
  list?: string;
  access: EndpointAccess;
  /**
   * A public Webex Calling operation, which must stay exactly Webex-compatible (a client
   * written for webexapis.com works against it unchanged); false for this project's own.
   */
  webex: boolean;
  /**
   * One object an administrator edits, with versions: its GET answers an `ETag` (and 304
   * to a matching `If-None-Match`), its PUT honours `If-Match` (412 when the object has
   * changed since). A client that sends neither (a Webex client) sees no difference.
   */
  versioned?: true;
  summary: string;
}

/** Declares an endpoint, keeping its literal types (path, list key, schemas). */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}

/** `{ locationId: string; … }` from a path template's `{…}` parameters. */
export type PathParams<P extends string> = string extends P
  ? Record<string, string>
  : P extends `${string}{${infer Name}}${infer Rest}`
    ? { [K in Name | keyof PathParams<Rest>]: string }
    : Record<never, string>;

export type ParamsOf<E extends Endpoint> = PathParams<E["path"]>;
/** What a caller sends as the query (before defaults). */
export type QueryInput<E extends Endpoint> = E["query"] extends z.ZodType ? z.input<E["query"]> : Record<never, never>;
/** The query as the server reads it (after defaults and transforms). */
export type QueryOutput<E extends Endpoint> = E["query"] extends z.ZodType ? z.output<E["query"]> : Record<never, never>;
export type BodyInput<E extends Endpoint> = E["body"] extends z.ZodType ? z.input<E["body"]> : never;
export type BodyOutput<E extends Endpoint> = E["body"] extends z.ZodType ? z.output<E["body"]> : undefined;
/** The success answer, as a client reads it. */
export type ResponseOf<E extends Endpoint> = E["response"] extends z.ZodType ? z.output<E["response"]> : undefined;
/** The success answer, as the server may produce it (before the schema's defaults). */
export type ResponseInput<E extends Endpoint> = E["response"] extends z.ZodType ? z.input<E["response"]> : void;
/** One item of a list endpoint's answer. */
export type ItemOf<E extends Endpoint> = E["list"] extends string
  ? ResponseOf<E> extends Record<E["list"], readonly (infer Item)[]>
    ? Item
    : never
  : never;

const PARAM = /\{(\w+)\}/g;

/** The names of a path template's parameters, in order. */
export function paramNames(path: string): string[] {
  return [...path.matchAll(PARAM)].map((m) => m[1]);
}

/** Path parameters are opaque ids, bounded as Webex bounds them. */
const pathParam = z.string().min(1).max(500);

/** The zod schema of an endpoint's path parameters (every one a bounded id). */
export function paramsSchema(e: Endpoint) {
  return z.object(Object.fromEntries(paramNames(e.path).map((name) => [name, pathParam])));
}

/** The route pattern as routers write it: `/v1/locations/:locationId`. */
export function routePattern(e: Endpoint): string {
  return API_BASE + e.path.replace(PARAM, ":$1");
}

type QueryValues = Record<string, string | number | boolean | undefined | null>;

/** The address of one call: `/v1/…` with its parameters encoded, and the query string. */
export function urlOf<E extends Endpoint>(
  e: E,
  ...[params, query]: keyof ParamsOf<E> extends never ? [params?: ParamsOf<E>, query?: QueryValues] : [params: ParamsOf<E>, query?: QueryValues]
): string {
  return API_BASE + pathOf(e, (params ?? {}) as Record<string, string>) + queryString(query);
}

/** The path below the base, its parameters encoded (the Webex client prefixes its own base). */
export function pathOf(e: Endpoint, params: Record<string, string>): string {
  return e.path.replace(PARAM, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${e.method} ${e.path}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=x` from the defined, non-empty values; "" when none. */
export function queryString(query: QueryValues = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
