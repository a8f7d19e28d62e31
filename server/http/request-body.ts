import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { HttpError } from "./errors";

/**
 * How long a request body may take to arrive whole, from the end of its headers: a
 * body trickling in is cut off with 408 rather than holding a connection (and a
 * handler) for as long as its sender likes. 1 MB, the largest body the API takes,
 * arrives within it at about 280 kbit/s.
 */
export const BODY_TIMEOUT_MS = 30_000;

const cutOff = new WeakSet<FastifyRequest>();

/** Whether the request's body was cut off for taking too long: whatever its reader then failed with, the answer is 408. */
export function bodyCutOff(request: FastifyRequest): boolean {
  return cutOff.has(request);
}

/** Whether the request announced a body (by its length, or chunked) that has not all arrived yet. */
export function bodyStillArriving(raw: IncomingMessage): boolean {
  // `complete` is Node's parser's word; an injected request (light-my-request) has its whole body from the start.
  return bodyAnnounced(raw) && raw.complete === false;
}

/** Whether the request announced a body, by its length or chunked. */
function bodyAnnounced(raw: IncomingMessage): boolean {
  return raw.headers["transfer-encoding"] !== undefined || Number(raw.headers["content-length"]) > 0;
}

/**
 * Three guards on request bodies, for every route:
 *
 * - a body still arriving `timeoutMs` after its headers is cut off: its reader (Fastify's
 *   body parser, the multipart reader of the import) stops with a 408 `requestTimeout`,
 *   and the connection closes after the answer; one still arriving after an answer
 *   given without it ends the connection;
 * - an answer given before its body was read to the end (a multipart upload refused
 *   mid-way, whose reader stopped there) leaves the rest of the body to be read and
 *   dropped, so the next request on a keep-alive connection is read in turn instead of
 *   waiting behind it. Node does this itself for a body nobody started to read;
 * - a body whose client went away before it was read (while the hooks before it ran: the
 *   access check reading the database) ends its request with 400, which nobody receives,
 *   as when the client goes away while it is read: Node has dropped the body, and Fastify's
 *   reader, listening on a request stream already destroyed, would wait for it forever, the
 *   request with it, and a stop, which waits for every request being handled (in-flight.ts).
 */
export function installBodyGuards(app: FastifyInstance, { timeoutMs = BODY_TIMEOUT_MS }: { timeoutMs?: number } = {}) {
  // From the first hook on, so a body trickling behind an early answer (a 401) is bounded too.
  app.addHook("onRequest", (request, reply, done) => {
    const raw = request.raw;
    if (bodyStillArriving(raw)) {
      const timer = setTimeout(() => onBodyTimeout(request, reply), timeoutMs);
      timer.unref();
      const stop = () => clearTimeout(timer);
      raw.once("end", stop).once("close", stop);
    }
    done();
  });

  // Callback hooks, not async ones: they run on every request, and a promise per hook per request costs.
  app.addHook("preParsing", (request, _reply, _payload, done) => {
    const raw = request.raw;
    done(raw.destroyed && !raw.readableEnded && bodyAnnounced(raw) ? new HttpError("badRequest") : null);
  });

  app.addHook("onSend", (request, _reply, payload, done) => {
    const raw = request.raw;
    if (!raw.readableEnded && !raw.destroyed) {
      // Detached from a reader that gave up (unpipe alone pauses the stream), then read to nowhere.
      raw.unpipe();
      raw.resume();
    }
    done(null, payload);
  });
}

function onBodyTimeout(request: FastifyRequest, reply: FastifyReply) {
  const raw = request.raw;
  if (!bodyStillArriving(raw) || raw.destroyed) return;
  if (reply.sent || reply.raw.headersSent) {
    // Answered already, the rest of the body still trickling in: the connection ends once the answer is out.
    if (reply.raw.writableFinished) raw.socket.destroy();
    else reply.raw.once("finish", () => raw.socket.destroy());
    return;
  }
  cutOff.add(request);
  // What is left of the body will not be read: the connection cannot carry another request.
  reply.header("connection", "close");
  const error = new HttpError("requestTimeout");
  // A reader listens for the body's errors: it stops with this one and the error handler answers.
  if (raw.listenerCount("error") > 0) raw.emit("error", error);
  else reply.send(error);
}
