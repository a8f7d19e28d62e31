import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type ImportJob, importJobSchema, type ImportMode } from "@domain/schemas/import-job";
import { DEMO_LOCATIONS } from "@server/db/seed";
import { addRows, callParkState, csvOf, type CsvRow, expectConsistent } from "./test-helpers";
import { asAdmin, inspect, lab, type Lab, type ServerProcess, startServer, until } from "@server/test/server-process";

// The real server in a real process, stopped with SIGKILL in the middle of a job and
// started again on the same database file: the job must end as if nothing happened.
// The tests run one after the other (lab() ends the current test's servers).

async function kill9(server: ServerProcess) {
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGKILL");
  await exited;
}

async function jobOf(server: ServerProcess, id: string): Promise<ImportJob> {
  return importJobSchema.parse(await (await fetch(server.base + urlOf(api.importJobs.get, { jobId: id }), { headers: asAdmin })).json());
}

/** 500 rows: every location filled to 100 (94 new each) and its 6 seeded ones renamed. */
function bigFile(): CsvRow[] {
  return DEMO_LOCATIONS.flatMap(({ name }) => [
    ...addRows(name, 94, 7000, (i) => `Imported ${i}`),
    ...Array.from({ length: 6 }, (_, i) => ({ location: name, name: `Renamed ${i + 1}`, extension: String(5001 + i) })),
  ]);
}

async function upload(server: ServerProcess, mode: ImportMode) {
  const res = await fetch(server.base + urlOf(api.importJobs.create, {}, { mode, fileName: "big.csv" }), {
    method: "POST",
    headers: { ...asAdmin, "content-type": "text/csv" },
    body: csvOf(bigFile()),
  });
  expect(res.status).toBe(201);
  return importJobSchema.parse(await res.json());
}

async function expectAllApplied(databaseFile: string) {
  await inspect(databaseFile, async (db) => {
    const { rows, locations } = await callParkState(db);
    expect(rows).toHaveLength(500);
    for (const location of locations) expect(location.call_park_extension_count).toBe(100);
    expect(rows.filter((r) => r.name.startsWith("Renamed "))).toHaveLength(30);
    expect(rows.filter((r) => r.name.startsWith("Imported "))).toHaveLength(470);
    await expectConsistent(db);
    const pending = await db.selectFrom("import_job_rows").select("item_number").where("state", "=", "pending").execute();
    expect(pending).toEqual([]);
  });
}

/** Starts the server again on the same database and expects the job finished, every row applied once. */
async function restartAndExpectFinished(place: Lab, id: string) {
  const second = await startServer(place);
  const finished = await until("the job to finish", async () => {
    const job = await jobOf(second, id);
    return job.latestExecutionStatus === "STARTED" ? undefined : job;
  }).catch((error: Error) => {
    throw new Error(`${error.message}:\n${second.output()}`);
  });
  expect(finished).toMatchObject({
    latestExecutionStatus: "COMPLETED",
    latestExecutionExitCode: "COMPLETED",
    counts: { total: 500, processed: 500, created: 470, updated: 30, deleted: 0, unchanged: 0, failed: 0 },
  });
  await kill9(second);
  await expectAllApplied(place.file);
}

const slow = { IMPORT_BATCH_SIZE: "50", IMPORT_BATCH_DELAY_MS: "120" };

describe("a server killed in the middle of an import", { timeout: 60_000 }, () => {
  it("finishes a partial job on the next start, every row applied exactly once", async () => {
    const place = lab();
    const { file } = place;
    const first = await startServer(place, slow);
    const { id } = await upload(first, "partial");
    const midway = await until("the job half done", async () => {
      const job = await jobOf(first, id);
      return job.counts.processed > 0 && job.counts.processed < job.counts.total ? job : undefined;
    });
    expect(midway.latestExecutionStatus).toBe("STARTED");
    await kill9(first);

    // What was committed is whole batches, each with its rows marked done and counted.
    await inspect(file, async (db) => {
      const job = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(job.status).toBe("STARTED");
      expect(job.processed % 50).toBe(0);
      expect(job.processed).toBeLessThan(500);
      const done = await db.selectFrom("import_job_rows").select("item_number").where("state", "=", "done").execute();
      expect(done).toHaveLength(job.processed);
      const { rows } = await callParkState(db);
      expect(rows.filter((r) => r.name.startsWith("Imported "))).toHaveLength(job.created);
      expect(rows.filter((r) => r.name.startsWith("Renamed "))).toHaveLength(job.updated);
      await expectConsistent(db);
    });

    await restartAndExpectFinished(place, id);
  });

  it("leaves nothing of an atomic job half applied, and runs it again from the start", async () => {
    const place = lab();
    const { file } = place;
    const first = await startServer(place, { ...slow, LOG_LEVEL: "debug" });
    const seeded = await inspect(file, (db) => callParkState(db));
    const { id } = await upload(first, "atomic");
    // Its one transaction holds the database, so its progress shows only in the log.
    await until("the atomic job half evaluated", async () => (/"evaluated":(1|2)\d\d,/.test(first.output()) ? true : undefined));
    await kill9(first);

    await inspect(file, async (db) => {
      expect(await callParkState(db)).toEqual(seeded);
      const job = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: "STARTED", processed: 0, created: 0 });
    });

    await restartAndExpectFinished(place, id);
  });
});
