import type { ApiErrorBody } from "@domain/schemas/api-error";
import type { FieldIssue } from "@domain/schemas/issues";
import { i18n } from "./i18n";

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
// The server hands it out with the session (GET/POST /v1/session); see lib/session.ts.
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
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query: RequestOptions["query"] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * fetch for /v1: JSON in and out, the user's language sent, refusals thrown as ApiError.
 * A FormData body (a file upload) goes as it is: the browser writes its multipart
 * content type with the boundary, so none is set here.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const { method = "GET", body, query, signal } = options;
  const isForm = typeof FormData !== "undefined" && body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      signal,
      headers: {
        accept: "application/json",
        "accept-language": i18n.resolvedLanguage ?? i18n.language ?? "en",
        ...(body !== undefined && !isForm ? { "content-type": "application/json" } : {}),
        ...(method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {}),
      },
      body: isForm ? body : body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", (error as Error).message);
  }
  const text = await response.text();
  const json = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const err = (json ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(
      response.status,
      err.code ?? (response.status >= 500 ? "internal" : "badRequest"),
      err.message ?? response.statusText,
      err.params ?? {},
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

export interface Page<T> {
  items: T[];
  total: number;
}

/** A Webex list call, with the total our server adds in X-Total-Count. */
export async function apiPage<T, K extends string>(
  path: string,
  key: K,
  query: RequestOptions["query"],
  signal?: AbortSignal,
): Promise<Page<T>> {
  const { data, headers } = await apiRequest<Record<K, T[]>>(path, { query, signal });
  const items = data[key];
  return { items, total: Number(headers.get("x-total-count") ?? items.length) };
}
