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
 * Where an endpoint is and how it answers: all a call needs at run time. The SPA holds
 * only this half of each endpoint (./addresses.ts), so its first screen carries no schema.
 */
export interface EndpointAddress {
  method: HttpMethod;
  /** Below API_BASE, with its parameters in braces as in the OpenAPI specs: `/locations/{locationId}`. */
  path: string;
  status: 200 | 201 | 204;
  /** For a list: the key of its items in the answer (`callParkExtensions`, `items`…); it pages with `start`/`max`. */
  list?: string;
  /**
   * One object an administrator edits, with versions: its GET answers an `ETag` (and 304
   * to a matching `If-None-Match`), its PUT honours `If-Match` (412 when the object has
   * changed since). A client that sends neither (a Webex client) sees no difference.
   */
  versioned?: true;
}

/** The other half of an endpoint: its schemas and rules (./endpoints.ts joins it to the address). */
export interface EndpointContract {
  /** Query parameters (Webex's `orgId`, paging, filters). */
  query?: z.ZodType;
  /** A JSON body. */
  body?: z.ZodType;
  /** The body is a CSV file instead (multipart or `text/csv`). */
  upload?: "csv";
  /** The success answer's body; none for 204. */
  response?: z.ZodType;
  access: EndpointAccess;
  /**
   * A public Webex Calling operation, which must stay exactly Webex-compatible (a client
   * written for webexapis.com works against it unchanged); false for this project's own.
   */
  webex: boolean;
  summary: string;
}

/**
 * One endpoint of the API, described once (its address and its contract, joined in
 * ./endpoints.ts): the server registers its route from it, the SPA, the tests, the
 * benchmarks and the Webex client call it through it.
 */
export interface Endpoint extends EndpointAddress, EndpointContract {}

/** What a call is typed by: an address, with the schemas as the full endpoint has them or as types only. */
export type CallableEndpoint = EndpointAddress & Partial<Pick<Endpoint, "query" | "body" | "response">>;

type AddressKey = keyof EndpointAddress;
const ADDRESS_KEYS: readonly AddressKey[] = ["method", "path", "status", "list", "versioned"];
type SchemaKey = "query" | "body" | "response";

/** An endpoint as the SPA holds it: its address; its schemas as types only (never there at run time). */
export type AddressOf<E> = Pick<E, Extract<keyof E, AddressKey>> & Partial<Pick<E, Extract<keyof E, SchemaKey>>>;

/** `{ locationId: string; … }` from a path template's `{…}` parameters. */
export type PathParams<P extends string> = string extends P
  ? Record<string, string>
  : P extends `${string}{${infer Name}}${infer Rest}`
    ? { [K in Name | keyof PathParams<Rest>]: string }
    : Record<never, string>;

export type ParamsOf<E extends CallableEndpoint> = PathParams<E["path"]>;
/** An endpoint's schema of this part, if it has one (the SPA's addresses have it as a type only). */
type SchemaOf<E, K extends SchemaKey> = E extends { readonly [P in K]?: infer S } ? Extract<S, z.ZodType> : never;
/** What a caller sends as the query (before defaults). */
export type QueryInput<E extends CallableEndpoint> = [SchemaOf<E, "query">] extends [never] ? Record<never, never> : z.input<SchemaOf<E, "query">>;
/** The query as the server reads it (after defaults and transforms). */
export type QueryOutput<E extends CallableEndpoint> = [SchemaOf<E, "query">] extends [never] ? Record<never, never> : z.output<SchemaOf<E, "query">>;
export type BodyInput<E extends CallableEndpoint> = [SchemaOf<E, "body">] extends [never] ? never : z.input<SchemaOf<E, "body">>;
export type BodyOutput<E extends CallableEndpoint> = [SchemaOf<E, "body">] extends [never] ? undefined : z.output<SchemaOf<E, "body">>;
/** The success answer, as a client reads it. */
export type ResponseOf<E extends CallableEndpoint> = [SchemaOf<E, "response">] extends [never] ? undefined : z.output<SchemaOf<E, "response">>;
/** The success answer, as the server may produce it (before the schema's defaults). */
export type ResponseInput<E extends CallableEndpoint> = [SchemaOf<E, "response">] extends [never] ? void : z.input<SchemaOf<E, "response">>;
/** One item of a list endpoint's answer. */
export type ItemOf<E extends CallableEndpoint> = E["list"] extends string
  ? ResponseOf<E> extends Record<E["list"], readonly (infer Item)[]>
    ? Item
    : never
  : never;

/** The contracts of an address table: one for each of its endpoints, and none else. */
export type ContractsOf<A> = { readonly [G in keyof A]: { readonly [N in keyof A[G]]: EndpointContract } };

/** Each endpoint of an address table joined with its contract. */
export type Joined<A, C> = {
  readonly [G in keyof A]: { readonly [N in keyof A[G]]: A[G][N] & (G extends keyof C ? (N extends keyof C[G] ? C[G][N] : never) : never) };
};

/** Nothing beyond an address table's groups and names: a contract for an endpoint it lacks is refused. */
type OnlyAddressed<A, C> = {
  readonly [G in keyof C]: G extends keyof A ? { readonly [N in keyof C[G]]: N extends keyof A[G] ? unknown : never } : never;
};

/**
 * The endpoint table: each address joined with its contract (same group, same name). An
 * endpoint with one and not the other fails to compile, and throws here.
 */
export function joinEndpoints<const A extends Record<string, Record<string, EndpointAddress>>, const C extends ContractsOf<A>>(
  addresses: A,
  contracts: C & OnlyAddressed<A, C>,
): Joined<A, C> {
  const names = (table: Record<string, Record<string, unknown>>) =>
    Object.entries(table).flatMap(([group, endpoints]) => Object.keys(endpoints).map((name) => `${group}.${name}`));
  const addressNames = names(addresses);
  const contractNames = names(contracts);
  const unmatched = [
    ...addressNames.filter((name) => !contractNames.includes(name)),
    ...contractNames.filter((name) => !addressNames.includes(name)),
  ];
  if (unmatched.length > 0) throw new Error(`endpoints with an address or a contract, not both: ${unmatched.join(", ")}`);
  const contractOf = contracts as Record<string, Record<string, EndpointContract>>;
  // An address is said once, in the address table: a contract never says it again.
  const restated = addressNames.filter((name) => {
    const [group, endpoint] = name.split(".");
    return ADDRESS_KEYS.some((key) => key in contractOf[group][endpoint]);
  });
  if (restated.length > 0) throw new Error(`contracts that restate an address: ${restated.join(", ")}`);
  return Object.fromEntries(
    Object.entries(addresses).map(([group, endpoints]) => [
      group,
      Object.fromEntries(Object.entries(endpoints).map(([name, address]) => [name, { ...address, ...contractOf[group][name] }])),
    ]),
  ) as Joined<A, C>;
}

const PARAM = /\{(\w+)\}/g;

/** The names of a path template's parameters, in order. */
export function paramNames(path: string): string[] {
  return [...path.matchAll(PARAM)].map((m) => m[1]);
}

/**
 * The zod schema of an endpoint's path parameters: every one an opaque id, bounded as Webex
 * bounds them. Made when asked (the server's routes and documents), so the SPA, which imports
 * this module for its addresses, carries no zod.
 */
export function paramsSchema(e: Endpoint) {
  return z.object(Object.fromEntries(paramNames(e.path).map((name) => [name, z.string().min(1).max(500)])));
}

/** The route pattern as routers write it: `/v1/locations/:locationId`. */
export function routePattern(e: EndpointAddress): string {
  return API_BASE + e.path.replace(PARAM, ":$1");
}

type QueryValues = Record<string, string | number | boolean | undefined | null>;

/** The address of one call: `/v1/…` with its parameters encoded, and the query string. */
export function urlOf<E extends CallableEndpoint>(
  e: E,
  ...[params, query]: keyof ParamsOf<E> extends never ? [params?: ParamsOf<E>, query?: QueryValues] : [params: ParamsOf<E>, query?: QueryValues]
): string {
  return API_BASE + pathOf(e, (params ?? {}) as Record<string, string>) + queryString(query);
}

/** The path below the base, its parameters encoded (the Webex client prefixes its own base). */
export function pathOf(e: EndpointAddress, params: Record<string, string>): string {
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
