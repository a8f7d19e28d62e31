import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";

// The requests being handled, whether or not their client is still connected. app.close()
// resolves once the HTTP server has closed, that is once every connection has ended; but a
// client that goes away mid-request (its socket destroyed: a load balancer's timeout, a load
// tool stopping) ends its connection, not its request's handling, which runs on, reading and
// writing the database. The app waits for these too before it closes (buildApp's onClose).
//
// A request counts from its first onRequest hook until its handling has finished, which is,
// in every path, the first of:
// - its route's handler has settled (answered, failed, or given up on a client gone away):
//   every route's handler is wrapped (onRoute), those registered by plugins included;
// - an answer was sent before any route's handler ran (onSend): a hook's refusal (401, 429,
//   the 503 of a stop), a body that could not be read (the client gone away while it
//   arrived, or before: request-body.ts, without which Fastify would wait for it forever),
//   404 (the not-found handler is no route). Nothing of the chain runs after it: Fastify
//   runs no further hook nor the handler of a request answered.
// Not onResponse: it waits for the answer's 'finish', which never comes when the client has
// gone. Not onRequestAbort: it fires when the client goes, not when the handling ends.

const kHandling = Symbol("handling");
const kCounted = Symbol("counted");

/** Where a request is: not counted (the default), counted and not yet in its handler, in it, finished. */
const UNCOUNTED = 0;
const BEFORE_HANDLER = 1;
const IN_HANDLER = 2;
const FINISHED = 3;

type Tracked = FastifyRequest & { [kHandling]: number };

export interface InFlight {
  /** The requests being handled now. */
  readonly count: number;
  /** Calls `done` once no request is being handled: at once if none is. */
  whenIdle(done: () => void): void;
}

/**
 * Counts the requests the app is handling. To be installed first, on the root instance:
 * its onRequest hook runs first for every request, its onSend hook before any other (which
 * could fail), and its onRoute hook sees every route registered after it.
 */
export function countRequestsInFlight(app: FastifyInstance): InFlight {
  let count = 0;
  let waiting: (() => void)[] = [];

  const finish = (request: Tracked) => {
    request[kHandling] = FINISHED;
    if (--count > 0 || waiting.length === 0) return;
    const idle = waiting;
    waiting = [];
    for (const done of idle) done();
  };

  /** Whether this call is the outermost handler of the request (a handler may call another). */
  const enter = (request: Tracked): boolean => {
    const state = request[kHandling];
    if (state === IN_HANDLER) return false;
    // A handler reached outside the counted chain (never expected) counts while it runs.
    if (state !== BEFORE_HANDLER) count++;
    request[kHandling] = IN_HANDLER;
    return true;
  };

  function counted(handler: RouteHandlerMethod): RouteHandlerMethod {
    if (kCounted in handler) return handler;
    const wrapped = function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const tracked = request as Tracked;
      if (!enter(tracked)) return handler.call(this, request, reply);
      let result: unknown;
      try {
        result = handler.call(this, request, reply);
      } catch (error) {
        finish(tracked);
        throw error;
      }
      // A promise (or the reply, which is thenable): finished once it settles. Fastify handles
      // its outcome on its own (it adds its own callbacks), so a rejection is not left unhandled.
      if (result !== null && typeof result === "object" && typeof (result as PromiseLike<unknown>).then === "function") {
        const settled = () => finish(tracked);
        (result as PromiseLike<unknown>).then(settled, settled);
      } else finish(tracked);
      return result;
    } as RouteHandlerMethod;
    return Object.assign(wrapped, { [kCounted]: true });
  }

  app.decorateRequest(kHandling, UNCOUNTED);
  // Callback hooks, not async ones: they run on every request, and a promise per hook per request shows under load.
  app.addHook("onRequest", (request, _reply, done) => {
    count++;
    (request as Tracked)[kHandling] = BEFORE_HANDLER;
    done();
  });
  app.addHook("onSend", (request, _reply, payload, done) => {
    // An answer from the handler (or after it) is the handler's: finished when the handler settles.
    if ((request as Tracked)[kHandling] === BEFORE_HANDLER) finish(request as Tracked);
    done(null, payload);
  });
  app.addHook("onRoute", (route) => {
    route.handler = counted(route.handler);
  });

  return {
    get count() {
      return count;
    },
    whenIdle(done) {
      if (count === 0) done();
      else waiting.push(done);
    },
  };
}
