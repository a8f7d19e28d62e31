import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { searchKey } from "@domain/rules/text";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import { insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { encodeId } from "@server/lib/ids";
import { asAdmin, BENCH_TOKEN, buildLargeOrganization } from "./large-org";

const LOCATIONS = 20;
const SEEDED_PER_LOCATION = 6;
const ROWS = 1000;
const RUNS = 7;
const { preview: PREVIEW, create: CREATE, get: GET } = api.importJobs;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** 1,000 new call park extensions, 50 in each of the 20 locations. */
function benchRows(locations: { id: string; name: string }[]) {
  return Array.from({ length: ROWS }, (_, i) => {
    const location = locations[i % locations.length];
    return { location, name: `Bench ${i}`, extension: String(7000 + Math.floor(i / locations.length)) };
  });
}

/** The body a browser sends for a file input: multipart/form-data with one `file` field. */
function multipart(csv: string) {
  const boundary = "----CallParkAdminBench";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return { payload: Buffer.from(`${head}${csv}\r\n--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The same rows written the plainest way: multi-row INSERTs and a count per location, one transaction. */
async function rawInsert(db: Db, rows: ReturnType<typeof benchRows>) {
  const now = new Date().toISOString();
  const extensions = rows.map((r, i) => ({
    id: encodeId("CALL_PARK_EXTENSION", `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`),
    location_id: r.location.id,
    name: r.name,
    name_key: searchKey(r.name),
    extension: r.extension,
    created_at: now,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < extensions.length; i += 500) {
      const part = extensions.slice(i, i + 500);
      await trx.insertInto("call_park_extensions").values(part).execute();
      await trx
        .insertInto("location_numbers")
        .values(part.map((e) => ({ location_id: e.location_id, extension: e.extension, owner_type: "CALL_PARK_EXTENSION" as const, owner_id: e.id })))
        .execute();
    }
    for (const location of new Set(rows.map((r) => r.location.id))) {
      const n = rows.filter((r) => r.location.id === location).length;
      await trx
        .updateTable("locations")
        .set((eb) => ({ call_park_extension_count: eb("call_park_extension_count", "+", n) }))
        .where("id", "=", location)
        .execute();
    }
  });
}

/** Takes the bench's rows out again, so each run starts from the same data. */
async function undo(db: Db) {
  await db.transaction().execute(async (trx) => {
    const ids = trx.selectFrom("call_park_extensions").select("id").where("name", "like", "Bench %");
    await trx.deleteFrom("location_numbers").where("owner_type", "=", "CALL_PARK_EXTENSION").where("owner_id", "in", ids).execute();
    await trx.deleteFrom("call_park_extensions").where("name", "like", "Bench %").execute();
    await trx.updateTable("locations").set({ call_park_extension_count: SEEDED_PER_LOCATION }).execute();
  });
}

/**
 * Times a 1,000-row import from upload to finished job against a raw insert of the
 * same rows into the same database file, and the dry run of the same file.
 */
export async function benchImport() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bench-import-"));
  const db = await openDatabase(`sqlite:${path.join(dir, "bench.sqlite")}`);
  await insertOrganization(db, buildLargeOrganization(LOCATIONS, SEEDED_PER_LOCATION));
  await seedDemoAdministrators(db);
  const app = await buildApp({ db, adminToken: BENCH_TOKEN });
  const locations = await db.selectFrom("locations").select(["id", "name"]).orderBy("name").execute();
  const rows = benchRows(locations);
  const { payload, contentType } = multipart(
    toCallParkExtensionCsv(rows.map((r) => ({ location: r.location.name, name: r.name, extension: r.extension }))),
  );
  const times = { raw: [] as number[], import: [] as number[], preview: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    await rawInsert(db, rows);
    times.raw.push(performance.now() - t);
    await undo(db);

    t = performance.now();
    const headers = { ...asAdmin, "content-type": contentType };
    const preview = await app.inject({ method: PREVIEW.method, url: urlOf(PREVIEW), payload, headers });
    times.preview.push(performance.now() - t);
    if (preview.statusCode !== 200 || preview.json().counts.create !== ROWS) throw new Error(`preview: ${preview.statusCode} ${preview.body.slice(0, 300)}`);

    t = performance.now();
    const posted = await app.inject({ method: CREATE.method, url: urlOf(CREATE), payload, headers });
    if (posted.statusCode !== 201) throw new Error(`import: ${posted.statusCode} ${posted.body.slice(0, 300)}`);
    await app.importJobs.idle();
    const job = (await app.inject({ method: GET.method, url: urlOf(GET, { jobId: posted.json().id }), headers: asAdmin })).json();
    times.import.push(performance.now() - t);
    if (job.latestExecutionExitCode !== "COMPLETED" || job.counts.created !== ROWS) throw new Error(`job: ${JSON.stringify(job)}`);
    await undo(db);
  }
  const raw = median(times.raw);
  const imported = median(times.import);
  console.log(`  raw insert of ${ROWS} call park extensions (one transaction): median ${raw.toFixed(1)} ms over ${RUNS} runs`);
  console.log(`  dry run (preview) of the same ${ROWS}-row file: median ${median(times.preview).toFixed(1)} ms`);
  console.log(
    `  import of the same ${ROWS}-row file, upload to finished job: median ${imported.toFixed(1)} ms — ` +
      `${(imported / raw).toFixed(1)}× the raw insert (target: under 1,000 ms and within 25×)`,
  );
  await app.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
