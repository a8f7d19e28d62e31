import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type BodyOutput,
  type Endpoint,
  type ItemOf,
  type ParamsOf,
  paramsSchema,
  type QueryOutput,
  type ResponseInput,
  routePattern,
} from "@domain/api/endpoint";
import { changeVersionOf, type Db } from "@server/db/database";
import { setPagingHeaders } from "./paging";
import { etagOf, type IfMatch, ifMatchOf, ifNoneMatchOf, matchesWeakly } from "./versions";

// Any Fastify instance, whatever its type provider: the endpoint's schemas type the handler.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFastify = FastifyInstance<any, any, any, any, any>;

/** What a handler reads: the request's parameters, query and body, validated by the endpoint's schemas. */
export interface RouteInput<E extends Endpoint> {
  params: ParamsOf<E>;
  query: QueryOutput<E>;
  body: BodyOutput<E>;
  /** A versioned endpoint's write: the versions the caller's `If-Match` accepts (none sent: any). */
  ifMatch?: IfMatch;
}

type Handler<E extends Endpoint, R> = (input: RouteInput<E>, request: FastifyRequest, reply: FastifyReply) => Promise<R> | R;

/** A list handler's answer: one page of items and how many there are in all. */
export interface PageResult<Item> {
  items: Item[];
  total: number;
}

function register(app: AnyFastify, e: Endpoint, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) {
  const params = paramsSchema(e);
  app.route({
    method: e.method,
    url: routePattern(e),
    config: { access: e.access },
    schema: {
      ...(Object.keys(params.shape).length > 0 ? { params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.response ? { response: { [e.status]: e.response } } : {}),
    },
    handler,
  });
}

const inputOf = <E extends Endpoint>(request: FastifyRequest, e: Endpoint) =>
  ({
    params: request.params,
    query: request.query ?? {},
    body: request.body,
    ...(e.versioned && e.method !== "GET" ? { ifMatch: ifMatchOf(request) } : {}),
  }) as RouteInput<E>;

/**
 * A versioned object's GET: its `ETag`, and 304 without a body when the caller already
 * has this version. `no-cache`: a browser keeps the answer but asks again each time.
 */
function answerVersioned(request: FastifyRequest, reply: FastifyReply, result: unknown) {
  const etag = etagOf(result);
  reply.header("etag", etag).header("cache-control", "private, no-cache");
  const ifNoneMatch = ifNoneMatchOf(request);
  return ifNoneMatch !== undefined && matchesWeakly(etag, ifNoneMatch);
}

/**
 * Registers the route of an endpoint: its path, method, access rule and schemas come
 * from the endpoint; the handler returns the answer's body (nothing for a 204), sent
 * with the endpoint's success status.
 */
export function route<E extends Endpoint>(app: AnyFastify, e: E, handler: Handler<E, ResponseInput<E>>) {
  register(app, e, async (request, reply) => {
    const result = await handler(inputOf<E>(request, e), request, reply);
    if (reply.sent) return reply;
    if (e.versioned && e.method === "GET" && answerVersioned(request, reply, result)) return reply.code(304).send();
    reply.code(e.status);
    return e.status === 204 ? reply.send() : reply.send(result);
  });
}

export interface ListRouteOptions {
  /**
   * Keep answers of this list while `db` is unchanged: for a handler whose page depends on
   * nothing but the database, the administrator asking (their id, role and locations) and
   * the request's parameters and query. An answer given again is the same bytes, serialized
   * (and checked against the endpoint's schema) when it was first read; any write to the
   * database, or one committed by another process, makes it be read anew.
   */
  keepWhileUnchanged?: Db;
}

/** Decorates an app whose lists never keep an answer (AppOptions.keepListAnswers false). */
export const kReadListsAlways = Symbol("readListsAlways");

/** Answers kept per list route, and the largest kept (a page of 100 items is about 25 KB). */
const MAX_KEPT_ANSWERS = 64;
const MAX_KEPT_ANSWER_LENGTH = 64 * 1024;
const JSON_TYPE = "application/json; charset=utf-8";

interface KeptAnswer {
  version: string;
  total: number;
  body: string;
}

/**
 * Registers a list endpoint: the handler returns one page and the total; the answer
 * wraps the items under the endpoint's list key, with Webex's `Link: rel="next"` and
 * our `X-Total-Count`.
 */
export function listRoute<E extends Endpoint & { list: string }>(
  app: AnyFastify,
  e: E,
  handler: Handler<E, PageResult<ItemOf<E>>>,
  { keepWhileUnchanged }: ListRouteOptions = {},
) {
  const readAlways = (app as unknown as Record<symbol, boolean | undefined>)[kReadListsAlways] === true;
  const version = keepWhileUnchanged && !readAlways && changeVersionOf(keepWhileUnchanged);
  if (!version) {
    register(app, e, async (request, reply) => {
      const { items, total } = await handler(inputOf<E>(request, e), request, reply);
      const { start, max } = request.query as { start: number; max: number };
      setPagingHeaders(request, reply, { start, max, total });
      return reply.code(e.status).send({ [e.list]: items });
    });
    return;
  }
  // Least recently used first (a Map keeps insertion order).
  const kept = new Map<string, KeptAnswer>();
  register(app, e, async (request, reply) => {
    const { start, max } = request.query as { start: number; max: number };
    // Read before the handler: a write made while it reads changes the version, so an
    // answer kept under this one is never given once the database has moved on.
    const now = version();
    const principal = request.principal;
    const key = JSON.stringify([request.params, request.query, principal && [principal.id, principal.role, principal.orgId, principal.locationIds]]);
    let answer = kept.get(key);
    if (answer?.version === now) {
      kept.delete(key);
      kept.set(key, answer);
    } else {
      const { items, total } = await handler(inputOf<E>(request, e), request, reply);
      answer = { version: now, total, body: reply.code(e.status).serialize({ [e.list]: items }) as string };
      kept.delete(key);
      if (answer.body.length <= MAX_KEPT_ANSWER_LENGTH) {
        kept.set(key, answer);
        if (kept.size > MAX_KEPT_ANSWERS) kept.delete(kept.keys().next().value!);
      }
    }
    setPagingHeaders(request, reply, { start, max, total: answer.total });
    // A string with its type is sent as it is, not serialized again.
    return reply.code(e.status).type(JSON_TYPE).send(answer.body);
  });
}
