import fastifyRateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { API_BASE } from "@domain/api/endpoint";
import { SESSION_COOKIE } from "@server/features/auth/access";
import { sha256 } from "@server/features/auth/secrets";
import { HttpError } from "./errors";

// Webex answers a caller that sends too many requests with 429 and Retry-After (seconds):
// so does /v1, per token, session or address, above API_RATE_LIMIT requests a minute.
// The SPA, static files and /healthz are not counted; signing in keeps its own limiter
// of failed attempts besides. Counts live in memory: this server is one process.

export interface ApiRateLimit {
  /** Requests one caller may make in a window; 0 turns the limit off. */
  max: number;
  windowMs?: number;
  /** Tests pass their own clock to move past a window without waiting. */
  now?: () => number;
}

/** Beyond this many tracked callers the stalest are dropped, so a flood cannot exhaust memory. */
const MAX_KEYS = 10_000;

function isApi(url: string) {
  const path = url.split("?")[0];
  return path === API_BASE || path.startsWith(`${API_BASE}/`);
}

/**
 * Who is calling: the bearer token, else the session cookie, else the client's address.
 * Secrets are counted by their hash, so the store never holds one.
 */
export function callerKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  if (authorization) return `token:${sha256(authorization.replace(/^Bearer\s+/i, "").trim())}`;
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return `session:${sha256(cookie)}`;
  return `ip:${request.ip}`;
}

/** A fixed window per caller, on an injectable clock (the plugin's own store reads Date.now). */
function windowStore(now: () => number): FastifyRateLimitStoreCtor {
  class WindowStore implements FastifyRateLimitStore {
    private readonly windows = new Map<string, { count: number; start: number }>();

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      const at = now();
      let window = this.windows.get(key);
      if (!window || window.start + timeWindow <= at) {
        window = { count: 0, start: at };
        // Re-inserted, so the map's first entries are the stalest.
        this.windows.delete(key);
        this.windows.set(key, window);
        while (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value as string);
      }
      window.count += 1;
      callback(null, { current: window.count, ttl: window.start + timeWindow - at });
    }

    child() {
      return new WindowStore();
    }
  }
  return WindowStore;
}

/** Counts every /v1 request from the hook on; registered after the cookie parser, before authentication. */
export async function installApiRateLimit(app: FastifyInstance, { max, windowMs = 60_000, now = Date.now }: ApiRateLimit) {
  if (max <= 0) return;
  await app.register(fastifyRateLimit, {
    // Applied by the hook below to /v1 only, rather than to every route the plugin sees.
    global: false,
    max,
    timeWindow: windowMs,
    store: windowStore(now),
    keyGenerator: callerKey,
    // Webex sends Retry-After alone; the error handler writes the Webex body in the caller's language.
    addHeaders: { "x-ratelimit-limit": false, "x-ratelimit-remaining": false, "x-ratelimit-reset": false, "retry-after": true },
    addHeadersOnExceeding: { "x-ratelimit-limit": false, "x-ratelimit-remaining": false, "x-ratelimit-reset": false },
    errorResponseBuilder: (_request, context) => new HttpError("tooManyRequests", { count: Math.ceil(context.ttl / 1000) }),
  });
  const limit = app.rateLimit();
  app.addHook("onRequest", async function (request, reply) {
    if (isApi(request.url)) await limit.call(this, request, reply);
  });
}
