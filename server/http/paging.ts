import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyInstance {
    /** How this server writes absolute addresses in its answers (installPublicUrl). */
    [kPublicUrl]?: PublicUrlOptions;
  }
}

const kPublicUrl = Symbol("publicUrl");

interface PublicUrlOptions {
  /** PUBLIC_URL, parsed. */
  publicUrl?: URL;
  /** TRUST_PROXY: the forwarded host and protocol a reverse proxy sends are the client's. */
  trustProxy: boolean;
}

/** Sets how `publicUrlOf` writes this server's absolute addresses (PUBLIC_URL, TRUST_PROXY). */
export function installPublicUrl(app: FastifyInstance, { publicUrl, trustProxy = false }: { publicUrl?: string; trustProxy?: boolean }) {
  app.decorate(kPublicUrl, { publicUrl: publicUrl === undefined ? undefined : new URL(publicUrl), trustProxy });
}

/**
 * The absolute address of `path` (a path on this server, with its query) as clients reach it:
 * under PUBLIC_URL when it is set (its path a prefix: https://admin.example.com/callpark
 * gives https://admin.example.com/callpark/v1/…); else, behind a trusted reverse proxy, at the
 * host and protocol the proxy forwarded; else at the address and port the connection came in
 * on. Never at the request's own Host header, which any client sets as it likes.
 */
export function publicUrlOf(request: FastifyRequest, path: string): URL {
  // Joined as text, not resolved: a path beginning with // stays a path on this server.
  return new URL(`${publicBaseOf(request)}${path}`);
}

function publicBaseOf(request: FastifyRequest): string {
  const { publicUrl, trustProxy } = request.server[kPublicUrl] ?? { trustProxy: false };
  if (publicUrl) return `${publicUrl.origin}${publicUrl.pathname.replace(/\/+$/, "")}`;
  // Fastify reads X-Forwarded-Host and X-Forwarded-Proto only with trustProxy.
  if (trustProxy) return `${request.protocol}://${request.host}`;
  const { localAddress, localPort } = request.socket;
  // An injected request (tests) has no connection, nor its address.
  if (localAddress === undefined) return `${request.protocol}://localhost`;
  return `${request.protocol}://${localAddress.includes(":") ? `[${localAddress}]` : localAddress}:${localPort}`;
}

/**
 * Sets Webex's RFC 8288 `Link: <…>; rel="next"` while more items remain, and
 * `X-Total-Count` (our addition) so a client can show "1–25 of 312".
 */
export function setPagingHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  { start, max, total }: { start: number; max: number; total: number },
) {
  reply.header("x-total-count", String(total));
  if (start + max >= total) return;
  const url = publicUrlOf(request, request.url);
  url.searchParams.set("start", String(start + max));
  url.searchParams.set("max", String(max));
  reply.header("link", `<${url.toString()}>; rel="next"`);
}
