import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { racingApp } from "@server/test/racing-app";
import { TEST_DIALECT } from "@server/test/test-database";
import { fillLocation, locationIdOf, useTestServer } from "@server/test/test-server";
import { addRows, callParkState, csvOf, expectConsistent, getJob, postImport } from "./test-helpers";

// Two servers on one database (two apps over racingDb, each with its own runner, in
// small batches), so imports and single creates interleave their transactions and
// only the rows' evaluation inside each transaction, and the database's own
// constraints behind it, keep the location at most 100 and every extension once.
const server = useTestServer("each");
let apps: Awaited<ReturnType<typeof racingApp>>[];

beforeEach(async () => {
  apps = await Promise.all([racingApp(server.db), racingApp(server.db)]);
  for (const app of apps) app.importJobs.settings.batchSize = 3;
});
afterEach(() => Promise.all(apps.map((app) => app.close())));

async function londonRows() {
  return (await callParkState(server.db)).rows.filter((r) => r.location === "London");
}

describe("concurrent imports into one location", () => {
  it("never pass 100 nor claim an extension twice, and their counts add up", async () => {
    const locationId = await locationIdOf(server.db, "London");
    await fillLocation(server, locationId, 90);
    const files = [csvOf(addRows("London", 12, 7000, (i) => `A ${i}`)), csvOf(addRows("London", 12, 7006, (i) => `B ${i}`))];
    const posted = await Promise.all(files.map((file, i) => postImport(apps[i], file)));
    for (const res of posted) expect(res.statusCode, res.body).toBe(201);
    await Promise.all(apps.map((app) => app.importJobs.idle()));
    const jobs = await Promise.all(posted.map((res) => getJob(apps[0], res.json().id)));
    // Both ran batch by batch at the same time, so (on SQLite, whose writers take turns) each
    // got some of the room left; on PostgreSQL, whichever's batches commit first may take it all.
    for (const job of jobs) {
      if (TEST_DIALECT === "sqlite") expect(job.counts.created).toBeGreaterThan(0);
      expect(job.latestExecutionExitCode).toBe("COMPLETED_WITH_ERRORS");
      expect(job.counts.created + job.counts.updated + job.counts.failed).toBe(12);
    }
    expect(jobs[0].counts.created + jobs[1].counts.created).toBe(10);
    const rows = await londonRows();
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.extension)).size).toBe(100);
    await expectConsistent(server.db);
  });

  it("holds against single creates fired while the import runs", async () => {
    const locationId = await locationIdOf(server.db, "London");
    await fillLocation(server, locationId, 80);
    const [job, ...creates] = await Promise.all([
      postImport(apps[0], csvOf(addRows("London", 15, 7000))),
      ...Array.from({ length: 15 }, (_, i) =>
        apps[1].inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId }), payload: { name: `Single ${i}`, extension: String(7005 + i) } }),
      ),
    ]);
    await apps[0].importJobs.idle();
    const done = await getJob(apps[0], job.json().id);
    const won = creates.filter((r) => r.statusCode === 201).length;
    for (const res of creates) expect([201, 409]).toContain(res.statusCode);
    expect(done.counts.created + won).toBe(20);
    expect(await londonRows()).toHaveLength(100);
    await expectConsistent(server.db);
  });
});
