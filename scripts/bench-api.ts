import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { buildApp } from "@server/app";
import { openDatabase } from "@server/db/database";
import { DEMO_ADMINS, DEMO_PASSWORD, insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { asAdmin, BENCH_TOKEN, buildLargeOrganization } from "./large-org";

const LOCATIONS = 1000;
const PER_LOCATION = 100;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Times the list and create calls in-process against 1,000 locations × 100 call park extensions. */
export async function benchListApi() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bench-"));
  const db = await openDatabase(`sqlite:${path.join(dir, "bench.sqlite")}`);
  let t = performance.now();
  await insertOrganization(db, buildLargeOrganization(LOCATIONS, PER_LOCATION));
  console.log(`  seeded ${LOCATIONS} locations × ${PER_LOCATION} call park extensions in ${(performance.now() - t).toFixed(0)} ms`);
  await seedDemoAdministrators(db);
  const app = await buildApp({ db, adminToken: BENCH_TOKEN });
  const cases: [string, string][] = [
    ["first page, default order", "/v1/telephony/config/callParkExtensions?max=25"],
    ["deep page (start=90000)", "/v1/telephony/config/callParkExtensions?max=25&start=90000"],
    ["search q=park 0", "/v1/telephony/config/callParkExtensions?max=25&q=park%200"],
    ["sort by location", "/v1/telephony/config/callParkExtensions?max=25&order=locationName-desc"],
  ];
  for (const [label, url] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      t = performance.now();
      const res = await app.inject({ method: "GET", url, headers: asAdmin });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      times.push(performance.now() - t);
    }
    console.log(`  GET ${label}: median ${median(times).toFixed(1)} ms over ${times.length} calls`);
  }
  // Signing in costs one scrypt hash (N=2^17, 128 MiB): slow on purpose, against guessing.
  const signIns: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const res = await app.inject({ method: "POST", url: "/v1/session", payload: { email: DEMO_ADMINS.full.email, password: DEMO_PASSWORD } });
    if (res.statusCode !== 201) throw new Error(`sign-in answered ${res.statusCode}`);
    signIns.push(performance.now() - t);
  }
  console.log(`  POST /v1/session (sign-in): median ${median(signIns).toFixed(0)} ms over ${signIns.length} calls`);

  await app.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
