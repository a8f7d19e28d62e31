import {
  type BodyInput,
  type CallableEndpoint,
  type ItemOf,
  type ParamsOf,
  type QueryInput,
  type ResponseOf,
  urlOf,
} from "@domain/api/endpoint";
import type { ApiErrorBody } from "@domain/schemas/api-error";
import type { FieldIssue } from "@domain/schemas/issues";
import { i18n } from "./i18n";
import { takeEarlyResponse } from "./early-fetch";

/** A refusal from the API (or no answer at all), with what the SPA needs to explain it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: FieldIssue[] = [],
    readonly trackingId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// The session's CSRF token, echoed on every write the session cookie authenticates.
// The server hands it out with the session (api.session); see lib/session.ts.
let csrfToken = "";

export function setCsrfToken(token: string) {
  csrfToken = token;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** A save of a versioned object: the ETag of the version it was made on (412 if it has changed since). */
  ifMatch?: string;
}

/**
 * A read refused with 429 waits out Retry-After once, when it is this short; a longer wait,
 * and any write, reaches the screen, whose message says how many seconds to wait.
 */
export const MAX_READ_RETRY_WAIT_SECONDS = 30;

/** Retry-After as seconds: a number of them, or an HTTP date. */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Waits `ms`, or rejects as fetch does when the caller gives up (a query cancelled, a screen left). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function fallbackCode(status: number): string {
  if (status === 429) return "tooManyRequests";
  return status >= 500 ? "internal" : "badRequest";
}

/**
 * fetch for /v1: JSON in and out, the user's language sent, refusals thrown as ApiError.
 * A FormData body (a file upload) goes as it is: the browser writes its multipart
 * content type with the boundary, so none is set here.
 */
async function request<T>(url: string, options: RequestOptions = {}, retried = false): Promise<ApiResponse<T>> {
  const { method = "GET", body, signal, ifMatch } = options;
  const isForm = typeof FormData !== "undefined" && body instanceof FormData;
  let response: Response;
  // The session (asked for by index.html's script before this code arrived): that answer, once.
  const early = method === "GET" && !retried ? takeEarlyResponse(url) : undefined;
  try {
    response = await (early ?? fetch(url, {
      method,
      signal,
      headers: {
        accept: "application/json",
        "accept-language": i18n.resolvedLanguage ?? "en",
        ...(body !== undefined && !isForm ? { "content-type": "application/json" } : {}),
        ...(method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {}),
        ...(ifMatch ? { "if-match": ifMatch } : {}),
      },
      body: isForm ? body : body !== undefined ? JSON.stringify(body) : undefined,
    }));
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", (error as Error).message);
  }
  const waitSeconds = response.status === 429 ? retryAfterSeconds(response.headers) : undefined;
  if (method === "GET" && !retried && waitSeconds !== undefined && waitSeconds <= MAX_READ_RETRY_WAIT_SECONDS) {
    await response.text(); // drained, so the connection is free for the retry
    await pause(waitSeconds * 1000, signal);
    return request<T>(url, options, true);
  }
  const text = await response.text();
  const json = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const err = (json ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(
      response.status,
      err.code ?? fallbackCode(response.status),
      err.message ?? response.statusText,
      // The seconds to wait, as `count` for the message's plural, whoever refused (the server or a proxy).
      { ...(waitSeconds !== undefined ? { count: waitSeconds } : {}), ...err.params },
      err.issues ?? [],
      err.trackingId ?? response.headers.get("trackingid") ?? undefined,
    );
  }
  return { data: json as T, headers: response.headers };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a call sends: the path's parameters (when it has any), the query, the body. */
export type CallOptions<E extends CallableEndpoint> = {
  query?: QueryInput<E>;
  /** JSON, or a FormData holding the file of an upload endpoint. */
  body?: BodyInput<E> | FormData;
  signal?: AbortSignal;
  /** A versioned endpoint's save: the ETag of the version it was made on. */
  ifMatch?: string;
} & (keyof ParamsOf<E> extends never ? { params?: undefined } : { params: ParamsOf<E> });

/**
 * Calls one endpoint of `domain/api` (its address: the SPA holds no schema): the address built
 * from the parameters, the answer typed from the endpoint's schema.
 */
export function callApi<E extends CallableEndpoint>(
  e: E,
  ...[options]: keyof ParamsOf<E> extends never ? [options?: CallOptions<E>] : [options: CallOptions<E>]
): Promise<ApiResponse<ResponseOf<E>>> {
  const { params, query, body, signal, ifMatch } = (options ?? {}) as CallOptions<CallableEndpoint> & { params?: Record<string, string> };
  const url = urlOf(e as CallableEndpoint, params ?? {}, query as Record<string, string | number | boolean | undefined>);
  return request<ResponseOf<E>>(url, { method: e.method, body, signal, ifMatch });
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** One page of a list endpoint, with the total our server adds in X-Total-Count. */
export async function callApiPage<E extends CallableEndpoint & { list: string }>(
  e: E,
  ...args: keyof ParamsOf<E> extends never ? [options?: CallOptions<E>] : [options: CallOptions<E>]
): Promise<Page<ItemOf<E>>> {
  const { data, headers } = await callApi(e, ...args);
  const items = (data as Record<string, ItemOf<E>[]>)[e.list];
  return { items, total: Number(headers.get("x-total-count") ?? items.length) };
}

/** An object as its versioned GET answered it, with that version's ETag (what a save sends back as If-Match). */
export type Versioned<T> = T & { etag?: string };

/** A versioned endpoint's GET: the object, with its version. */
export async function callVersioned<E extends CallableEndpoint>(
  e: E,
  ...args: keyof ParamsOf<E> extends never ? [options?: CallOptions<E>] : [options: CallOptions<E>]
): Promise<Versioned<ResponseOf<E>>> {
  const { data, headers } = await callApi(e, ...args);
  const etag = headers.get("etag") ?? undefined;
  return Object.assign({}, data as ResponseOf<E>, etag ? { etag } : {});
}
