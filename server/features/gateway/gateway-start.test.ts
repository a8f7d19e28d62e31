import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { asAdmin, inspect, lab, startServer, until } from "@server/test/server-process";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import type { ImportJob } from "@domain/schemas/import-job";
import { startFaultProxy } from "@server/test/fault-proxy";
import { startStandIn } from "@server/test/standin";
import { locationIdOf } from "@server/test/test-server";

// The server process in Webex mode, against a stand-in for Webex: what an operator sees.

/** Runs the server until it exits (it should not start), with what it printed. */
function failedStart(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { ...process.env, PORT: "0", DATABASE_URL: "sqlite::memory:", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("starting in Webex mode", () => {
  it("refuses a credential Webex does not take, saying so without echoing it", async () => {
    const standin = await startStandIn();
    try {
      const secret = "not-a-token-webex-takes-0123456789";
      const { code, output } = await failedStart({ WEBEX_API_URL: standin.url, WEBEX_ACCESS_TOKEN: secret });
      expect(code).toBe(1);
      expect(output).toContain(`Cannot connect to Webex at ${standin.url}: Webex refused the credential`);
      expect(output).not.toContain(secret);
    } finally {
      await standin.close();
    }
  });

  it("refuses an incomplete Webex configuration before connecting, naming what is missing but no secret", async () => {
    const { code, output } = await failedStart({ WEBEX_API_URL: "https://webexapis.com/v1", WEBEX_CLIENT_ID: "id", WEBEX_CLIENT_SECRET: "a-client-secret-never-shown" });
    expect(code).toBe(1);
    expect(output).toContain("WEBEX_REFRESH_TOKEN: missing");
    expect(output).not.toContain("a-client-secret-never-shown");
  });

  it("serves the stand-in's organisation once synchronised, never the demo one of its own", async () => {
    const standin = await startStandIn();
    try {
      const l = lab();
      const server = await startServer(l, { WEBEX_API_URL: standin.url, WEBEX_ACCESS_TOKEN: standin.token, WEBEX_SYNC_INTERVAL: "0" });
      const status = await until("the first synchronisation", async () => {
        const res = await fetch(`${server.base}${urlOf(api.gateway.status)}`, { headers: asAdmin });
        const body = (await res.json()) as { lastSync?: { outcome: string } };
        return body.lastSync && body.lastSync.outcome !== "running" ? body : undefined;
      });
      expect(status).toMatchObject({ mode: "webex", organization: { id: standin.orgId }, lastSync: { outcome: "succeeded" } });
      expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
      const [mine, theirs] = await Promise.all(
        [server.base, standin.url.replace(/\/v1$/, "")].map(async (base) => (await fetch(`${base}${urlOf(api.locations.list)}`, { headers: asAdmin })).json()),
      );
      expect(mine).toEqual(theirs);
      server.child.kill("SIGTERM");
      await server.exited;
      // No demo administrators: the app's accounts are made with npm run admin:create.
      const admins = await inspect(l.file, (db) => db.selectFrom("admins").select("email").execute());
      expect(admins).toEqual([]);
    } finally {
      await standin.close();
    }
  });
});

describe("an import through the gateway, killed and restarted", () => {
  it("applies every row upstream exactly once across a SIGKILL in the middle of the job", async () => {
    const standin = await startStandIn();
    // Each Webex call takes a while, so the kill lands in the middle of the job.
    const proxy = await startFaultProxy({ target: standin.url });
    proxy.latencyMs = 40;
    try {
      const l = lab();
      const env = { WEBEX_API_URL: proxy.url, WEBEX_ACCESS_TOKEN: standin.token, WEBEX_SYNC_INTERVAL: "0", API_RATE_LIMIT: "0" };
      const first = await startServer(l, env);
      await until("the first synchronisation", async () => ((await fetch(`${first.base}/readyz`)).ok ? true : undefined));
      const rows = Array.from({ length: 40 }, (_, i) => ({ location: "San Jose HQ", name: `Killed ${i}`, extension: String(6700 + i) }));
      const upload = await fetch(`${first.base}${urlOf(api.importJobs.create, {}, { mode: "partial", fileName: "kill.csv" })}`, {
        method: "POST",
        headers: { ...asAdmin, "content-type": "text/csv" },
        body: toCallParkExtensionCsv(rows),
      });
      expect(upload.status, await upload.clone().text()).toBe(201);
      const { id: jobId } = (await upload.json()) as { id: string };
      const job = async (base: string) =>
        (await (await fetch(`${base}${urlOf(api.importJobs.get, { jobId })}`, { headers: asAdmin })).json()) as ImportJob;
      await until("some rows applied", async () => ((await job(first.base)).counts.processed >= 8 ? true : undefined));
      first.child.kill("SIGKILL");
      await first.exited;
      // Killed in the middle: rows were left to do.
      const left = await inspect(l.file, (db) => db.selectFrom("import_job_rows").select("item_number").where("job_id", "=", jobId).where("state", "=", "pending").execute());
      expect(left.length).toBeGreaterThan(0);

      const second = await startServer(l, env);
      const done = await until("the job finished", async () => {
        const j = await job(second.base);
        return j.latestExecutionStatus === "STARTED" ? undefined : j;
      }, 120_000);
      expect(done).toMatchObject({ latestExecutionStatus: "COMPLETED", latestExecutionExitCode: "COMPLETED", counts: { total: 40, created: 40, failed: 0 } });
      // Webex holds each one once, and was asked to create each one once.
      const sanJose = await locationIdOf(standin.db, "San Jose HQ");
      const upstream = await standin.app.inject({ url: urlOf(api.callParkExtensions.list, {}, { locationId: sanJose, name: "Killed", max: 100 }) });
      expect((upstream.json().callParkExtensions as { name: string }[]).map((c) => c.name).sort()).toEqual(rows.map((r) => r.name).sort());
      const creates = proxy.requests.filter((r) => r.method === "POST" && /\/callParkExtensions$/.test(r.path) && r.forwarded);
      expect(creates).toHaveLength(40);
      second.child.kill("SIGTERM");
      await second.exited;
    } finally {
      await proxy.close();
      await standin.close();
    }
  });
});
