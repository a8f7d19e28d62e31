import { describe, expect, it, onTestFinished } from "vitest";
import { acquireLease } from "@server/db/leases";
import { TEST_DIALECT } from "@server/test/test-database";
import { useTestServer } from "@server/test/test-server";
import { DEFAULT_BATCH_SIZE, DEFAULT_LEASE_TTL_MS, ImportJobRunner, jobLease, runnerSettingsFromEnv } from "./import-jobs.runner";
import { addRows, callParkState, csvOf, expectConsistent, getJob, postImport } from "./test-helpers";

const server = useTestServer("each");

describe("the runner's settings", () => {
  it("default to batches of 200 without pause and 30 s leases, and read IMPORT_BATCH_SIZE, IMPORT_BATCH_DELAY_MS and IMPORT_LEASE_TTL_MS", () => {
    expect(runnerSettingsFromEnv({})).toEqual({ batchSize: DEFAULT_BATCH_SIZE, batchDelayMs: 0, leaseTtlMs: DEFAULT_LEASE_TTL_MS });
    expect(DEFAULT_BATCH_SIZE).toBe(200);
    expect(DEFAULT_LEASE_TTL_MS).toBe(30_000);
    expect(runnerSettingsFromEnv({ IMPORT_BATCH_SIZE: "25", IMPORT_BATCH_DELAY_MS: "150", IMPORT_LEASE_TTL_MS: "2000" })).toEqual({
      batchSize: 25,
      batchDelayMs: 150,
      leaseTtlMs: 2000,
    });
  });

  it.each([{ IMPORT_BATCH_SIZE: "0" }, { IMPORT_BATCH_SIZE: "ten" }, { IMPORT_BATCH_DELAY_MS: "-1" }, { IMPORT_LEASE_TTL_MS: "50" }])("refuses %j, naming it", (env) => {
    expect(() => runnerSettingsFromEnv(env)).toThrow(new RegExp(`Invalid configuration: ${Object.keys(env)[0]}=`));
  });
});

describe("stopping and starting again", () => {
  it("lets the batch in flight commit on close, leaves the job STARTED, and the next runner finishes it", async () => {
    Object.assign(server.app.importJobs.settings, { batchSize: 2, batchDelayMs: 25 });
    const res = await postImport(server.app, csvOf(addRows("London", 10)));
    const { id } = res.json();
    for (let job = await getJob(server.app, id); job.counts.processed === 0; job = await getJob(server.app, id)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await server.app.importJobs.stop();
    const stopped = await getJob(server.app, id);
    expect(stopped.latestExecutionStatus).toBe("STARTED");
    expect(stopped.counts.processed % 2).toBe(0);
    expect(stopped.counts.processed).toBeLessThan(10);
    expect(stopped.counts.created).toBe(stopped.counts.processed);

    const next = new ImportJobRunner(server.db, { batchSize: 2 });
    onTestFinished(() => next.stop());
    expect(await next.resumeUnfinished()).toEqual([id]);
    await next.idle();
    expect(await getJob(server.app, id)).toMatchObject({
      latestExecutionStatus: "COMPLETED",
      latestExecutionExitCode: "COMPLETED",
      counts: { total: 10, processed: 10, created: 10, failed: 0 },
    });
    await expectConsistent(server.db);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(10);
  }
}

/** A runner standing for another server instance on the same database. */
function instance(name: string, settings: Partial<ImportJobRunner["settings"]>) {
  const runner = new ImportJobRunner(server.db, settings, undefined, {}, name);
  onTestFinished(() => runner.stop());
  return runner;
}

/** A job of `n` rows that the app's own runner leaves alone (it is stopped), for the instances of a test to run. */
async function storedJob(n: number) {
  await server.app.importJobs.stop();
  const res = await postImport(server.app, csvOf(addRows("London", n)));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const leaseOf = (id: string) => server.db.selectFrom("leases").selectAll().where("name", "=", jobLease(id)).executeTakeFirst();

describe(`a job among several instances (${TEST_DIALECT})`, () => {
  it("is left to the live instance holding its lease, and taken over once that lease expires", async () => {
    const id = await storedJob(6);
    expect(await acquireLease(server.db, jobLease(id), "elsewhere", 400)).toBe(true);
    const here = instance("here", { batchSize: 2, leaseTtlMs: 200 });
    here.enqueue(id);
    await here.idle();
    expect((await getJob(server.app, id)).counts.processed).toBe(0);
    expect((await leaseOf(id))?.owner).toBe("elsewhere");
    // "elsewhere" never renews it (it died): once expired, this instance's watch takes the job over.
    here.watchOrphanedJobs();
    const finished = await until(async () => {
      const job = await getJob(server.app, id);
      return job.latestExecutionStatus === "STARTED" ? undefined : job;
    });
    expect(finished).toMatchObject({ latestExecutionStatus: "COMPLETED", counts: { total: 6, processed: 6, created: 6, failed: 0 } });
    // Given up once done.
    await here.idle();
    expect(await leaseOf(id)).toBeUndefined();
    await expectConsistent(server.db);
  });

  it(`is ${TEST_DIALECT === "sqlite" ? "taken at once (SQLite serves one process: a lease found at start is its own, killed)" : "left to the live instance holding its lease"} at start`, async () => {
    const id = await storedJob(2);
    await acquireLease(server.db, jobLease(id), "before the restart", 60_000);
    const restarted = instance("restarted", {});
    expect(await restarted.resumeUnfinished()).toEqual(TEST_DIALECT === "sqlite" ? [id] : []);
    await restarted.idle();
    expect((await getJob(server.app, id)).latestExecutionStatus).toBe(TEST_DIALECT === "sqlite" ? "COMPLETED" : "STARTED");
  });

  it("applies no batch once its lease was taken over, and the new holder applies every row exactly once", async () => {
    const id = await storedJob(10);
    // A long lease: only the check inside each batch's transaction can notice the loss.
    const paused = instance("paused", { batchSize: 2, batchDelayMs: 150, leaseTtlMs: 60_000 });
    paused.enqueue(id);
    await until(async () => ((await getJob(server.app, id)).counts.processed > 0 ? true : undefined));
    expect((await leaseOf(id))?.owner).toBe("paused");
    // As if "paused" had stood still past its lease and "successor" had taken it over.
    await server.db.transaction().execute((trx) => trx.updateTable("leases").set({ owner: "successor" }).where("name", "=", jobLease(id)).execute());
    const atTakeover = await getJob(server.app, id);
    await paused.idle();
    const left = await getJob(server.app, id);
    expect(left.latestExecutionStatus).toBe("STARTED");
    expect(left.counts.processed).toBe(atTakeover.counts.processed);
    expect(left.counts.processed).toBeLessThan(10);
    // Left to the holder: "paused" did not give up a lease no longer its own.
    expect((await leaseOf(id))?.owner).toBe("successor");

    const successor = instance("successor", { batchSize: 2 });
    successor.enqueue(id);
    await successor.idle();
    expect(await getJob(server.app, id)).toMatchObject({
      latestExecutionStatus: "COMPLETED",
      counts: { total: 10, processed: 10, created: 10, failed: 0 },
    });
    const { rows } = await callParkState(server.db);
    const imported = rows.filter((r) => r.name.startsWith("Import "));
    expect(imported.map((r) => r.name).sort()).toEqual(addRows("London", 10).map((r) => r.name).sort());
    const outcomes = await server.db.selectFrom("import_job_rows").select(["item_number", "state"]).where("job_id", "=", id).execute();
    expect(outcomes.every((r) => r.state === "done")).toBe(true);
    await expectConsistent(server.db);
  });
});
