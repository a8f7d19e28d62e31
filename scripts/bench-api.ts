import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
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
  const list = api.callParkExtensions.list;
  const cases: [string, string][] = [
    ["first page, default order", urlOf(list, {}, { max: 25 })],
    ["deep page (start=90000)", urlOf(list, {}, { max: 25, start: 90000 })],
    ["search q=park 0", urlOf(list, {}, { max: 25, q: "park 0" })],
    ["sort by location", urlOf(list, {}, { max: 25, order: "locationName-desc" })],
  ];
  for (const [label, url] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      t = performance.now();
      const res = await app.inject({ method: list.method, url, headers: asAdmin });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      times.push(performance.now() - t);
    }
    console.log(`  GET ${label}: median ${median(times).toFixed(1)} ms over ${times.length} calls`);
  }
  // Signing in costs one scrypt hash (N=2^17, 128 MiB): slow on purpose, against guessing.
  const signIn = api.session.signIn;
  const signIns: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const payload = { email: DEMO_ADMINS.full.email, password: DEMO_PASSWORD };
    const res = await app.inject({ method: signIn.method, url: urlOf(signIn), payload });
    if (res.statusCode !== signIn.status) throw new Error(`sign-in answered ${res.statusCode}`);
    signIns.push(performance.now() - t);
  }
  console.log(`  ${signIn.method} ${urlOf(signIn)} (sign-in): median ${median(signIns).toFixed(0)} ms over ${signIns.length} calls`);

  await app.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
