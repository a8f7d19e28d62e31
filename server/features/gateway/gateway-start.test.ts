import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { asAdmin, inspect, lab, startServer, until } from "@server/test/server-process";
import { startStandIn } from "@server/test/standin";

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
