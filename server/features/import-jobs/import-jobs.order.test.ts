import { beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { ALL_LOCATIONS } from "@domain/rules/access";
import { importJobListSchema } from "@domain/schemas/import-job";
import { expectApiError } from "@server/test/api-error";
import { useTestServer } from "@server/test/test-server";
import type { ImportJobExitCode, ImportJobStatus } from "@server/db/schema";
import { finishJob, insertJob } from "./import-jobs.repository";

const server = useTestServer("all");

// Jobs written straight into the table, oldest first, so each sort has names, people and
// outcomes to order, and two of each tie (the tie-breaker is what paging leans on).
const JOBS: { fileName: string; createdBy: string; status: ImportJobStatus; exitCode: ImportJobExitCode }[] = [
  { fileName: "b.csv", createdBy: "Morgan Reyes", status: "COMPLETED", exitCode: "COMPLETED" },
  { fileName: "d.csv", createdBy: "Ana Lima", status: "FAILED", exitCode: "FAILED" },
  { fileName: "a.csv", createdBy: "Morgan Reyes", status: "COMPLETED", exitCode: "COMPLETED_WITH_ERRORS" },
  { fileName: "c.csv", createdBy: "Ana Lima", status: "STARTED", exitCode: "UNKNOWN" },
  { fileName: "b.csv", createdBy: "Zoe Park", status: "COMPLETED", exitCode: "COMPLETED" },
];

async function seedJobs() {
  for (const [i, job] of JOBS.entries()) {
    const id = `job-${i}`;
    // Every job in the same millisecond: only `seq` tells them apart in time.
    const now = "2026-11-27T08:00:00.000Z";
    await insertJob(server.db, {
      id,
      fileName: job.fileName,
      mode: "partial",
      createdBy: job.createdBy,
      createdById: `admin-${job.createdBy}`,
      scope: ALL_LOCATIONS,
      trackingId: `CPA_${i}`,
      total: 0,
      now,
    });
    if (job.status !== "STARTED") await finishJob(server.db, id, job.status, job.exitCode, now);
  }
}

async function list(query: Record<string, string | number>) {
  const res = await server.app.inject({ url: urlOf(api.importJobs.list, {}, query) });
  expect(res.statusCode, res.body).toBe(200);
  return importJobListSchema.parse(res.json()).items.map((job) => job.id);
}

describe("GET …/jobs/callParkExtensions?order= (ours)", () => {
  beforeAll(seedJobs);

  it("sorts by each column either way, ties by age the same way round", async () => {
    expect(await list({})).toEqual(["job-4", "job-3", "job-2", "job-1", "job-0"]);
    expect(await list({ order: "created-desc" })).toEqual(["job-4", "job-3", "job-2", "job-1", "job-0"]);
    expect(await list({ order: "created-asc" })).toEqual(["job-0", "job-1", "job-2", "job-3", "job-4"]);
    expect(await list({ order: "fileName-asc" })).toEqual(["job-2", "job-0", "job-4", "job-3", "job-1"]);
    expect(await list({ order: "fileName-desc" })).toEqual(["job-1", "job-3", "job-4", "job-0", "job-2"]);
    expect(await list({ order: "createdBy-asc" })).toEqual(["job-1", "job-3", "job-0", "job-2", "job-4"]);
    expect(await list({ order: "createdBy-desc" })).toEqual(["job-4", "job-2", "job-0", "job-3", "job-1"]);
    // By status, then its outcome: completed, completed with errors, failed, running.
    expect(await list({ order: "status-asc" })).toEqual(["job-0", "job-4", "job-2", "job-1", "job-3"]);
    expect(await list({ order: "status-desc" })).toEqual(["job-3", "job-1", "job-2", "job-4", "job-0"]);
    // The status filter and the order go together.
    expect(await list({ status: "errors", order: "fileName-asc" })).toEqual(["job-2", "job-1"]);
  });

  it("pages a sort without repeating or skipping a job", async () => {
    for (const order of ["fileName-asc", "createdBy-desc", "status-asc", "created-asc"]) {
      const whole = await list({ order });
      const paged = [];
      for (let start = 0; start < JOBS.length; start += 2) paged.push(...(await list({ order, start, max: 2 })));
      expect(paged, order).toEqual(whole);
    }
  });

  it("gives each column's other direction as its list exactly reversed", async () => {
    for (const field of ["created", "fileName", "createdBy", "status"]) {
      expect(await list({ order: `${field}-desc` }), field).toEqual((await list({ order: `${field}-asc` })).reverse());
    }
  });

  it("refuses an order it does not know with a 400 naming the field", async () => {
    for (const order of ["mode-asc", "fileName-up", "fileName,status,created"]) {
      const res = await server.app.inject({ url: urlOf(api.importJobs.list, {}, { order }) });
      expect(expectApiError(res, "validation").issues, order).toEqual([
        expect.objectContaining({ path: ["order"], code: "invalidValue" }),
      ]);
    }
  });
});
