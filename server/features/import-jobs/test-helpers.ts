import { expect } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type CsvAction, toCallParkExtensionCsv } from "@domain/csv/call-park-extension-csv";
import { type ImportJob, importJobSchema, type ImportMode, importPreviewSchema } from "@domain/schemas/import-job";
import type { Db } from "@server/db/database";
import type { TestApp } from "@server/test/test-server";

export const HEADER = "Location,Call Park Extension Name,Extension,Action";

export interface CsvRow {
  location: string;
  name: string;
  extension: string;
  action?: CsvAction;
}

export const csvOf = (rows: CsvRow[]) => toCallParkExtensionCsv(rows);

type App = Pick<TestApp, "inject">;

export interface UploadOptions {
  mode?: ImportMode;
  via?: "text" | "multipart";
  fileName?: string;
  headers?: Record<string, string>;
}

/** The body and content type a browser's FormData with one `file` field would send. */
export function multipart(content: string | Buffer, { field = "file", fileName = "extensions.csv" } = {}) {
  const boundary = "----CallParkAdminTestBoundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

type UploadEndpoint = typeof api.importJobs.create | typeof api.importJobs.preview;

function upload(app: App, e: UploadEndpoint, content: string | Buffer, { mode, via = "text", fileName, headers = {} }: UploadOptions) {
  // A multipart upload names its file in the form; a text/csv one in the query.
  const target = urlOf(e, {}, { mode, fileName: via === "text" ? fileName : undefined });
  if (via === "multipart") {
    const { payload, contentType } = multipart(content, { fileName });
    return app.inject({ method: "POST", url: target, payload, headers: { ...headers, "content-type": contentType } });
  }
  return app.inject({ method: "POST", url: target, payload: content, headers: { "content-type": "text/csv", ...headers } });
}

export function postImport(app: App, content: string | Buffer, options: UploadOptions = {}) {
  return upload(app, api.importJobs.create, content, options);
}

export function postPreview(app: App, content: string | Buffer, options: UploadOptions = {}) {
  return upload(app, api.importJobs.preview, content, options);
}

/** Previews a file, checking the answer against the contract. */
export async function preview(app: App, content: string, options: UploadOptions = {}) {
  const res = await postPreview(app, content, options);
  expect(res.statusCode, res.body).toBe(200);
  return importPreviewSchema.parse(res.json());
}

export async function getJob(app: App, id: string): Promise<ImportJob> {
  const res = await app.inject({ url: urlOf(api.importJobs.get, { jobId: id }) });
  expect(res.statusCode, res.body).toBe(200);
  return importJobSchema.parse(res.json());
}

/** Uploads a file and waits for its job to finish, answering the finished job. */
export async function runImport(app: App & { importJobs: TestApp["importJobs"] }, content: string, options: UploadOptions = {}) {
  const res = await postImport(app, content, options);
  expect(res.statusCode, res.body).toBe(201);
  await app.importJobs.idle();
  return getJob(app, res.json().id);
}

/** Every call park extension of the organisation, by location and extension, read straight from the tables. */
export async function callParkState(db: Db) {
  const [rows, numbers, locations] = await Promise.all([
    db
      .selectFrom("call_park_extensions as c")
      .innerJoin("locations as l", "l.id", "c.location_id")
      .select(["l.name as location", "c.extension", "c.name", "c.id"])
      .orderBy("l.name")
      .orderBy("c.extension")
      .execute(),
    db.selectFrom("location_numbers").selectAll().where("owner_type", "=", "CALL_PARK_EXTENSION").execute(),
    db.selectFrom("locations").select(["id", "name", "call_park_extension_count"]).execute(),
  ]);
  return { rows, numbers, locations };
}

/** The count columns, the rows and the claimed numbers all agree, location by location. */
export async function expectConsistent(db: Db) {
  const { rows, numbers, locations } = await callParkState(db);
  for (const location of locations) {
    const mine = rows.filter((r) => r.location === location.name);
    expect(location.call_park_extension_count, location.name).toBe(mine.length);
    expect(mine.length).toBeLessThanOrEqual(100);
    expect(new Set(mine.map((r) => r.extension)).size).toBe(mine.length);
  }
  expect(numbers.map((n) => n.owner_id).sort()).toEqual(rows.map((r) => r.id).sort());
}

/** Row counts of every table an import may write, to prove a dry run wrote nothing. */
export async function tableCounts(db: Db) {
  const tables = ["call_park_extensions", "location_numbers", "locations", "import_jobs", "import_job_rows", "call_park_destinations"] as const;
  const counts = await Promise.all(
    tables.map((t) => db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()),
  );
  const sum = await db
    .selectFrom("locations")
    .select((eb) => eb.fn.sum<number>("call_park_extension_count").as("n"))
    .executeTakeFirstOrThrow();
  const rows = Object.fromEntries(tables.map((t, i) => [t, Number(counts[i].n)])) as Record<(typeof tables)[number], number>;
  return { ...rows, countColumns: Number(sum.n) };
}

/** `n` ADD rows into one location, extensions from `first` up. */
export function addRows(location: string, n: number, first = 7000, name = (i: number) => `Import ${i}`): CsvRow[] {
  return Array.from({ length: n }, (_, i) => ({ location, name: name(i), extension: String(first + i) }));
}
