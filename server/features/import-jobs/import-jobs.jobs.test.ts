import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { importJobErrorListSchema, importJobListSchema } from "@domain/schemas/import-job";
import { expectApiError } from "@server/test/api-error";
import type { Db } from "@server/db/database";
import { TEST_DIALECT } from "@server/test/test-database";
import { fillLocation, locationIdOf, useTestServer } from "@server/test/test-server";
import {
  addRows,
  callParkState,
  csvOf,
  expectConsistent,
  getJob,
  postImport,
  runImport,
  tableCounts,
} from "./test-helpers";

const server = useTestServer("each");

/** The paging of a `Link: <…>; rel="next"` header. */
function nextPage(link: unknown) {
  const match = /^<([^>]+)>; rel="next"$/.exec(String(link));
  const params = new URL(match?.[1] ?? "http://x/").searchParams;
  return { start: params.get("start"), max: params.get("max") };
}

const mixed = csvOf([
  { location: "London", name: "Front desk", extension: "7001" },
  { location: "London", name: "Clash", extension: "1001" },
  { location: "London", name: "Loading bay", extension: "5002" },
  { location: "Atlantis", name: "Lost", extension: "7002" },
  { location: "London", name: "", extension: "5003", action: "DELETE" },
]);

async function errorsOf(jobId: string, query: Record<string, number> = {}, language = "en") {
  const res = await server.app.inject({ url: urlOf(api.importJobs.errors, { jobId }, query), headers: { "accept-language": language } });
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: importJobErrorListSchema.parse(res.json()) };
}

/** A trigger running `statement` after a call park extension `extension` is inserted, in either dialect. */
async function afterInsertOf(db: Db, name: string, extension: string, statement: string) {
  if (TEST_DIALECT === "sqlite") {
    await sql`create trigger ${sql.raw(name)} after insert on call_park_extensions when new.extension = ${sql.lit(extension)} begin
      ${sql.raw(statement)};
    end`.execute(db);
    return;
  }
  await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$ begin ${sql.raw(statement)}; return null; end $$`.execute(db);
  await sql`create trigger ${sql.raw(name)} after insert on call_park_extensions for each row
    when (new.extension = ${sql.lit(extension)}) execute function ${sql.raw(name)}()`.execute(db);
}

describe("a partial import", () => {
  it("applies the valid rows, counts each outcome and ends COMPLETED_WITH_ERRORS", async () => {
    const job = await runImport(server.app, mixed);
    expect(job).toMatchObject({
      latestExecutionStatus: "COMPLETED",
      latestExecutionExitCode: "COMPLETED_WITH_ERRORS",
      counts: { total: 5, processed: 5, created: 1, updated: 1, deleted: 1, unchanged: 0, failed: 2 },
    });
    expect(job.finished).toEqual(job.updated);
    const london = (await callParkState(server.db)).rows.filter((r) => r.location === "London");
    expect(london.map((r) => [r.extension, r.name])).toEqual([
      ["5001", "Park 01"],
      ["5002", "Loading bay"],
      ["5004", "Park 04"],
      ["5005", "Park 05"],
      ["5006", "Park 06"],
      ["7001", "Front desk"],
    ]);
    await expectConsistent(server.db);
  });

  it("ends COMPLETED when every row went in", async () => {
    const job = await runImport(server.app, csvOf(addRows("London", 3)));
    expect(job).toMatchObject({ latestExecutionExitCode: "COMPLETED", counts: { created: 3, failed: 0 } });
  });

  it("refuses the 101st call park extension of a location as a row error, the rest going in", async () => {
    const locationId = await locationIdOf(server.db, "London");
    await fillLocation(server, locationId, 97);
    const job = await runImport(server.app, csvOf(addRows("London", 5, 7000)));
    expect(job.counts).toMatchObject({ created: 3, failed: 2 });
    const { body } = await errorsOf(job.id);
    expect(body.items.map((i) => [i.itemNumber, i.error.key])).toEqual([
      [5, "locationFull"],
      [6, "locationFull"],
    ]);
    expect((await callParkState(server.db)).rows.filter((r) => r.location === "London")).toHaveLength(100);
  });

  it("turns a row the database refuses into an ERROR, not a failed job", async () => {
    // Concurrent writers, simulated inside the transaction: applying 7001 takes 7002 for a
    // person, applying 7003 fills the location, both after the rows were read and judged.
    await afterInsertOf(server.db, "steal", "7001", "insert into location_numbers values (new.location_id, '7002', 'PEOPLE', 'intruder')");
    await afterInsertOf(server.db, "fill", "7003", "update locations set call_park_extension_count = 100 where id = new.location_id");
    const job = await runImport(
      server.app,
      csvOf([
        { location: "London", name: "First", extension: "7001" },
        { location: "London", name: "Second", extension: "7002" },
        { location: "London", name: "Third", extension: "7003" },
        { location: "London", name: "Fourth", extension: "7004" },
        { location: "London", name: "Renamed", extension: "5001" },
      ]),
    );
    expect(job).toMatchObject({ latestExecutionExitCode: "COMPLETED_WITH_ERRORS", counts: { created: 2, updated: 1, failed: 2 } });
    const { body } = await errorsOf(job.id);
    expect(body.items.map((i) => [i.itemNumber, i.issues])).toEqual([
      [3, [{ path: ["extension"], code: "extensionTaken", params: { extension: "7002", ownerName: "", context: "PEOPLE" } }]],
      [5, [{ path: ["location"], code: "locationFull", params: { max: 100 } }]],
    ]);
    const london = (await callParkState(server.db)).rows.filter((r) => r.location === "London");
    expect(london.map((r) => r.extension)).toEqual(["5001", "5002", "5003", "5004", "5005", "5006", "7001", "7003"]);
    const count = await server.db.selectFrom("locations").select("call_park_extension_count").where("name", "=", "London").executeTakeFirstOrThrow();
    expect(count.call_park_extension_count).toBe(100);
  });
});

describe("an atomic import", () => {
  it("with one bad row applies nothing, ends FAILED, and its errors name the bad rows", async () => {
    const before = await callParkState(server.db);
    const job = await runImport(server.app, mixed, { mode: "atomic" });
    expect(job).toMatchObject({
      mode: "atomic",
      latestExecutionStatus: "FAILED",
      latestExecutionExitCode: "FAILED",
      counts: { total: 5, processed: 5, created: 0, updated: 0, deleted: 0, unchanged: 0, failed: 2 },
    });
    expect(await callParkState(server.db)).toEqual(before);
    const { body } = await errorsOf(job.id);
    expect(body.items.map((i) => i.itemNumber)).toEqual([3, 5]);
  });

  it("with every row valid applies them all and ends COMPLETED", async () => {
    const job = await runImport(server.app, csvOf([...addRows("London", 2), { location: "London", name: "", extension: "5001", action: "DELETE" }]), {
      mode: "atomic",
    });
    expect(job).toMatchObject({ latestExecutionStatus: "COMPLETED", latestExecutionExitCode: "COMPLETED", counts: { created: 2, deleted: 1 } });
    await expectConsistent(server.db);
  });
});

describe("a job's errors", () => {
  it("list each bad row by its CSV row with its cells and messages, in the request's language", async () => {
    const job = await runImport(server.app, mixed);
    const { res, body } = await errorsOf(job.id, {}, "pt-BR");
    expect(res.headers["x-total-count"]).toBe("2");
    expect(res.headers["content-language"]).toBe("pt-BR");
    expect(body.items).toEqual([
      {
        itemNumber: 3,
        values: { location: "London", name: "Clash", extension: "1001", action: "ADD" },
        error: {
          key: "extensionTaken",
          message: [{ description: expect.stringMatching(/^O ramal 1001 já é usado pela pessoa .+\.$/), code: "extensionTaken" }],
        },
        issues: [{ path: ["extension"], code: "extensionTaken", params: expect.objectContaining({ extension: "1001", context: "PEOPLE" }) }],
      },
      {
        itemNumber: 5,
        values: { location: "Atlantis", name: "Lost", extension: "7002", action: "ADD" },
        error: { key: "locationNotFound", message: [{ description: "Nenhum local se chama Atlantis.", code: "locationNotFound" }] },
        issues: [{ path: ["location"], code: "locationNotFound", params: { location: "Atlantis" } }],
      },
    ]);
    const english = await errorsOf(job.id, {}, "en-GB");
    expect(english.body.items[1].error.message[0].description).toBe("No location is named Atlantis.");
  });

  it("page with start and max and a Link to the next page", async () => {
    const job = await runImport(server.app, csvOf(addRows("Atlantis", 5)));
    const first = await errorsOf(job.id, { max: 2 });
    expect(first.body.items.map((i) => i.itemNumber)).toEqual([2, 3]);
    expect(first.res.headers["x-total-count"]).toBe("5");
    expect(nextPage(first.res.headers.link)).toEqual({ start: "2", max: "2" });
    const last = await errorsOf(job.id, { start: 4, max: 2 });
    expect(last.body.items.map((i) => i.itemNumber)).toEqual([6]);
    expect(last.res.headers.link).toBeUndefined();
  });
});

describe("the job list", () => {
  async function list(query: Record<string, string | number> = {}) {
    const res = await server.app.inject({ url: urlOf(api.importJobs.list, {}, query) });
    expect(res.statusCode, res.body).toBe(200);
    return { res, items: importJobListSchema.parse(res.json()).items };
  }

  it("lists newest first, filters by status, and pages with a Link", async () => {
    const ok = await runImport(server.app, csvOf(addRows("London", 1)), { fileName: "ok.csv" });
    const partial = await runImport(server.app, mixed, { fileName: "partial.csv" });
    const failed = await runImport(server.app, mixed, { fileName: "atomic.csv", mode: "atomic" });
    const all = await list();
    expect(all.items.map((j) => j.id)).toEqual([failed.id, partial.id, ok.id]);
    expect(all.res.headers["x-total-count"]).toBe("3");
    expect((await list({ status: "errors" })).items.map((j) => j.fileName)).toEqual(["atomic.csv", "partial.csv"]);
    expect((await list({ status: "active" })).items).toEqual([]);
    const page = await list({ max: 1, start: 1 });
    expect(page.items.map((j) => j.fileName)).toEqual(["partial.csv"]);
    expect(nextPage(page.res.headers.link)).toEqual({ start: "2", max: "1" });
    expect((await list({ start: 2, max: 1 })).res.headers.link).toBeUndefined();
    expectApiError(await server.app.inject({ url: urlOf(api.importJobs.list, {}, { status: "done" }) }), "validation");
  });

  it("shows a job still running as active", async () => {
    const before = await tableCounts(server.db);
    const res = await postImport(server.app, csvOf(addRows("London", 2)));
    const active = await list({ status: "active" });
    expect(active.items.map((j) => j.id)).toEqual([res.json().id]);
    await server.app.importJobs.idle();
    expect((await list({ status: "active" })).items).toEqual([]);
    expect((await getJob(server.app, res.json().id)).latestExecutionStatus).toBe("COMPLETED");
    expect((await tableCounts(server.db)).import_jobs).toBe(before.import_jobs + 1);
  });
});
