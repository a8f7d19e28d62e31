import { describe, expect, it } from "vitest";
import { useTestServer } from "@server/test/test-server";
import { DEFAULT_BATCH_SIZE, ImportJobRunner, runnerSettingsFromEnv } from "./import-jobs.runner";
import { addRows, csvOf, expectConsistent, getJob, postImport } from "./test-helpers";

const server = useTestServer("each");

describe("the runner's settings", () => {
  it("default to batches of 200 without pause, and read IMPORT_BATCH_SIZE and IMPORT_BATCH_DELAY_MS", () => {
    expect(runnerSettingsFromEnv({})).toEqual({ batchSize: DEFAULT_BATCH_SIZE, batchDelayMs: 0 });
    expect(DEFAULT_BATCH_SIZE).toBe(200);
    expect(runnerSettingsFromEnv({ IMPORT_BATCH_SIZE: "25", IMPORT_BATCH_DELAY_MS: "150" })).toEqual({ batchSize: 25, batchDelayMs: 150 });
  });

  it.each([{ IMPORT_BATCH_SIZE: "0" }, { IMPORT_BATCH_SIZE: "ten" }, { IMPORT_BATCH_DELAY_MS: "-1" }])("refuses %j, naming it", (env) => {
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
