import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify from "fastify";

/** Header name (lower case) to value, as written on the wire. */
export type SecurityHeaders = Readonly<Record<string, string>>;

const computed = new WeakMap<FastifyHelmetOptions, Promise<SecurityHeaders>>();

/**
 * The headers @fastify/helmet puts on an answer with these options, read once (per
 * options object) off an answer of a throwaway instance. Answers written where no hook
 * runs (Fastify's frameworkErrors, the HTTP parser's clientError) carry exactly these,
 * so they follow the app's own helmet configuration and cannot drift from it.
 */
export function securityHeadersOf(options: FastifyHelmetOptions): Promise<SecurityHeaders> {
  let headers = computed.get(options);
  if (!headers) computed.set(options, (headers = probe(options)));
  return headers;
}

async function probe(options: FastifyHelmetOptions): Promise<SecurityHeaders> {
  const app = Fastify();
  try {
    await app.register(fastifyHelmet, options);
    // At the handler, an answer holds only what the onRequest hooks (helmet's) set.
    app.get("/", (_request, reply) => reply.send(reply.getHeaders()));
    const headers = (await app.inject({ url: "/" })).json() as Record<string, string | number | string[]>;
    return Object.freeze(Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)])));
  } finally {
    await app.close();
  }
}
