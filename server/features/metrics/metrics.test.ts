import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { routePattern, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { addRows, csvOf, runImport } from "@server/features/import-jobs/test-helpers";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from "@server/test/test-server";
import { METRICS_PATH, UNMATCHED_ROUTE } from "./metrics";

const METRICS_TOKEN = "metrics-token-for-the-server-tests";
const scrape = (server: TestServer, token = METRICS_TOKEN) =>
  server.app.anonymous({ url: METRICS_PATH, headers: { authorization: `Bearer ${token}` } });

/** The value of the one sample line that starts with `series` (name and labels as printed). */
function sample(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics without METRICS_TOKEN", () => {
  let server: TestServer;
  let spaDir: string;
  afterEach(async () => {
    await server.close();
    if (spaDir) fs.rmSync(spaDir, { recursive: true, force: true });
  });

  it("does not exist: a JSON 404, even with a token and with the SPA served", async () => {
    spaDir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-metrics-spa-"));
    fs.writeFileSync(path.join(spaDir, "index.html"), "<!doctype html><title>SPA</title>");
    server = await startTestServer({ serveSpa: true, spaDir });
    // The SPA answers other client-side paths, so the catch-all is live.
    expect((await server.app.anonymous({ url: "/some/screen" })).body).toContain("<title>SPA</title>");
    for (const res of [await server.app.anonymous({ url: METRICS_PATH }), await scrape(server), await scrape(server, TEST_ADMIN_TOKEN)]) {
      expectApiError(res, "routeNotFound");
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
    }
  });
});

describe("GET /metrics with METRICS_TOKEN", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ metricsToken: METRICS_TOKEN });
  });
  afterAll(async () => {
    await server.close();
  });

  it("refuses a missing, malformed or wrong token with 401, the administrator's included", async () => {
    const missing = await server.app.anonymous({ url: METRICS_PATH });
    expectApiError(missing, "unauthorized");
    expect(missing.headers["www-authenticate"]).toMatch(/^Bearer/);
    expectApiError(await server.app.anonymous({ url: METRICS_PATH, headers: { authorization: METRICS_TOKEN } }), "invalidToken");
    expectApiError(await scrape(server, `${METRICS_TOKEN}-not`), "invalidToken");
    expectApiError(await scrape(server, TEST_ADMIN_TOKEN), "invalidToken");
  });

  it("counts and times requests by route pattern, method and status, never by the URL with its ids", async () => {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const item = { locationId, callParkId: "bm9uZXhpc3RlbnQ" };
    expect((await server.app.inject({ url: urlOf(api.callParks.list, { locationId }) })).statusCode).toBe(200);
    expect((await server.app.inject({ url: urlOf(api.callParks.list, { locationId }) })).statusCode).toBe(200);
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.get, item) }), "callParkNotFound");
    expectApiError(await server.app.inject({ url: "/nowhere/at/all-42" }), "routeNotFound");

    const res = await scrape(server);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
    const body = res.body;
    const list = `route="${routePattern(api.callParks.list)}"`;
    const get = `route="${routePattern(api.callParks.get)}"`;
    expect(get).toContain(":callParkId");
    expect(sample(body, `http_requests_total{method="GET",${list},status_code="200"}`)).toBe(2);
    expect(sample(body, `http_requests_total{method="GET",${get},status_code="404"}`)).toBe(1);
    expect(sample(body, `http_requests_total{method="GET",route="${UNMATCHED_ROUTE}",status_code="404"}`)).toBe(1);
    // The latency histogram: cumulative buckets up to +Inf, which holds every request.
    expect(sample(body, `http_request_duration_seconds_bucket{le="0.005",method="GET",${list},status_code="200"}`)).toBeGreaterThanOrEqual(0);
    expect(sample(body, `http_request_duration_seconds_bucket{le="+Inf",method="GET",${list},status_code="200"}`)).toBe(2);
    expect(sample(body, `http_request_duration_seconds_count{method="GET",${list},status_code="200"}`)).toBe(2);
    expect(body).not.toContain(locationId);
    expect(body).not.toContain("all-42");
    expect(body).not.toContain(`route="${METRICS_PATH}"`);
    // prom-client's process metrics.
    expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(body).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it("counts import jobs by state from the database, at scrape time", async () => {
    const before = (await scrape(server)).body;
    expect(sample(before, 'cpa_import_jobs{state="STARTED"}')).toBe(0);
    const completed = sample(before, 'cpa_import_jobs{state="COMPLETED"}') ?? 0;
    const job = await runImport(server.app, csvOf(addRows("San Jose HQ", 2)));
    expect(job.latestExecutionStatus).toBe("COMPLETED");
    const after = (await scrape(server)).body;
    expect(sample(after, 'cpa_import_jobs{state="COMPLETED"}')).toBe(completed + 1);
    expect(sample(after, 'cpa_import_jobs{state="STARTED"}')).toBe(0);
    expect(sample(after, 'cpa_import_jobs{state="FAILED"}')).toBe(0);
  });

  it("times the database's statements", async () => {
    const count = (body: string) => sample(body, 'cpa_db_query_duration_seconds_count{outcome="ok"}') ?? 0;
    const first = count((await scrape(server)).body);
    expect(first).toBeGreaterThan(0);
    await server.app.inject({ url: urlOf(api.locations.list) });
    const body = (await scrape(server)).body;
    expect(count(body)).toBeGreaterThan(first);
    expect(sample(body, 'cpa_db_query_duration_seconds_bucket{le="+Inf",outcome="ok"}')).toBe(count(body));
  });

  it("keeps each app's metrics apart: a second app in the same process has its own registry", async () => {
    const other = await startTestServer({ metricsToken: METRICS_TOKEN });
    try {
      await other.app.inject({ url: urlOf(api.locations.list) });
      const body = (await scrape(other)).body;
      expect(sample(body, `http_requests_total{method="GET",route="${routePattern(api.locations.list)}",status_code="200"}`)).toBe(1);
      expect(body).not.toContain(routePattern(api.callParks.get));
    } finally {
      await other.close();
    }
  });
});
