import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { lab, startServer } from "./test/server-process";

// The server as `npm start` runs it: what the environment sets must reach the app.
describe("the server process wires its environment through", () => {
  it("serves /metrics to METRICS_TOKEN and limits the API at API_RATE_LIMIT", async () => {
    const metricsToken = "metrics-token-for-the-process-test";
    const server = await startServer(lab(), { METRICS_TOKEN: metricsToken, API_RATE_LIMIT: "3" });

    const scrape = await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain("cpa_import_jobs");

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.base}${urlOf(api.organizations.list)}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
