import { MIMEType } from "node:util";
import type { FastifyInstance } from "fastify";
import { HttpError } from "./errors";

// Decodes strictly: a byte sequence that is not UTF-8 is refused, never replaced with U+FFFD.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Whether a body's content type leaves it UTF-8: no charset, or UTF-8 under one of its names (the Encoding Standard's labels). */
function declaresUtf8(contentType = ""): boolean {
  try {
    const charset = new MIMEType(contentType).params.get("charset");
    return charset === null || new TextDecoder(charset).encoding === "utf-8";
  } catch {
    // A content type that does not parse, or a charset no decoder knows.
    return false;
  }
}

/**
 * Fastify's JSON parser, with two differences.
 *
 * An empty body is no body: Webex client libraries send `Content-Type: application/json`
 * on every call, a DELETE's included. A route that needs a body then refuses the
 * missing one through its schema, as when no content type is sent.
 *
 * The body is UTF-8 (RFC 8259): one declaring another charset, or holding bytes that
 * are not UTF-8, is refused with 400 `invalidEncoding` rather than stored with U+FFFD
 * in place of what the client meant.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function acceptEmptyJsonBodies(app: FastifyInstance<any, any, any, any, any>) {
  const { onProtoPoisoning = "error", onConstructorPoisoning = "error" } = app.initialConfig;
  const parse = app.getDefaultJsonParser(onProtoPoisoning, onConstructorPoisoning);
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    if (!declaresUtf8(request.headers["content-type"])) return done(new HttpError("invalidEncoding"), undefined);
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(new HttpError("invalidEncoding"), undefined);
    }
    return parse(request, text, done);
  });
}
