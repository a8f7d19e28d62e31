import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_ROLES } from "@domain/rules/access";
import { CALL_PARK_MEMBER_TYPES } from "@domain/rules/call-park";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import { DEFAULT_CALL_PARK_SETTINGS, RECALL_OPTIONS, RECALL_TIME_MAX, RECALL_TIME_MIN, RING_PATTERNS } from "@domain/rules/recall";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@domain/schemas/audit-event";
import { IMPORT_MODES, IMPORT_ROW_OUTCOMES, JOB_EXECUTION_STATUSES, JOB_EXIT_CODES } from "@domain/schemas/import-job";
import { openDatabase } from "@server/db/database";
import { insertSamples, SAMPLES } from "./migrations-samples";

// The migrations hold literal copies of these constants. A constant changed without a
// new migration fails here, before it fails on every installed database.
const NEW_MIGRATION = "the database's constraint differs: add a migration that changes it (server/db/migrations)";

let db: Kysely<unknown>;
beforeEach(async () => {
  db = (await openDatabase("sqlite::memory:")) as Kysely<unknown>;
  for (const name of Object.keys(SAMPLES)) await insertSamples(db, SAMPLES[name]);
});
afterEach(() => db.destroy());

const accepts = (work: () => Promise<unknown>) =>
  work().then(
    () => true,
    () => false,
  );

/** The quoted list of a `column in ('A', 'B')` CHECK constraint, as the database holds it. */
async function checkedList(table: string, constraint: string): Promise<string[]> {
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const check = new RegExp(`constraint "${constraint}" check \\((?:[^()]*) in \\(([^)]*)\\)\\)`).exec(rows[0].sql);
  if (!check) throw new Error(`no list in ${table}.${constraint}`);
  return [...check[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

const LISTS = [
  ["location_call_park_settings", "settings_recall_option", RECALL_OPTIONS],
  ["location_call_park_settings", "settings_ring_pattern", RING_PATTERNS],
  ["call_parks", "call_parks_recall_option", RECALL_OPTIONS],
  ["members", "members_type", CALL_PARK_MEMBER_TYPES],
  ["admins", "admins_role", ADMIN_ROLES],
  ["audit_events", "audit_events_action", AUDIT_ACTIONS],
  ["audit_events", "audit_events_object_type", AUDIT_OBJECT_TYPES],
  ["import_jobs", "import_jobs_mode", IMPORT_MODES],
  ["import_jobs", "import_jobs_status", JOB_EXECUTION_STATUSES],
  ["import_jobs", "import_jobs_exit_code", JOB_EXIT_CODES],
  ["import_job_rows", "import_job_rows_outcome", IMPORT_ROW_OUTCOMES],
] as const;

describe("the domain's constants and the database's constraints agree", () => {
  it.each(LISTS)("%s.%s holds exactly the domain's values", async (table, constraint, values) => {
    expect((await checkedList(table, constraint)).sort(), NEW_MIGRATION).toEqual([...values].sort());
  });

  const column = (table: string, set: string, where: string) => (value: unknown) =>
    accepts(() => sql`update ${sql.table(table)} set ${sql.ref(set)} = ${value} where id = ${where}`.execute(db));

  it("accepts every value of each list, and nothing else", async () => {
    const cases = [
      [column("call_parks", "recall_option", "cp-1"), RECALL_OPTIONS],
      [column("members", "type", "m-person"), CALL_PARK_MEMBER_TYPES],
      [column("admins", "role", "adm-read"), ADMIN_ROLES],
      [column("audit_events", "action", "ae-1"), AUDIT_ACTIONS],
      [column("audit_events", "object_type", "ae-1"), AUDIT_OBJECT_TYPES],
      [column("import_jobs", "mode", "job-1"), IMPORT_MODES],
      [column("import_jobs", "status", "job-1"), JOB_EXECUTION_STATUSES],
      [column("import_jobs", "exit_code", "job-1"), JOB_EXIT_CODES],
    ] as const;
    for (const [write, values] of cases) {
      for (const value of values) expect(await write(value), `${value}: ${NEW_MIGRATION}`).toBe(true);
      expect(await write("NOT_A_VALUE")).toBe(false);
    }
  });

  const settings = (set: string) => (value: unknown) =>
    accepts(() =>
      sql`update location_call_park_settings set ${sql.ref(set)} = ${value} where location_id = 'loc-sp'`.execute(db),
    );

  it("accepts every recall option and ring pattern in a location's settings", async () => {
    for (const option of RECALL_OPTIONS) expect(await settings("recall_option")(option), option).toBe(true);
    for (const pattern of RING_PATTERNS) expect(await settings("ring_pattern")(pattern), pattern).toBe(true);
    expect(await settings("ring_pattern")("NOT_A_VALUE")).toBe(false);
  });

  it("bounds the recall times where the domain does", async () => {
    for (const field of ["recall_time", "hunt_wait_time"]) {
      expect(await settings(field)(RECALL_TIME_MIN), `${field} ${RECALL_TIME_MIN}: ${NEW_MIGRATION}`).toBe(true);
      expect(await settings(field)(RECALL_TIME_MAX), `${field} ${RECALL_TIME_MAX}: ${NEW_MIGRATION}`).toBe(true);
      expect(await settings(field)(RECALL_TIME_MIN - 1), `${field} ${RECALL_TIME_MIN - 1}: ${NEW_MIGRATION}`).toBe(false);
      expect(await settings(field)(RECALL_TIME_MAX + 1), `${field} ${RECALL_TIME_MAX + 1}: ${NEW_MIGRATION}`).toBe(false);
    }
  });

  it("gives a location's settings the domain's defaults", async () => {
    await sql`delete from location_call_park_settings where location_id = 'loc-sp'`.execute(db);
    await sql`insert into location_call_park_settings (location_id) values ('loc-sp')`.execute(db);
    const { rows } = await sql<Record<string, unknown>>`select * from location_call_park_settings where location_id = 'loc-sp'`.execute(db);
    expect(rows[0], NEW_MIGRATION).toMatchObject({
      recall_option: DEFAULT_CALL_PARK_SETTINGS.recallOption,
      ring_pattern: DEFAULT_CALL_PARK_SETTINGS.ringPattern,
      recall_time: DEFAULT_CALL_PARK_SETTINGS.recallTime,
      hunt_wait_time: DEFAULT_CALL_PARK_SETTINGS.huntWaitTime,
    });
  });

  it(`caps a location at MAX_CALL_PARK_EXTENSIONS_PER_LOCATION (${MAX_CALL_PARK_EXTENSIONS_PER_LOCATION})`, async () => {
    const count = column("locations", "call_park_extension_count", "loc-sp");
    expect(await count(MAX_CALL_PARK_EXTENSIONS_PER_LOCATION), NEW_MIGRATION).toBe(true);
    expect(await count(MAX_CALL_PARK_EXTENSIONS_PER_LOCATION + 1), NEW_MIGRATION).toBe(false);
  });
});
