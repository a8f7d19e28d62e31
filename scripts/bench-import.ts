import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { searchKey } from "@domain/rules/text";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import { insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { encodeId } from "@server/lib/ids";
import { describe, type Figure, median } from "./bench-support";
import { asAdmin, BENCH_TOKEN, buildLargeOrganization } from "./large-org";

const LOCATIONS = 20;
const SEEDED_PER_LOCATION = 6;
const ROWS = 1000;
const RUNS = 7;
const RATIO_BUDGET = 10;
const DURATION_BUDGET_MS = 1000;
const SECTION = "import";
const { preview: PREVIEW, create: CREATE, get: GET } = api.importJobs;

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

/**
 * The floor: the same rows written the plainest way SQLite allows, with prepared better-sqlite3
 * statements (no Kysely) in one transaction: the rows, whole (their location's name and key
 * too, so the triggers that fill those in have nothing to do), their numbers, a count per
 * location. The schema's other triggers (the name search index) run as for any writer.
 */
function rawInsertOf(sqlite: BetterSqlite3.Database) {
  const locationKeys = new Map(
    (sqlite.prepare("SELECT id, name_key FROM locations").all() as { id: string; name_key: string }[]).map((l) => [l.id, l.name_key]),
  );
  const insertExtension = sqlite.prepare(
    "INSERT INTO call_park_extensions (id, location_id, name, name_key, extension, created_at, location_name_key, location_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertNumber = sqlite.prepare("INSERT INTO location_numbers (location_id, extension, owner_type, owner_id) VALUES (?, ?, 'CALL_PARK_EXTENSION', ?)");
  const addToCount = sqlite.prepare("UPDATE locations SET call_park_extension_count = call_park_extension_count + ? WHERE id = ?");
  const insertAll = sqlite.transaction((rows: ReturnType<typeof benchRows>) => {
    const now = new Date().toISOString();
    const perLocation = new Map<string, number>();
    rows.forEach((r, i) => {
      const id = encodeId("CALL_PARK_EXTENSION", `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
      insertExtension.run(id, r.location.id, r.name, searchKey(r.name), r.extension, now, locationKeys.get(r.location.id), r.location.name);
      insertNumber.run(r.location.id, r.extension, id);
      perLocation.set(r.location.id, (perLocation.get(r.location.id) ?? 0) + 1);
    });
    for (const [locationId, n] of perLocation) addToCount.run(n, locationId);
  });
  return (rows: ReturnType<typeof benchRows>) => insertAll(rows);
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
 * Times a 1,000-row import from upload to finished job against a raw insert of the same rows
 * into the same database file (prepared better-sqlite3 statements, one transaction), and the
 * dry run of the same file. Returns the budgeted figures.
 */
export async function benchImport(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bench-import-"));
  const file = path.join(dir, "bench.sqlite");
  const db = await openDatabase(`sqlite:${file}`);
  await insertOrganization(db, buildLargeOrganization(LOCATIONS, SEEDED_PER_LOCATION));
  await seedDemoAdministrators(db);
  const app = await buildApp({ db, adminToken: BENCH_TOKEN });
  // A connection of its own on the same file, set up as the server's (server/db/database.ts).
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const rawInsert = rawInsertOf(sqlite);
  const locations = await db.selectFrom("locations").select(["id", "name"]).orderBy("name").execute();
  const rows = benchRows(locations);
  const { payload, contentType } = multipart(
    toCallParkExtensionCsv(rows.map((r) => ({ location: r.location.name, name: r.name, extension: r.extension }))),
  );
  const times = { raw: [] as number[], import: [] as number[], preview: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    rawInsert(rows);
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
  const ratio: Figure = { section: SECTION, name: `import of ${ROWS} rows ÷ raw insert`, value: imported / raw, unit: "×", max: RATIO_BUDGET };
  const duration: Figure = { section: SECTION, name: `import of ${ROWS} rows, upload to finished job`, value: imported, unit: "ms", max: DURATION_BUDGET_MS, digits: 0 };
  console.log(`  raw insert of ${ROWS} call park extensions (prepared better-sqlite3 statements, one transaction): median ${raw.toFixed(1)} ms over ${RUNS} runs`);
  console.log(`  dry run (preview) of the same ${ROWS}-row file: median ${median(times.preview).toFixed(1)} ms`);
  console.log(`  import of the same ${ROWS}-row file, upload to finished job: median ${describe(duration)}`);
  console.log(`  import ÷ raw insert: ${describe(ratio)}`);
  await app.close();
  sqlite.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return [duration, ratio];
}
