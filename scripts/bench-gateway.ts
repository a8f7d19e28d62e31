import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { API_BASE, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import type { ImportJob } from "@domain/schemas/import-job";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import { insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { staticToken } from "@server/features/gateway/credentials";
import { Gateway } from "@server/features/gateway/gateway";
import { UPSTREAM_CONCURRENCY } from "@server/features/gateway/start";
import { Upstream } from "@server/features/gateway/upstream";
import { startFaultProxy } from "@server/test/fault-proxy";
import { asAdmin, BENCH_TOKEN, buildLargeOrganization } from "./large-org";
import { freePort } from "@server/test/free-port";

// Webex mode against a stand-in for Webex (this project's server on a large organisation)
// behind a proxy that adds 50 ms to every call, as a distant Webex would.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LOCATIONS = 1000;
const PER_LOCATION = 100;
const LATENCY_MS = 50;
const IMPORT_ROWS = 1000;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function firstPage(app: Awaited<ReturnType<typeof buildApp>>) {
  const url = urlOf(api.callParkExtensions.list, {}, { max: 25 });
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const res = await app.inject({ url, headers: asAdmin });
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A CSV of new call park extensions spread over the first 20 locations. */
function importCsv(locations: { name: string }[]) {
  return toCallParkExtensionCsv(
    Array.from({ length: IMPORT_ROWS }, (_, i) => ({ location: locations[i % 20].name, name: `Gateway bench ${i}`, extension: String(8000 + Math.floor(i / 20)) })),
  );
}

async function benchImport(app: Awaited<ReturnType<typeof buildApp>>, db: Db) {
  const locations = await db.selectFrom("locations").select("name").orderBy("name").limit(20).execute();
  const t = performance.now();
  const created = await app.inject({
    method: api.importJobs.create.method,
    url: urlOf(api.importJobs.create, {}, { mode: "partial" }),
    headers: { ...asAdmin, "content-type": "text/csv" },
    payload: importCsv(locations),
  });
  if (created.statusCode !== api.importJobs.create.status) {
    console.log(`  import through the gateway: not run (${created.statusCode}: ${created.json().message})`);
    return;
  }
  const { id } = created.json() as { id: string };
  for (;;) {
    const job = (await app.inject({ url: urlOf(api.importJobs.get, { jobId: id }), headers: asAdmin })).json() as ImportJob;
    if (job.latestExecutionStatus !== "STARTED") {
      const seconds = ((performance.now() - t) / 1000).toFixed(1);
      console.log(`  import of ${IMPORT_ROWS} rows through the gateway: ${seconds} s, ${job.latestExecutionExitCode}, counts ${JSON.stringify(job.counts)} (budget 60 s)`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function benchGateway() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bench-gateway-"));
  const standinDb = await openDatabase(`sqlite:${path.join(dir, "standin.sqlite")}`);
  await insertOrganization(standinDb, buildLargeOrganization(LOCATIONS, PER_LOCATION));
  await seedDemoAdministrators(standinDb);
  // Room for the import: the first 20 locations keep 50 of their 100 call park extensions (the cap is 100).
  const seeder = await buildApp({ db: standinDb, adminToken: BENCH_TOKEN });
  for (const { id: locationId } of await standinDb.selectFrom("locations").select("id").orderBy("name").limit(20).execute()) {
    const extensions = await standinDb.selectFrom("call_park_extensions").select("id").where("location_id", "=", locationId).orderBy("extension").execute();
    for (const { id } of extensions.slice(50)) {
      const res = await seeder.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: id }), headers: asAdmin });
      if (res.statusCode !== 204) throw new Error(`making room answered ${res.statusCode}`);
    }
  }
  await seeder.close();
  await standinDb.destroy();
  // Its own process, as Webex is another machine: the gateway's work and Webex's are not timed on one thread.
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `sqlite:${path.join(dir, "standin.sqlite")}`, SEED: "none", LOG_LEVEL: "warn", ADMIN_TOKEN: BENCH_TOKEN, API_RATE_LIMIT: "0" },
    stdio: "inherit",
  });
  const target = `http://127.0.0.1:${port}${API_BASE}`;
  for (let ready = false; !ready; ) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const standinDbForReads = await openDatabase(`sqlite:${path.join(dir, "standin.sqlite")}`);
  const standin = await buildApp({ db: standinDbForReads, adminToken: BENCH_TOKEN });
  const proxy = await startFaultProxy({ target });
  proxy.latencyMs = LATENCY_MS;

  const db = await openDatabase(`sqlite:${path.join(dir, "gateway.sqlite")}`);
  const tokens = staticToken(BENCH_TOKEN);
  const upstream = new Upstream({ baseUrl: proxy.url, tokens, concurrency: UPSTREAM_CONCURRENCY });
  const gateway = new Gateway(db, upstream, tokens, { apiUrl: proxy.url, syncIntervalSeconds: 0 });
  await gateway.connect();
  const t = performance.now();
  const run = await gateway.sync();
  const seconds = (performance.now() - t) / 1000;
  console.log(
    `  full synchronisation of ${LOCATIONS} locations × ${PER_LOCATION} call park extensions, ${LATENCY_MS} ms per call: ` +
      `${seconds.toFixed(1)} s, ${run.upstreamCalls} upstream calls, ${run.objects} objects, ${run.outcome} (budget 60 s)`,
  );
  if (run.errors.length) console.log(`    first error: ${run.errors[0].message}`);

  const app = await buildApp({ db, adminToken: BENCH_TOKEN, gateway });
  const [throughGateway, standalone] = [await firstPage(app), await firstPage(standin)];
  console.log(
    `  first page of the call park extension list: ${throughGateway.toFixed(1)} ms through the gateway, ${standalone.toFixed(1)} ms standalone ` +
      `(${(throughGateway / standalone).toFixed(2)}×, budget 1.5×)`,
  );

  await benchImport(app, db);

  await gateway.stop();
  await app.close();
  await proxy.close();
  await standin.close();
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  await db.destroy();
  await standinDbForReads.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
