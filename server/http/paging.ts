import type { FastifyReply, FastifyRequest } from "fastify";

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
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.set("start", String(start + max));
  url.searchParams.set("max", String(max));
  reply.header("link", `<${url.toString()}>; rel="next"`);
}
