import { expect } from "vitest";
import { type Endpoint, type ParamsOf, pathOf, queryString, type ResponseOf } from "@domain/api/endpoint";
import { closeObjects, compile, hasEmptyResponse, type OpenApiSpec, operationsOf, responseSchema, violations } from "./openapi";

// A client written for webexapis.com, as the common Webex client libraries behave: JSON
// content type and accept on every request (GET and DELETE included), a bearer token,
// the organisation's `orgId` on every call, and lists read by following `Link: rel="next"`.

export interface Answer<T = unknown> {
  url: string;
  status: number;
  headers: Headers;
  /** The body as sent, for the spec; `undefined` when there is none. */
  json: unknown;
  text: string;
  /** The body read through the endpoint's own contract (what the SPA reads). */
  data: T;
}

type Query = Record<string, string | number | boolean | undefined>;

/** The `rel="next"` target of an RFC 8288 Link header, if any. */
export function nextLink(header: string | null): string | undefined {
  for (const part of header?.split(",") ?? []) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel="?next"?/.test(match[2])) return match[1];
  }
  return undefined;
}

export class WebexClient {
  /** Every endpoint called, so a test can prove it covered them all. */
  readonly called = new Set<Endpoint>();

  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly orgId: string,
  ) {}

  async call<E extends Endpoint>(e: E, params: ParamsOf<E>, options: { query?: Query; body?: unknown } = {}): Promise<Answer<ResponseOf<E>>> {
    this.called.add(e);
    const url = this.base + pathOf(e, params as Record<string, string>) + queryString({ ...options.query, orgId: this.orgId });
    return this.send(e, e.method, url, options.body);
  }

  /** Every item of a list, page after page, following `Link: rel="next"` to the end as Webex clients do. */
  async listAll<E extends Endpoint & { list: string }>(e: E, params: ParamsOf<E>, query: Query = {}) {
    const pages = [await this.call(e, params, { query })];
    for (;;) {
      const page = pages[pages.length - 1];
      expect(page.status, page.text).toBe(200);
      const next = nextLink(page.headers.get("link"));
      if (!next) break;
      // The next page keeps the organisation: a client sends the link as it is.
      expect(new URL(next).searchParams.get("orgId")).toBe(this.orgId);
      expect(pages.length).toBeLessThan(100);
      pages.push(await this.send(e, "GET", next));
    }
    const items = pages.flatMap((p) => (p.json as Record<string, { id: string }[]>)[e.list]);
    return { pages, items };
  }

  private async send<E extends Endpoint>(e: E, method: string, url: string, body?: unknown): Promise<Answer<ResponseOf<E>>> {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    const ok = res.status === e.status;
    const data = (ok && e.response ? e.response.parse(json) : json) as ResponseOf<E>;
    return { url, status: res.status, headers: res.headers, json, text, data };
  }
}

/**
 * Checks a success answer against the Webex spec that describes the operation: the call
 * park spec's objects closed (an invented field fails), the others open as Webex leaves
 * them (their answers carry our documented additions). Without specs, nothing to check.
 */
export function specChecker(specs: OpenApiSpec[] | undefined) {
  const validators = new Map<string, ReturnType<typeof compile>>();
  const specOf = (e: Endpoint) =>
    specs?.find((spec) => operationsOf(spec).some((o) => o.method === e.method && o.path === e.path));

  return function expectConforms(e: Endpoint, answer: Answer) {
    expect(answer.status, `${e.method} ${answer.url}: ${answer.text}`).toBe(e.status);
    if (e.status === 204) expect(answer.text).toBe("");
    else expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    const spec = specOf(e);
    if (!spec) return;
    const method = e.method.toLowerCase() as "get" | "post" | "put" | "delete";
    if (e.status === 204) {
      expect(hasEmptyResponse(spec, e.path, method, 204)).toBe(true);
      return;
    }
    const key = `${e.method} ${e.path}`;
    let validate = validators.get(key);
    if (!validate) {
      const schema = responseSchema(spec, e.path, method, e.status);
      validate = compile((spec.file.endsWith("webex-call-park-openapi.yml") ? closeObjects(schema) : schema) as Record<string, unknown>);
      validators.set(key, validate);
    }
    expect(violations(validate, answer.json), key).toEqual([]);
  };
}
