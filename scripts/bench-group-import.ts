import { api } from "@domain/api/endpoints";
import { type CallParkCsvGroup, toCallParkCsv } from "@domain/csv/call-park-csv";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import { insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { type BenchPostgres, type Figure, median, onEachDatabase } from "./bench-support";
import { importRuns, timePreviewAndImport } from "./bench-import";
import { asAdmin, BENCH_TOKEN, buildLargeOrganization } from "./large-org";

// The 1,000-row import of call park groups (issue 18), from upload to finished job, and its
// dry run: 50 locations of 20 people and 6 call park extensions; each row a new group with a
// member by email, every fifth recalling to a hunt group by name, the first six of each
// location parking on a call park extension. Every row goes through the call park group
// service with the wizard's rules, as on screen.

const LOCATIONS = 50;
const EXTENSIONS_PER_LOCATION = 6;
const ROWS = 1000;
const RUNS = 3;

async function benchGroups(db: Db): Promise<CallParkCsvGroup[]> {
  const [locations, people, huntGroups, extensions] = await Promise.all([
    db.selectFrom("locations").select(["id", "name"]).orderBy("name").execute(),
    db.selectFrom("members").select(["location_id", "email"]).where("type", "=", "PEOPLE").orderBy("location_id").orderBy("extension").execute(),
    db.selectFrom("hunt_groups").select(["location_id", "name"]).orderBy("location_id").orderBy("extension").execute(),
    db.selectFrom("call_park_extensions").select(["location_id", "extension"]).orderBy("location_id").orderBy("extension").execute(),
  ]);
  const of = <T extends { location_id: string }>(rows: T[], id: string) => rows.filter((r) => r.location_id === id);
  return Array.from({ length: ROWS }, (_, i) => {
    const location = locations[i % LOCATIONS];
    const n = Math.floor(i / LOCATIONS);
    const huntGroup = i % 5 === 0 ? of(huntGroups, location.id)[0]?.name : undefined;
    const extension = n < EXTENSIONS_PER_LOCATION ? [of(extensions, location.id)[n].extension] : [];
    return {
      name: `Bench group ${i}`,
      location: location.name,
      recallOption: huntGroup ? "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" : "ALERT_PARKING_USER_ONLY",
      ...(huntGroup ? { huntGroup } : {}),
      members: [of(people, location.id)[n].email!],
      parkOnAgentsEnabled: false,
      extensions: extension,
    };
  });
}

/** Takes the bench's groups out again (members and destinations go with them), so each run starts from the same data. */
const undo = (db: Db) => db.deleteFrom("call_parks").where("name", "like", "Bench group %").execute();

async function onDatabase(databaseUrl: string) {
  const db = await openDatabase(databaseUrl);
  await insertOrganization(db, buildLargeOrganization(LOCATIONS, EXTENSIONS_PER_LOCATION));
  await seedDemoAdministrators(db);
  const app = await buildApp({ db, adminToken: BENCH_TOKEN });
  try {
    const payload = toCallParkCsv(await benchGroups(db));
    const headers = { ...asAdmin, "content-type": "text/csv" };
    const times = { preview: [] as number[], imported: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      const timed = await timePreviewAndImport(app, api.callParkImportJobs, { payload, headers }, ROWS);
      times.preview.push(timed.preview);
      times.imported.push(timed.imported);
      await undo(db);
    }
    return { preview: median(times.preview), imported: median(times.imported) };
  } finally {
    await app.close();
    await db.destroy();
  }
}

/** The group import's figures, PostgreSQL's beside SQLite's when given. */
export async function benchGroupImport(postgres?: BenchPostgres): Promise<Figure[]> {
  const found = await onEachDatabase("group-import", postgres, (url) => onDatabase(url));
  const { measured, duration, report } = importRuns(found, `import of ${ROWS} call park groups, upload to finished job`);
  for (const m of measured) {
    console.log(`  ${m.database}, median over ${RUNS} runs, ${ROWS} groups in ${LOCATIONS} locations:`);
    console.log(`    dry run (preview) of the ${ROWS}-row file: ${m.preview.toFixed(0)} ms`);
    console.log(`    import of the same file, upload to finished job: ${report(m, duration, m.imported)}`);
  }
  return [duration];
}
