import { nextSeq } from "@server/db/dialect";
import type { Kysely, Selectable } from "kysely";
import type { CsvField } from "@domain/csv/call-park-extension-csv";
import { ALL_LOCATIONS, type LocationScope } from "@domain/rules/access";
import type { FieldIssue } from "@domain/schemas/issues";
import type { JobListStatus, JobSortField } from "@domain/schemas/import-job";
import type { OrderKey } from "@domain/schemas/sort-order";
import { orderColumns } from "@server/lib/order-columns";
import { withinScope } from "@server/db/search";
import type {
  Database,
  ImportJobExitCode,
  ImportJobKind,
  ImportJobMode,
  ImportJobStatus,
  ImportJobTable,
  ImportRowOutcome,
} from "@server/db/schema";

type Executor = Kysely<Database>;

export type JobRecord = Selectable<ImportJobTable>;
/** A call park extension row's cells (a group row's are the group CSV's, `StoredRow<Record<CallParkCsvField, string>>`). */
export type RowValues = Record<CsvField, string>;
type AnyValues = Record<string, string>;

/** A stored CSV row: its number in the file and its cells. */
export interface StoredRow<V extends AnyValues = RowValues> {
  itemNumber: number;
  values: V;
}

/** What evaluating a row decided, as the runner stores it. */
export interface RowRecord<V extends AnyValues = RowValues> extends StoredRow<V> {
  outcome: ImportRowOutcome;
  issues: FieldIssue[];
}

export type CountDeltas = Partial<Record<"processed" | "created" | "updated" | "deleted" | "unchanged" | "failed", number>>;

// SQLite takes at most 32,766 bound values a statement; 6 columns × 500 rows stays well under.
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function insertJob(
  db: Executor,
  job: {
    id: string;
    /** Call park extensions unless said. */
    kind?: ImportJobKind;
    fileName: string;
    mode: ImportJobMode;
    createdBy: string;
    createdById: string;
    scope: LocationScope;
    trackingId: string;
    total: number;
    now: string;
  },
) {
  await db
    .insertInto("import_jobs")
    .values({
      id: job.id,
      seq: nextSeq(db, "import_jobs"),
      kind: job.kind ?? "callParkExtensions",
      file_name: job.fileName,
      mode: job.mode,
      created_by: job.createdBy,
      created_by_id: job.createdById,
      location_scope: scopeColumn(job.scope),
      tracking_id: job.trackingId,
      created_at: job.now,
      updated_at: job.now,
      finished_at: null,
      status: "STARTED",
      exit_code: "UNKNOWN",
      total: job.total,
    })
    .execute();
}

export async function insertRows(db: Executor, jobId: string, rows: StoredRow<AnyValues>[]) {
  for (const part of chunks(rows)) {
    await db
      .insertInto("import_job_rows")
      .values(part.map((r) => ({ job_id: jobId, item_number: r.itemNumber, row_values: JSON.stringify(r.values), outcome: null, issues: null })))
      .execute();
  }
}

// A job keeps the scope of the administrator who started it, stored as it always was:
// null for every location, else a JSON array of location ids.
function scopeColumn(scope: LocationScope): string | null {
  return scope.all ? null : JSON.stringify(scope.locationIds);
}

/** The locations a job's rows may touch, as it was started. */
export function jobScope(job: JobRecord): LocationScope {
  return job.location_scope === null ? ALL_LOCATIONS : { all: false, locationIds: JSON.parse(job.location_scope) as string[] };
}

export function findJob(db: Executor, id: string) {
  return db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
}

function filtered(db: Executor, kind: ImportJobKind, status: JobListStatus, createdById?: string) {
  let query = db.selectFrom("import_jobs").where("kind", "=", kind);
  if (createdById !== undefined) query = query.where("created_by_id", "=", createdById);
  if (status === "active") query = query.where("status", "=", "STARTED");
  if (status === "errors") query = query.where("exit_code", "in", ["COMPLETED_WITH_ERRORS", "FAILED"]);
  return query;
}

// `seq` follows creation (a job's created_at can tie, its seq cannot) and is unique, so it is both
// the "created" sort and every sort's last key. The other columns are sorted without an index: an
// organisation has a job per import, a few thousand at most, where a sort costs nothing.
const SORT_COLUMNS = {
  created: ["seq"],
  fileName: ["file_name"],
  createdBy: ["created_by"],
  status: ["status", "exit_code"],
} as const;

/**
 * The jobs in `order` (newest first without one), ties by age the same way round as the first
 * key, so the other direction is this list exactly reversed; with `createdById`, only those
 * that administrator started.
 */
export async function listJobs(
  db: Executor,
  kind: ImportJobKind,
  status: JobListStatus,
  start: number,
  max: number,
  createdById?: string,
  order: OrderKey<JobSortField>[] = [],
) {
  let query = filtered(db, kind, status, createdById).selectAll();
  const last: OrderKey<JobSortField> = { field: "created", direction: order[0]?.direction ?? "desc" };
  for (const { column, direction } of orderColumns(order, SORT_COLUMNS, last)) query = query.orderBy(column, direction);
  const [rows, count] = await Promise.all([
    query.limit(max).offset(start).execute(),
    filtered(db, kind, status, createdById).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** How many jobs are in each execution status (the metrics' gauge); a status with none counts 0. */
export async function countByStatus(db: Executor): Promise<Record<ImportJobStatus, number>> {
  const rows = await db
    .selectFrom("import_jobs")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const counts: Record<ImportJobStatus, number> = { STARTED: 0, COMPLETED: 0, FAILED: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Jobs a stopped server left running, oldest first. */
export async function unfinishedJobIds(db: Executor) {
  const rows = await db.selectFrom("import_jobs").select("id").where("status", "=", "STARTED").orderBy("seq").execute();
  return rows.map((r) => r.id);
}

function toStored<V extends AnyValues>(r: { item_number: number; row_values: string }): StoredRow<V> {
  return { itemNumber: r.item_number, values: JSON.parse(r.row_values) as V };
}

export async function allRows<V extends AnyValues = RowValues>(db: Executor, jobId: string): Promise<StoredRow<V>[]> {
  const rows = await db
    .selectFrom("import_job_rows")
    .select(["item_number", "row_values"])
    .where("job_id", "=", jobId)
    .orderBy("item_number")
    .execute();
  return rows.map((r) => toStored<V>(r));
}

/** The next rows not yet applied, in file order. */
export async function pendingRows<V extends AnyValues = RowValues>(db: Executor, jobId: string, limit: number): Promise<StoredRow<V>[]> {
  const rows = await db
    .selectFrom("import_job_rows")
    .select(["item_number", "row_values"])
    .where("job_id", "=", jobId)
    .where("state", "=", "pending")
    .orderBy("item_number")
    .limit(limit)
    .execute();
  return rows.map((r) => toStored<V>(r));
}

/** Marks rows done with their outcome, a statement per 500 rows. */
export async function saveResults(db: Executor, jobId: string, results: RowRecord<AnyValues>[]) {
  for (const part of chunks(results)) {
    await db
      .insertInto("import_job_rows")
      .values(
        part.map((r) => ({
          job_id: jobId,
          item_number: r.itemNumber,
          row_values: JSON.stringify(r.values),
          state: "done" as const,
          outcome: r.outcome,
          issues: r.issues.length ? JSON.stringify(r.issues) : null,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["job_id", "item_number"]).doUpdateSet((eb) => ({
          state: eb.ref("excluded.state"),
          outcome: eb.ref("excluded.outcome"),
          issues: eb.ref("excluded.issues"),
        })),
      )
      .execute();
  }
}

export async function addCounts(db: Executor, jobId: string, deltas: CountDeltas, now: string) {
  await db
    .updateTable("import_jobs")
    .set((eb) => ({
      updated_at: now,
      ...Object.fromEntries(
        Object.entries(deltas)
          .filter(([, n]) => n)
          .map(([column, n]) => [column, eb(eb.ref(column as keyof CountDeltas), "+", n!)]),
      ),
    }))
    .where("id", "=", jobId)
    .execute();
}

export async function finishJob(
  db: Executor,
  jobId: string,
  status: Exclude<ImportJobStatus, "STARTED">,
  exitCode: ImportJobExitCode,
  now: string,
) {
  await db
    .updateTable("import_jobs")
    .set({ status, exit_code: exitCode, updated_at: now, finished_at: now })
    .where("id", "=", jobId)
    .where("status", "=", "STARTED")
    .execute();
}

export async function errorRows<V extends AnyValues = RowValues>(db: Executor, jobId: string, start: number, max: number) {
  const base = db.selectFrom("import_job_rows").where("job_id", "=", jobId).where("outcome", "=", "ERROR");
  const [rows, count] = await Promise.all([
    base.select(["item_number", "row_values", "issues"]).orderBy("item_number").limit(max).offset(start).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({ ...toStored<V>(r), issues: r.issues ? (JSON.parse(r.issues) as FieldIssue[]) : [] })),
  };
}

/** Locations within `scope` whose search key is one of these, with their call park extension counts. */
export function locationsByKey(db: Executor, keys: string[], scope: LocationScope) {
  if (keys.length === 0) return Promise.resolve([]);
  const query = db.selectFrom("locations").select(["id", "name", "name_key", "call_park_extension_count"]).where("name_key", "in", keys);
  return withinScope(query, "id", scope).execute();
}
