import { randomUUID } from "node:crypto";
import pLimit, { type LimitFunction } from "p-limit";
import {
  type BodyInput,
  type Endpoint,
  type HttpMethod,
  type ItemOf,
  type ParamsOf,
  pathOf,
  type QueryInput,
  type ResponseOf,
} from "@domain/api/endpoint";
import { CredentialError, TokenEndpointError, type TokenSource } from "./credentials";

// The client of the real Webex API, for the gateway. Every call is one public operation
// of domain/api/endpoints.ts, answered through that endpoint's own schema. It is polite
// (a bounded number of calls in flight; a 429 pauses every call until Retry-After) and
// careful with writes: a change that may have reached Webex is never sent again, the
// caller is told the outcome is unclear and looks at Webex instead.

export interface UpstreamCall {
  method: HttpMethod;
  /** The endpoint's template, e.g. /telephony/config/locations/{locationId}/callParks, or "/access_token". */
  path: string;
  /** Concrete, with its query; no secrets. */
  url: string;
  status: number | "network" | "timeout";
  ms: number;
  /** 1 for a call's first exchange, then each retry. */
  attempt: number;
  trackingId: string;
}

export interface UpstreamOptions {
  /** WEBEX_API_URL, e.g. https://webexapis.com/v1 (a trailing slash is accepted). */
  baseUrl: string;
  tokens: TokenSource;
  /** WEBEX_ORG_ID: sent as the orgId query parameter on every call. */
  orgId?: string;
  /** Most HTTP requests in flight at once; default 8. */
  concurrency?: number;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** GET retries on 5xx, timeout or network failure; default 4 (backoff with jitter, 250 ms doubling, at most 8 s). */
  readRetries?: number;
  /** Cap on one Retry-After wait; default 120 s. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Every HTTP exchange, retries included. */
  onCall?: (call: UpstreamCall) => void;
}

/**
 * - refused: Webex said no (a 4xx other than below): nothing changed;
 * - notFound: 404; forbidden: 403 (a scope missing);
 * - credential: the token is refused and cannot be renewed;
 * - unavailable: no answer, or none usable; a write did not reach Webex;
 * - unclear: a write may or may not have been applied: look at Webex before anything else.
 */
export type UpstreamErrorKind = "refused" | "notFound" | "forbidden" | "credential" | "unavailable" | "unclear";

export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly status?: number;
  readonly upstreamMessage?: string;
  readonly upstreamTrackingId?: string;
  /** The parsed Webex error body: { message, errors, trackingId } and, when upstream is this project's own server, code/params/issues. */
  readonly body?: unknown;

  constructor(
    kind: UpstreamErrorKind,
    details: { message: string; status?: number; upstreamMessage?: string; upstreamTrackingId?: string; body?: unknown; cause?: unknown },
  ) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "UpstreamError";
    this.kind = kind;
    this.status = details.status;
    this.upstreamMessage = details.upstreamMessage;
    this.upstreamTrackingId = details.upstreamTrackingId;
    this.body = details.body;
  }
}

const THROTTLE_LIMIT = 10;
const DEFAULT_RETRY_AFTER_MS = 5_000;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 8_000;

/** Failures before a connection exists: the request cannot have reached Webex. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

type Attempt =
  | { kind: "paused" }
  | { kind: "answer"; status: number; headers: Headers; text: string }
  | { kind: "failed"; failure: "network" | "timeout"; sent: boolean; cause: unknown };

interface Exchange {
  status: number;
  headers: Headers;
  json: unknown;
}

type QueryValue = string | number | boolean | undefined | null;

export class Upstream {
  private readonly base: URL;
  private readonly basePath: string;
  private readonly limit: LimitFunction;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly timeoutMs: number;
  private readonly readRetries: number;
  private readonly maxRetryAfterMs: number;
  /** Webex asked to slow down: no call of this client starts before this time (shared, so a synchronisation does not storm). */
  private pausedUntil = 0;
  private exchanges = 0;

  constructor(private readonly options: UpstreamOptions) {
    this.base = new URL(options.baseUrl.replace(/\/+$/, ""));
    this.basePath = this.base.pathname.replace(/\/+$/, "");
    this.limit = pLimit(options.concurrency ?? 8);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.readRetries = options.readRetries ?? 4;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  }

  /** HTTP exchanges made so far (retries included). */
  get calls(): number {
    return this.exchanges;
  }

  /** One public Webex operation of domain/api/endpoints.ts; throws (programming error) for an endpoint with webex: false. */
  async call<E extends Endpoint>(
    endpoint: E,
    input: { params?: ParamsOf<E>; query?: QueryInput<E>; body?: BodyInput<E>; trackingId?: string } = {},
  ): Promise<ResponseOf<E>> {
    assertWebex(endpoint);
    const url = this.urlOf(endpoint, input.params, input.query);
    const answer = await this.send(endpoint, url, input.body, input.trackingId ?? newTrackingId());
    return this.read(endpoint, answer) as ResponseOf<E>;
  }

  /** Every item of a list operation (endpoint.list names the key), following Link rel="next" until none. */
  async listAll<E extends Endpoint>(
    endpoint: E,
    input: { params?: ParamsOf<E>; query?: QueryInput<E>; trackingId?: string } = {},
  ): Promise<ItemOf<E>[]> {
    assertWebex(endpoint);
    const key = endpoint.list;
    if (!key) throw new Error(`${endpoint.method} ${endpoint.path} is not a list`);
    const trackingId = input.trackingId ?? newTrackingId();
    const items: unknown[] = [];
    const ids = new Set<string>();
    const visited = new Set<string>();
    let url = this.urlOf(endpoint, input.params, input.query);
    for (;;) {
      visited.add(url);
      const answer = await this.send(endpoint, url, undefined, trackingId);
      const page = this.read(endpoint, answer) as Record<string, unknown> | undefined;
      const list = page?.[key];
      if (!Array.isArray(list)) throw this.unusable(endpoint, answer, `has no "${key}" list`);
      for (const item of list) {
        // Offset paging over a list that changes meanwhile can repeat an item: keep it once.
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === "string") {
          if (ids.has(id)) continue;
          ids.add(id);
        }
        items.push(item);
      }
      const next = nextLink(answer.headers.get("link"));
      if (!next) return items as ItemOf<E>[];
      url = this.followable(endpoint, next, answer);
      if (visited.has(url)) throw this.unusable(endpoint, answer, "links back to a page already read");
    }
  }

  private urlOf(endpoint: Endpoint, params: unknown, query: unknown): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries((query ?? {}) as Record<string, QueryValue>)) {
      if (value === undefined || value === null || value === "") continue;
      search.set(name, String(value));
    }
    if (this.options.orgId) search.set("orgId", this.options.orgId);
    const text = search.toString();
    return `${this.base.origin}${this.basePath}${pathOf(endpoint, (params ?? {}) as Record<string, string>)}${text ? `?${text}` : ""}`;
  }

  /**
   * The next page, only on Webex's own API: the token goes to no other place, whatever
   * the Link says. The configured origin is kept (a proxy in front of Webex keeps working).
   */
  private followable(endpoint: Endpoint, link: string, answer: Exchange): string {
    let next: URL;
    try {
      next = new URL(link, this.base);
    } catch {
      throw this.unusable(endpoint, answer, "has a malformed next-page link");
    }
    if (!next.pathname.startsWith(`${this.basePath}/`)) throw this.unusable(endpoint, answer, "links to a next page outside the API");
    if (this.options.orgId && !next.searchParams.has("orgId")) next.searchParams.set("orgId", this.options.orgId);
    return `${this.base.origin}${next.pathname}${next.search}`;
  }

  /** The success body through the endpoint's schema (unknown fields dropped: Webex may send more). */
  private read(endpoint: Endpoint, answer: Exchange): unknown {
    if (!endpoint.response) return undefined;
    const parsed = endpoint.response.safeParse(answer.json);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    throw this.unusable(endpoint, answer, `does not match its schema (${first ? `${first.path.join(".") || "body"}: ${first.message}` : "invalid"})`);
  }

  /** A success answer that cannot be used: for a write, it was applied all the same. */
  private unusable(endpoint: Endpoint, answer: Exchange, why: string): UpstreamError {
    const kind = endpoint.method === "GET" ? "unavailable" : "unclear";
    return new UpstreamError(kind, { message: `Webex's answer to ${endpoint.method} ${endpoint.path} (${answer.status}) ${why}`, status: answer.status });
  }

  private async send(endpoint: Endpoint, url: string, body: unknown, trackingId: string): Promise<Exchange> {
    const { method } = endpoint;
    const read = method === "GET";
    const what = `${method} ${endpoint.path}`;
    const waited = { until: 0 };
    let attempt = 0;
    let failures = 0;
    let throttled = 0;
    let reauthorized = false;
    const retryRead = async () => {
      if (!read || failures >= this.readRetries) return false;
      await this.sleep(backoff(failures++));
      return true;
    };

    for (;;) {
      await this.waitOutPause(waited);
      let token: string;
      try {
        token = await this.options.tokens.accessToken();
      } catch (error) {
        if (error instanceof CredentialError) throw new UpstreamError("credential", { message: `${what}: ${error.message}`, cause: error });
        // The OAuth endpoint did not answer: the operation itself was not sent.
        if (error instanceof TokenEndpointError) {
          if (await retryRead()) continue;
          throw new UpstreamError("unavailable", { message: `${what}: ${error.message}`, cause: error });
        }
        throw error;
      }

      const result = await this.limit(async (): Promise<Attempt> => {
        // Paused while waiting for a slot: wait again, outside the slot.
        if (this.pausedUntil > Math.max(Date.now(), waited.until)) return { kind: "paused" };
        attempt++;
        return this.attempt(endpoint, url, body, token, trackingId, attempt);
      });
      if (result.kind === "paused") continue;

      if (result.kind === "failed") {
        const how = result.failure === "timeout" ? `did not answer within ${this.timeoutMs} ms` : "could not be reached";
        if (await retryRead()) continue;
        if (read || !result.sent) throw new UpstreamError("unavailable", { message: `${what}: Webex ${how}`, cause: result.cause });
        throw new UpstreamError("unclear", { message: `${what}: Webex ${how} after the request was sent; whether it was applied is unknown`, cause: result.cause });
      }

      const { status, headers, text } = result;
      // An answer about the request itself (not a 401, not the service's own trouble) proves the token works.
      if (status < 500 && status !== 401 && status !== 429) this.options.tokens.accepted?.(token);
      if (status >= 200 && status < 300) {
        if (text === "") return { status, headers, json: undefined };
        try {
          return { status, headers, json: JSON.parse(text) };
        } catch {
          throw this.unusable(endpoint, { status, headers, json: undefined }, "is not JSON");
        }
      }

      const error = errorDetails(status, headers, text);
      const said = error.upstreamMessage ? `: ${error.upstreamMessage}` : "";
      if (status === 429) {
        if (++throttled >= THROTTLE_LIMIT) {
          throw new UpstreamError("unavailable", { message: `${what}: Webex kept answering 429 (too many requests), ${throttled} times`, ...error });
        }
        await this.pause(retryAfterMs(headers.get("retry-after"), this.maxRetryAfterMs), waited);
        continue;
      }
      if (status === 401) {
        // A 401 means nothing was done: retrying a write once is safe.
        let retry: boolean;
        try {
          retry = await this.options.tokens.rejected(token);
        } catch (cause) {
          throw new UpstreamError("unavailable", { message: `${what}: Webex refused the access token and its OAuth endpoint could not renew it`, ...error, cause });
        }
        if (retry && !reauthorized) {
          reauthorized = true;
          continue;
        }
        throw new UpstreamError("credential", { message: `${what}: Webex refused the credential (401)${said}`, ...error });
      }
      if (status === 403) throw new UpstreamError("forbidden", { message: `${what}: Webex answered 403${said}`, ...error });
      if (status === 404) throw new UpstreamError("notFound", { message: `${what}: Webex answered 404${said}`, ...error });
      if (status >= 500) {
        if (await retryRead()) continue;
        if (read) throw new UpstreamError("unavailable", { message: `${what}: Webex answered ${status}${said}`, ...error });
        throw new UpstreamError("unclear", { message: `${what}: Webex answered ${status}${said}; whether the change was applied is unknown`, ...error });
      }
      throw new UpstreamError("refused", { message: `${what}: Webex answered ${status}${said}`, ...error });
    }
  }

  private async attempt(endpoint: Endpoint, url: string, body: unknown, token: string, trackingId: string, attempt: number): Promise<Attempt> {
    this.exchanges++;
    const started = performance.now();
    const record = (status: UpstreamCall["status"]) =>
      this.options.onCall?.({ method: endpoint.method, path: endpoint.path, url, status, ms: Math.round(performance.now() - started), attempt, trackingId });
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json", trackingid: trackingId };
    if (body !== undefined) headers["content-type"] = "application/json";
    try {
      const res = await (this.options.fetch ?? fetch)(url, {
        method: endpoint.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      record(res.status);
      return { kind: "answer", status: res.status, headers: res.headers, text };
    } catch (cause) {
      const timeout = cause instanceof Error && cause.name === "TimeoutError";
      record(timeout ? "timeout" : "network");
      return { kind: "failed", failure: timeout ? "timeout" : "network", sent: timeout || !notSent(cause), cause };
    }
  }

  /** Webex said wait: every call of this client waits until then. */
  private async pause(ms: number, waited: { until: number }) {
    const now = Date.now();
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    const until = this.pausedUntil;
    await this.sleep(until - now);
    waited.until = until;
  }

  /** Before each attempt: sit out a pause another call started (once per pause, so an injected sleep cannot spin). */
  private async waitOutPause(waited: { until: number }) {
    const now = Date.now();
    const until = this.pausedUntil;
    if (until <= Math.max(now, waited.until)) return;
    await this.sleep(until - now);
    waited.until = until;
  }
}

function assertWebex(endpoint: Endpoint) {
  if (!endpoint.webex) throw new Error(`${endpoint.method} ${endpoint.path} is not a public Webex operation: the gateway cannot call it upstream`);
}

function newTrackingId() {
  return `CPA_GW_${randomUUID()}`;
}

/** Exponential, with jitter so that retries of many calls spread out. */
function backoff(failures: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** failures);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Retry-After in seconds or as an HTTP date; 5 s when absent or unreadable; capped. */
function retryAfterMs(header: string | null, cap: number): number {
  let ms = DEFAULT_RETRY_AFTER_MS;
  const value = header?.trim();
  if (value && /^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else if (value) {
    const date = Date.parse(value);
    if (!Number.isNaN(date)) ms = Math.max(0, date - Date.now());
  }
  return Math.min(ms, cap);
}

/** The `rel="next"` target of an RFC 8288 Link header, if any. */
function nextLink(header: string | null): string | undefined {
  for (const part of header?.split(",") ?? []) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel="?next"?/.test(match[2])) return match[1];
  }
  return undefined;
}

function notSent(cause: unknown): boolean {
  const codes: unknown[] = [];
  const collect = (error: unknown, depth: number) => {
    if (typeof error !== "object" || error === null || depth > 3) return;
    codes.push((error as { code?: unknown }).code);
    collect((error as { cause?: unknown }).cause, depth + 1);
    // Node's connection attempts to several addresses fail as one AggregateError.
    for (const inner of (error as { errors?: unknown[] }).errors ?? []) collect(inner, depth + 1);
  };
  collect(cause, 0);
  const known = codes.filter((code): code is string => typeof code === "string");
  return known.length > 0 && known.every((code) => NOT_SENT_CODES.has(code));
}

/** Webex's error body ({ message, errors, trackingId }) as far as it can be read. */
function errorDetails(status: number, headers: Headers, text: string) {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const fields = (typeof body === "object" && body !== null ? body : {}) as { message?: unknown; errors?: unknown; trackingId?: unknown };
  const description = Array.isArray(fields.errors) ? (fields.errors[0] as { description?: unknown } | undefined)?.description : undefined;
  const message = typeof fields.message === "string" ? fields.message : typeof description === "string" ? description : undefined;
  const trackingId = typeof fields.trackingId === "string" ? fields.trackingId : (headers.get("trackingid") ?? undefined);
  return {
    status,
    ...(message ? { upstreamMessage: message.slice(0, 1000) } : {}),
    ...(trackingId ? { upstreamTrackingId: trackingId } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}
