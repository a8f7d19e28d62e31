import { performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { searchKey } from "@domain/rules/text";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import { insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { encodeId } from "@server/lib/ids";
import { type BenchPostgres, describe, type Figure, formatValue, median, onEachDatabase } from "./bench-support";
import { asAdmin, BENCH_TOKEN, buildLargeOrganization } from "./large-org";

const LOCATIONS = 20;
const SEEDED_PER_LOCATION = 6;
const ROWS = 1000;
const RUNS = 7;
const RATIO_BUDGET = 10;
const DURATION_BUDGET_MS = 1000;
const SECTION = "import";

/** 1,000 new call park extensions, 50 in each of the 20 locations. */
function benchRows(locations: { id: string; name: string }[]) {
  return Array.from({ length: ROWS }, (_, i) => {
    const location = locations[i % locations.length];
    return { location, name: `Bench ${i}`, extension: String(7000 + Math.floor(i / locations.length)) };
  });
}

type BenchRow = ReturnType<typeof benchRows>[number];

/** The same rows written the plainest way the database allows, timed against the import. */
interface RawInsert {
  /** How, in a few words, for the printout. */
  how: string;
  insert(rows: BenchRow[]): Promise<void>;
  close(): Promise<void>;
}

const rawId = (i: number) => encodeId("CALL_PARK_EXTENSION", `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);

/** How many of the rows each location gets. */
function perLocation(rows: BenchRow[]) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.location.id, (counts.get(r.location.id) ?? 0) + 1);
  return counts;
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
function sqliteRawInsert(file: string): RawInsert {
  // A connection of its own on the same file, set up as the server's (server/db/database.ts).
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const locationKeys = new Map(
    (sqlite.prepare("SELECT id, name_key FROM locations").all() as { id: string; name_key: string }[]).map((l) => [l.id, l.name_key]),
  );
  const insertExtension = sqlite.prepare(
    "INSERT INTO call_park_extensions (id, location_id, name, name_key, extension, created_at, location_name_key, location_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertNumber = sqlite.prepare("INSERT INTO location_numbers (location_id, extension, owner_type, owner_id) VALUES (?, ?, 'CALL_PARK_EXTENSION', ?)");
  const addToCount = sqlite.prepare("UPDATE locations SET call_park_extension_count = call_park_extension_count + ? WHERE id = ?");
  const insertAll = sqlite.transaction((rows: BenchRow[]) => {
    const now = new Date().toISOString();
    rows.forEach((r, i) => {
      const id = rawId(i);
      insertExtension.run(id, r.location.id, r.name, searchKey(r.name), r.extension, now, locationKeys.get(r.location.id), r.location.name);
      insertNumber.run(r.location.id, r.extension, id);
    });
    for (const [locationId, n] of perLocation(rows)) addToCount.run(n, locationId);
  });
  return {
    how: "prepared better-sqlite3 statements, one transaction",
    insert: async (rows) => void insertAll(rows),
    close: async () => void sqlite.close(),
  };
}

/**
 * The floor on PostgreSQL: the same rows, whole, in one multi-row INSERT per table and one
 * UPDATE of the counts, in one transaction, through a pg connection of its own (no Kysely).
 */
async function postgresRawInsert(url: string): Promise<RawInsert> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const locationKeys = new Map((await client.query<{ id: string; name_key: string }>("SELECT id, name_key FROM locations")).rows.map((l) => [l.id, l.name_key]));
  /** `VALUES ($1, $2, …), (…)` of rows of values, each value cast as `types` says (when it does), and its parameters. */
  const values = (rows: unknown[][], types: string[] = []) => {
    const tuples = rows.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}${types[c] ? `::${types[c]}` : ""}`).join(", ")})`);
    return [`VALUES ${tuples.join(", ")}`, rows.flat()] as const;
  };
  return {
    how: "one multi-row INSERT per table, one transaction",
    async insert(rows) {
      const now = new Date().toISOString();
      const ids = rows.map((_, i) => rawId(i));
      const extensions = values(rows.map((r, i) => [ids[i], r.location.id, r.name, searchKey(r.name), r.extension, now, locationKeys.get(r.location.id), r.location.name]));
      const numbers = values(rows.map((r, i) => [r.location.id, r.extension, "CALL_PARK_EXTENSION", ids[i]]));
      const counts = values([...perLocation(rows)], ["text", "int"]);
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO call_park_extensions (id, location_id, name, name_key, extension, created_at, location_name_key, location_name) ${extensions[0]}`, extensions[1]);
        await client.query(`INSERT INTO location_numbers (location_id, extension, owner_type, owner_id) ${numbers[0]}`, numbers[1]);
        await client.query(
          `UPDATE locations SET call_park_extension_count = call_park_extension_count + v.n FROM (${counts[0]}) AS v(id, n) WHERE locations.id = v.id`,
          counts[1],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
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

type App = Awaited<ReturnType<typeof buildApp>>;
type Jobs = typeof api.importJobs | typeof api.callParkImportJobs;

/**
 * One file's dry run, then its import from upload to finished job, each timed in ms; both
 * must find `rows` rows to create (and the job create them), or the bench stops.
 */
export async function timePreviewAndImport(app: App, jobs: Jobs, body: { payload: string | Buffer; headers: Record<string, string> }, rows: number) {
  let t = performance.now();
  const preview = await app.inject({ method: jobs.preview.method, url: urlOf(jobs.preview), ...body });
  const previewed = performance.now() - t;
  if (preview.statusCode !== 200 || preview.json().counts.create !== rows) throw new Error(`preview: ${preview.statusCode} ${preview.body.slice(0, 300)}`);

  t = performance.now();
  const posted = await app.inject({ method: jobs.create.method, url: urlOf(jobs.create), ...body });
  if (posted.statusCode !== 201) throw new Error(`import: ${posted.statusCode} ${posted.body.slice(0, 300)}`);
  await app.importJobs.idle();
  const job = (await app.inject({ method: jobs.get.method, url: urlOf(jobs.get, { jobId: posted.json().id }), headers: asAdmin })).json();
  const imported = performance.now() - t;
  if (job.latestExecutionExitCode !== "COMPLETED" || job.counts.created !== rows) throw new Error(`job: ${JSON.stringify(job).slice(0, 300)}`);
  return { preview: previewed, imported };
}

/**
 * Medians over `RUNS` of the raw insert, the dry run and the import (upload to finished job) of
 * the same 1,000 rows on one database, each run starting from the same data.
 */
async function onDatabase(databaseUrl: string, rawInsertOn: () => Promise<RawInsert>) {
  const db = await openDatabase(databaseUrl);
  await insertOrganization(db, buildLargeOrganization(LOCATIONS, SEEDED_PER_LOCATION));
  await seedDemoAdministrators(db);
  const app = await buildApp({ db, adminToken: BENCH_TOKEN });
  const rawInsert = await rawInsertOn();
  try {
    const locations = await db.selectFrom("locations").select(["id", "name"]).orderBy("name").execute();
    const rows = benchRows(locations);
    const { payload, contentType } = multipart(
      toCallParkExtensionCsv(rows.map((r) => ({ location: r.location.name, name: r.name, extension: r.extension }))),
    );
    const times = { raw: [] as number[], import: [] as number[], preview: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      await rawInsert.insert(rows);
      times.raw.push(performance.now() - t);
      await undo(db);

      const timed = await timePreviewAndImport(app, api.importJobs, { payload, headers: { ...asAdmin, "content-type": contentType } }, ROWS);
      times.preview.push(timed.preview);
      times.import.push(timed.imported);
      await undo(db);
    }
    return { how: rawInsert.how, raw: median(times.raw), preview: median(times.preview), imported: median(times.import) };
  } finally {
    await app.close();
    await rawInsert.close();
    await db.destroy();
  }
}

/**
 * Times a 1,000-row import from upload to finished job against a raw insert of the same rows
 * into the same database (SQLite: prepared better-sqlite3 statements; PostgreSQL, when given:
 * multi-row INSERTs; one transaction), and the dry run of the same file. Returns the budgeted
 * figures, PostgreSQL's beside SQLite's.
 */
export async function benchImport(postgres?: BenchPostgres): Promise<Figure[]> {
  const found = await onEachDatabase("import", postgres, (url, file) => onDatabase(url, async () => (file ? sqliteRawInsert(file) : postgresRawInsert(url))));
  const { sqlite, onPostgres, measured, duration, report } = importRuns(found, `import of ${ROWS} rows, upload to finished job`);
  const ratio: Figure = {
    section: SECTION,
    name: `import of ${ROWS} rows ÷ raw insert`,
    value: sqlite.imported / sqlite.raw,
    unit: "×",
    max: RATIO_BUDGET,
    postgres: onPostgres && onPostgres.imported / onPostgres.raw,
  };
  for (const m of measured) {
    console.log(`  ${m.database}, median over ${RUNS} runs:`);
    console.log(`    raw insert of ${ROWS} call park extensions (${m.how}): ${m.raw.toFixed(1)} ms`);
    console.log(`    dry run (preview) of the same ${ROWS}-row file: ${m.preview.toFixed(1)} ms`);
    console.log(`    import of the same ${ROWS}-row file, upload to finished job: ${report(m, duration, m.imported)}`);
    console.log(`    import ÷ raw insert: ${report(m, ratio, m.imported / m.raw)}`);
  }
  return [duration, ratio];
}

/**
 * An import bench's runs on SQLite and PostgreSQL (when measured), named, with the figure of
 * their duration from upload to finished job, and how a run reports a figure: SQLite's value
 * with its verdict, PostgreSQL's beside a budget that is SQLite's.
 */
export function importRuns<T extends { imported: number }>(found: { sqlite: T; postgres?: T }, name: string) {
  const sqlite = { database: "SQLite", ...found.sqlite };
  const onPostgres = found.postgres && { database: "PostgreSQL", ...found.postgres };
  const duration: Figure = {
    section: SECTION,
    name,
    value: sqlite.imported,
    unit: "ms",
    max: DURATION_BUDGET_MS,
    digits: 0,
    postgres: onPostgres?.imported,
  };
  const report = (run: typeof sqlite, figure: Figure, value: number) =>
    run === sqlite ? describe(figure) : `${formatValue({ ...figure, value })} (the budget is SQLite's)`;
  return { sqlite, onPostgres, measured: onPostgres ? [sqlite, onPostgres] : [sqlite], duration, report };
}
