import type { IncomingMessage, ServerResponse } from "node:http";
import helmet, { type HelmetOptions } from "helmet";

/** Header name (lower case) to value, as written on the wire. */
export type SecurityHeaders = Readonly<Record<string, string>>;

const computed = new WeakMap<HelmetOptions, SecurityHeaders>();

/**
 * The headers helmet puts on an answer with these options, worked out once (per options
 * object) by running helmet's own middleware against a stand-in answer. They are the same
 * on every answer (no nonces), so the app writes them as they are rather than running helmet
 * on each request (which parses its options again every time); answers written where no
 * hook runs (Fastify's frameworkErrors, the HTTP parser's clientError) carry exactly these
 * too, so every answer follows the app's helmet configuration and cannot drift from it.
 */
export function securityHeadersOf(options: HelmetOptions): SecurityHeaders {
  let headers = computed.get(options);
  if (!headers) computed.set(options, (headers = probe(options)));
  return headers;
}

function probe(options: HelmetOptions): SecurityHeaders {
  const headers = new Map<string, string>();
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : String(value));
      return response;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failed: unknown;
  // Helmet's middleware is synchronous: `next` has been called when it returns.
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed;
  return Object.freeze(Object.fromEntries(headers));
}
