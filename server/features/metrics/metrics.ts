import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Db, onQuery } from "@server/db/database";
import { sameSecret } from "@server/features/auth/secrets";
import { countByStatus } from "@server/features/import-jobs/import-jobs.repository";
import { HttpError } from "@server/http/errors";

// GET /metrics in Prometheus's text format, for a scraper holding METRICS_TOKEN. Without
// the token configured nothing is measured and /metrics answers as an unknown path
// (before the SPA's catch-all could answer it with index.html).

export const METRICS_PATH = "/metrics";

/** Requests that matched no route share one label, so scanners cannot grow the series. */
export const UNMATCHED_ROUTE = "unmatched";

export interface MetricsOptions {
  db: Db;
  /** METRICS_TOKEN: the bearer token a scraper sends; unset, there are no metrics. */
  token?: string;
}

// SQLite statements take microseconds to milliseconds; the default buckets start at 5 ms.
const QUERY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * A registry of this app's own: tests build many apps in one process. prom-client is loaded
 * only here, when metrics are configured, so a server without METRICS_TOKEN starts without it.
 */
async function createRegistry(db: Db) {
  const { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } = await import("prom-client");
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status_code"] as const;
  const requests = new Counter({ name: "http_requests_total", help: "HTTP requests answered, by route pattern, method and status code.", labelNames, registers: [registry] });
  const latency = new Histogram({ name: "http_request_duration_seconds", help: "Time to answer an HTTP request, by route pattern, method and status code.", labelNames, registers: [registry] });
  const queries = new Histogram({
    name: "cpa_db_query_duration_seconds",
    help: "Time SQLite took to run each statement; outcome is ok or error.",
    labelNames: ["outcome"] as const,
    buckets: QUERY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "cpa_import_jobs",
    help: "Import jobs in the database, by execution state (STARTED, COMPLETED, FAILED).",
    labelNames: ["state"] as const,
    registers: [registry],
    // Read at scrape time, so the figure is the database's and survives restarts.
    async collect() {
      const counts = await countByStatus(db);
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
  return { registry, requests, latency, queries };
}

function checkToken(request: FastifyRequest, token: string) {
  const authorization = request.headers.authorization;
  if (authorization === undefined) throw new HttpError("unauthorized");
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(authorization);
  if (!match || !sameSecret(match[1], token)) throw new HttpError("invalidToken");
}

export async function installMetrics(app: FastifyInstance, { db, token }: MetricsOptions) {
  if (!token) {
    app.get(METRICS_PATH, (_request, reply) => reply.callNotFound());
    return;
  }
  const { registry, requests, latency, queries } = await createRegistry(db);

  const unsubscribe = onQuery(db, (seconds, failed) => queries.observe({ outcome: failed ? "error" : "ok" }, seconds));
  app.addHook("onClose", async () => unsubscribe());

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    // The scrapes themselves would only measure the scraper.
    if (route === METRICS_PATH) return;
    const labels = { method: request.method, route, status_code: reply.statusCode };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  app.get(METRICS_PATH, async (request, reply) => {
    try {
      checkToken(request, token);
    } catch (error) {
      reply.header("www-authenticate", 'Bearer realm="metrics"');
      throw error;
    }
    const body = await registry.metrics();
    return reply.header("content-type", registry.contentType).header("cache-control", "no-store").send(body);
  });
}
