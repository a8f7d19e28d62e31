import http, { type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { errorBody } from "./error-handler";
import type { ErrorKey } from "./errors";
import { type Language, pickLanguage } from "./messages";
import type { SecurityHeaders } from "./security-headers";
import { trackingIdOf } from "./tracking-id";

// What Node's HTTP parser refuses (by its error code) before any request exists; anything else it cannot read is a 400.
const PARSER_REFUSALS: Record<string, ErrorKey> = {
  HPE_HEADER_OVERFLOW: "headersTooLarge",
  // headersTimeout (slow headers) and the server's requestTimeout.
  ERR_HTTP_REQUEST_TIMEOUT: "requestTimeout",
};

/**
 * How long a refused connection is still read (and what arrives dropped) after its
 * answer before it is closed: closing it with unread bytes would reset it, and a
 * client reading the answer only after it finished sending could lose it.
 */
const LINGER_MS = 2_000;

/** The connections already answered: the parser reports again for each piece of a request it gave up on. */
const answered = new WeakSet<Socket>();

/**
 * Fastify's clientErrorHandler: what Node's HTTP parser cannot read (headers too large,
 * a malformed or conflicting header, headers or a request too slow) is answered as
 * every other refusal is, the Webex body with a tracking id and the app's security
 * headers, written straight to the connection (there is no request to answer through),
 * which then closes. In English, unless the request it belongs to was already read.
 */
export function clientErrorHandler(securityHeaders: SecurityHeaders) {
  return function onClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket) {
    if (error.code === "ECONNRESET" || socket.destroyed || answered.has(socket)) return;
    answered.add(socket);
    const inFlight = (socket as Socket & { _httpMessage?: http.ServerResponse })._httpMessage;
    // The request the unreadable bytes belong to, when its headers were read (a broken body).
    const request: Pick<IncomingMessage, "headers"> = inFlight && !inFlight.req.complete ? inFlight.req : { headers: {} };
    const trackingId = trackingIdOf(request as IncomingMessage);
    const key = PARSER_REFUSALS[error.code ?? ""] ?? "badRequest";
    this.log.debug({ err: error, trackingId }, "refused a request the HTTP parser could not read");
    const answer = () => {
      if (!socket.writable) return socket.destroy();
      socket.end(rawAnswer(key, trackingId, pickLanguage(request.headers["accept-language"]), securityHeaders));
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    };
    // A request read whole and being answered: what could not be read came after it (pipelined),
    // and is answered after it.
    if (inFlight?.req.complete && !inFlight.writableFinished) inFlight.once("finish", answer);
    // Node's own rule otherwise: no answer in the middle of one already being written.
    else if (inFlight?.headersSent && !inFlight.writableFinished) socket.destroy();
    else answer();
  };
}

function rawAnswer(key: ErrorKey, trackingId: string, language: Language, securityHeaders: SecurityHeaders): Buffer {
  const { status, body } = errorBody(language, key, trackingId);
  const json = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = {
    ...securityHeaders,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(json.length),
    "content-language": language,
    trackingid: trackingId,
    date: new Date().toUTCString(),
    connection: "close",
  };
  const head = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`, "latin1"), json]);
}
