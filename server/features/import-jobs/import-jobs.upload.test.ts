import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { MAX_CSV_BYTES } from "@domain/csv/call-park-extension-csv";
import { importJobSchema } from "@domain/schemas/import-job";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";
import { DEMO_ADMINS } from "@server/db/seed";
import { HEADER, csvOf, multipart, postImport, postPreview, tableCounts } from "./test-helpers";

const server = useTestServer("each");
const file = csvOf([{ location: "London", name: "Front desk", extension: "7001" }]);

describe("uploading a file", () => {
  it("takes it as multipart/form-data, field file, as a browser sends it, and answers 201 with the job", async () => {
    const res = await postImport(server.app, file, { via: "multipart", fileName: "Ramais de São Paulo.csv" });
    expect(res.statusCode, res.body).toBe(201);
    const job = importJobSchema.parse(res.json());
    expect(job).toMatchObject({
      name: "callParkExtensionsImport",
      fileName: "Ramais de São Paulo.csv",
      mode: "partial",
      createdBy: DEMO_ADMINS.full.displayName,
      latestExecutionStatus: "STARTED",
      latestExecutionExitCode: "UNKNOWN",
      counts: { total: 1, processed: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
      trackingId: res.headers.trackingid,
    });
    expect(job.finished).toBeUndefined();
    expect(Buffer.from(job.id, "base64url").toString()).toMatch(/^ciscospark:\/\/us\/JOB_ID\/[0-9a-f-]{36}$/);
    await server.app.importJobs.idle();
    const done = await server.app.inject({ url: urlOf(api.importJobs.get, { jobId: job.id }) });
    expect(done.json()).toMatchObject({ latestExecutionStatus: "COMPLETED", counts: { processed: 1, created: 1 } });
  });

  it("takes it as a text/csv body, with the file's name in the query and the mode chosen", async () => {
    const res = await postImport(server.app, file, { fileName: "batch.csv", mode: "atomic", headers: { "content-type": "text/csv; charset=utf-8" } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: "batch.csv", mode: "atomic", counts: { total: 1 } });
  });

  it("names a job sent without a name, and keeps only the base name of a path", async () => {
    const plain = await postImport(server.app, file);
    expect(plain.json().fileName).toBe("callParkExtensions.csv");
    const pathed = await postImport(server.app, file, { via: "multipart", fileName: "C:\\Users\\ana\\ramais.csv" });
    expect(pathed.json().fileName).toBe("ramais.csv");
  });

  it("reads UTF-8 with or without a BOM, and a file that is not UTF-8 as Windows-1252, as Excel saves plain CSV", async () => {
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const text = `${HEADER}\nSão Paulo,Recepção,7001,\n`;
    const windows1252 = Buffer.from([...text].map((c) => c.charCodeAt(0)));
    for (const content of [text, `\uFEFF${text}`, windows1252]) {
      for (const via of ["text", "multipart"] as const) {
        const res = await postPreview(server.app, content, { via });
        expect(res.json().rows, res.body).toEqual([
          { itemNumber: 2, location: "São Paulo", locationId: saoPaulo, name: "Recepção", extension: "7001", action: "ADD", outcome: "CREATE" },
        ]);
      }
    }
  });

  it("stores the job and its rows before answering, and applies them afterwards", async () => {
    const before = await tableCounts(server.db);
    const res = await postImport(server.app, file);
    const stored = await tableCounts(server.db);
    expect(stored).toMatchObject({ import_jobs: before.import_jobs + 1, import_job_rows: before.import_job_rows + 1 });
    await server.app.importJobs.idle();
    const res2 = await server.app.inject({ url: urlOf(api.importJobs.get, { jobId: res.json().id }) });
    expect(res2.json()).toMatchObject({ latestExecutionStatus: "COMPLETED", counts: { created: 1 } });
    expect((await tableCounts(server.db)).call_park_extensions).toBe(before.call_park_extensions + 1);
  });
});

describe("refusing a file", () => {
  const big = `${HEADER}\n${"London,Front desk,7001,\n".repeat(Math.ceil(MAX_CSV_BYTES / 24) + 10)}`;
  const tooMany = `${HEADER}\n${Array.from({ length: 1001 }, (_, i) => `London,P${i},${10000 + i},`).join("\n")}`;

  it.each([
    ["an empty file", "", "csvEmpty", undefined],
    ["a header alone", `${HEADER}\n`, "csvEmpty", undefined],
    ["a file that is not CSV", "PK\u0003\u0004\u0000binary", "csvNotCsv", undefined],
    ["missing columns", "Location,Extension\nLondon,7001\n", "csvMissingColumns", { columns: "Call Park Extension Name" }],
    ["an unknown column", `${HEADER},Colour\nLondon,A,7001,,red\n`, "csvUnknownColumns", { columns: "Colour" }],
    ["a repeated column", "Location,Local,Call Park Extension Name,Extension\n", "csvDuplicateColumns", { columns: "Location" }],
    ["1,001 rows", tooMany, "csvTooManyRows", { max: 1000, rows: 1001 }],
  ] as const)("refuses %s with 400 %s, on the job and on the preview, by either way of sending", async (_, content, code, params) => {
    const before = await tableCounts(server.db);
    for (const send of [postImport, postPreview]) {
      for (const via of ["text", "multipart"] as const) {
        const body = expectApiError(await send(server.app, content, { via }), code);
        expect(body.params).toEqual(params);
      }
    }
    expect(await tableCounts(server.db)).toEqual(before);
  });

  it.each(["text", "multipart"] as const)("refuses more than 1 MB sent as %s with 413 csvTooLarge", async (via) => {
    for (const send of [postImport, postPreview]) {
      expect(expectApiError(await send(server.app, big, { via }), "csvTooLarge").params).toEqual({ max: MAX_CSV_BYTES });
    }
    expect((await tableCounts(server.db)).import_jobs).toBe(0);
  });

  it("refuses any other content type with 415, JSON included", async () => {
    for (const [contentType, payload] of [
      ["application/xml", "<csv/>"],
      ["text/plain", file],
      ["application/json", JSON.stringify({ file })],
    ]) {
      const res = await server.app.inject({ method: "POST", url: urlOf(api.importJobs.create), payload, headers: { "content-type": contentType } });
      expectApiError(res, "csvUnsupportedMediaType");
    }
  });

  it("refuses a malformed multipart body with 400", async () => {
    const res = await server.app.inject({ method: "POST", url: urlOf(api.importJobs.create), payload: "garbage", headers: { "content-type": "multipart/form-data" } });
    expectApiError(res, "badRequest");
  });

  it("refuses multipart without a file field, and a mode it does not know", async () => {
    const wrongField = multipart(file, { field: "upload" });
    const res = await server.app.inject({ method: "POST", url: urlOf(api.importJobs.create), payload: wrongField.payload, headers: { "content-type": wrongField.contentType } });
    expect(expectApiError(res, "validation").issues).toEqual([{ path: ["file"], code: "required" }]);
    const mode = await server.app.inject({ method: "POST", url: urlOf(api.importJobs.create, {}, { mode: "some" }), payload: file, headers: { "content-type": "text/csv" } });
    expect(expectApiError(mode, "validation").issues).toEqual([{ path: ["mode"], code: "invalidValue" }]);
  });

  it("keeps text/csv to the import: the rest of the API still answers 415", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const res = await server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId }), payload: file, headers: { "content-type": "text/csv" } });
    expectApiError(res, "unsupportedMediaType");
  });

  it("answers 404 jobNotFound for a job that does not exist", async () => {
    expectApiError(await server.app.inject({ url: urlOf(api.importJobs.get, { jobId: "nope" }) }), "jobNotFound");
    expectApiError(await server.app.inject({ url: urlOf(api.importJobs.errors, { jobId: "nope" }) }), "jobNotFound");
  });
});
