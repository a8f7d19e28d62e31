import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type CallParkCsvGroup, toCallParkCsv } from "@domain/csv/call-park-csv";
import {
  callParkExportSchema,
  callParkImportJobErrorListSchema,
  callParkImportJobListSchema,
  callParkImportJobSchema,
  callParkImportPreviewSchema,
} from "@domain/schemas/call-park-import";
import { importJobListSchema } from "@domain/schemas/import-job";
import type { Db } from "@server/db/database";
import { expectApiError } from "@server/test/api-error";
import { signIn } from "@server/test/sessions";
import { locationIdOf, type TestServer, useTestServer } from "@server/test/test-server";
import { createGroup, extensionIds } from "@server/features/call-parks/test-helpers";
import { type UploadOptions, multipart } from "./test-helpers";

// Call park groups by CSV: the same jobs as the call park extensions' import, under
// …/jobs/callParks, each row applied by the call park group service with every rule of the
// wizard, checked row by row in the preview.
const server = useTestServer("each");

type App = TestServer["app"];

function upload(app: App, create: boolean, content: string | Buffer, { mode, via = "text", fileName, headers = {} }: UploadOptions = {}) {
  const e = create ? api.callParkImportJobs.create : api.callParkImportJobs.preview;
  const url = urlOf(e, {}, { mode, fileName: via === "text" ? fileName : undefined });
  if (via === "multipart") {
    const body = multipart(content, { fileName });
    return app.inject({ method: "POST", url, payload: body.payload, headers: { ...headers, "content-type": body.contentType } });
  }
  return app.inject({ method: "POST", url, payload: content, headers: { "content-type": "text/csv", ...headers } });
}

async function preview(content: string | Buffer, options: UploadOptions = {}) {
  const res = await upload(server.app, false, content, options);
  expect(res.statusCode, res.body).toBe(200);
  return callParkImportPreviewSchema.parse(res.json());
}

async function runImport(content: string, options: UploadOptions = {}) {
  const res = await upload(server.app, true, content, options);
  expect(res.statusCode, res.body).toBe(201);
  await server.app.importJobs.idle();
  const got = await server.app.inject({ url: urlOf(api.callParkImportJobs.get, { jobId: res.json().id }) });
  expect(got.statusCode, got.body).toBe(200);
  return callParkImportJobSchema.parse(got.json());
}

async function exported(body: { locationId?: string } = {}, headers: Record<string, string> = {}) {
  const res = await server.app.inject({ method: "POST", url: urlOf(api.callParkImportJobs.export), payload: body, headers });
  expect(res.statusCode, res.body).toBe(200);
  return callParkExportSchema.parse(res.json()).callParks;
}

/** People of a location, in seed order, with their emails. */
async function peopleOf(db: Db, location: string) {
  const locationId = await locationIdOf(db, location);
  return db.selectFrom("members").select(["id", "email", "display_name"]).where("location_id", "=", locationId).where("type", "=", "PEOPLE").orderBy("extension").execute();
}

const group = (g: Partial<CallParkCsvGroup> & Pick<CallParkCsvGroup, "name">): CallParkCsvGroup => ({
  location: "London",
  recallOption: "ALERT_PARKING_USER_ONLY",
  members: [],
  parkOnAgentsEnabled: false,
  extensions: [],
  ...g,
});

async function groupRows(db: Db) {
  return db
    .selectFrom("call_parks as p")
    .innerJoin("locations as l", "l.id", "p.location_id")
    .select(["l.name as location", "p.name", "p.recall_option", "p.park_on_agents_enabled"])
    .orderBy("l.name")
    .orderBy("p.name")
    .execute();
}

describe("call park groups by CSV", () => {
  it("creates groups with members by email or name, the hunt group by name and extensions in hunting order", async () => {
    const [ana, bruno] = await peopleOf(server.db, "London");
    const job = await runImport(
      toCallParkCsv([
        group({ name: "Front desk", recallOption: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroup: "Support", members: [ana.email!, "Lobby"], extensions: ["5003", "5001"] }),
        group({ name: "Night shift", members: [bruno.email!.toUpperCase(), "After Hours Line"], parkOnAgentsEnabled: true }),
      ]),
    );
    expect(job).toMatchObject({ name: "callParksImport", latestExecutionStatus: "COMPLETED", latestExecutionExitCode: "COMPLETED", counts: { total: 2, created: 2, failed: 0 } });
    const all = await exported();
    expect(all).toEqual([
      { name: "Front desk", location: "London", recallOption: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroup: "Support", members: [ana.email, "Lobby"], parkOnAgentsEnabled: false, extensions: ["5003", "5001"] },
      { name: "Night shift", location: "London", recallOption: "ALERT_PARKING_USER_ONLY", members: [bruno.email, "After Hours Line"], parkOnAgentsEnabled: true, extensions: [] },
    ]);
    // One audit entry for the import, none per group.
    const audit = await server.db.selectFrom("audit_events").select(["action", "object_type", "after_values"]).execute();
    expect(audit).toEqual([{ action: "IMPORT", object_type: "importJob", after_values: expect.any(String) }]);
    // What it imported, so that the audit log links to the group imports' task.
    expect(JSON.parse(audit[0].after_values!)).toMatchObject({ kind: "callParks", rows: 2 });
  });

  it("round trip: an export imported unchanged changes nothing, in English or Portuguese headers, comma or semicolon", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const [e1, e2] = await extensionIds(server.db, locationId, ["5001", "5002"]);
    const [ana] = await peopleOf(server.db, "London");
    await createGroup(server, locationId, { name: "Dock", callParkExtensions: [e2, e1], agents: [ana.id] });
    const csv = toCallParkCsv(await exported());
    const result = await preview(csv);
    expect(result.rows).toEqual([{ itemNumber: 2, name: "Dock", location: "London", locationId, action: "", outcome: "UNCHANGED" }]);
    expect(result.counts).toMatchObject({ unchanged: 1, total: 1 });

    const portuguese = csv
      .replace(/^.*\r\n/, "Nome do grupo;Local;Rechamar para;Grupo de busca;Membros;Usar membros como destinos de estacionamento;Ramais de estacionamento de chamadas;Ação\r\n")
      .replace(/","/g, '";"');
    expect((await preview(Buffer.from(portuguese, "latin1"))).rows.map((r) => r.outcome)).toEqual(["UNCHANGED"]);
    const job = await runImport(csv);
    expect(job.counts).toMatchObject({ total: 1, unchanged: 1, created: 0, updated: 0 });
  });

  it("previews each outcome: an update names the columns it changes, a delete the members it leaves without a group; nothing is written", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const [ana, bruno] = await peopleOf(server.db, "London");
    await createGroup(server, locationId, { name: "Dock", agents: [ana.id, bruno.id] });
    await createGroup(server, locationId, { name: "Old", agents: [] });
    const before = await groupRows(server.db);
    const result = await preview(
      toCallParkCsv([
        group({ name: "dock", members: [bruno.email!, ana.email!], extensions: ["5001"] }),
        { ...group({ name: "Dock" }), action: "DELETE" },
        { ...group({ name: "Old" }), action: "DELETE" },
        { ...group({ name: "Brand new" }), action: "ADD" },
      ]),
    );
    expect(result.rows.map((r) => [r.outcome, r.changes ?? r.members ?? r.issues?.map((i) => i.code)])).toEqual([
      ["UPDATE", ["members", "extensions"]],
      ["ERROR", ["callParkRepeated"]],
      ["DELETE", []],
      ["CREATE", undefined],
    ]);
    const members = await preview(toCallParkCsv([{ ...group({ name: "Dock" }), action: "DELETE" }]));
    expect(members.rows[0]).toMatchObject({ outcome: "DELETE", members: [ana.display_name, bruno.display_name] });
    expect(await groupRows(server.db)).toEqual(before);
  });

  it("holds every rule of the wizard, row by row, with reasons on the file's columns", async () => {
    const london = await locationIdOf(server.db, "London");
    const [ana, bruno] = await peopleOf(server.db, "London");
    const [paulo] = await peopleOf(server.db, "São Paulo");
    const [e1] = await extensionIds(server.db, london, ["5001"]);
    await createGroup(server, london, { name: "Taken", agents: [ana.id], callParkExtensions: [e1] });
    const result = await preview(
      toCallParkCsv([
        group({ name: "A", members: [ana.email!] }),
        group({ name: "B", extensions: ["5001"] }),
        group({ name: "C", members: [paulo.email!, "Nobody Here"] }),
        group({ name: "D", extensions: ["9999"] }),
        group({ name: "E", recallOption: "ALERT_HUNT_GROUP_ONLY", huntGroup: "Suporte" }),
        group({ name: "F", recallOption: "ALERT_HUNT_GROUP_ONLY" }),
        { ...group({ name: "Taken" }), action: "ADD" },
        { ...group({ name: "Missing" }), action: "UPDATE" },
        group({ name: "G", members: [bruno.email!], extensions: ["5002"], parkOnAgentsEnabled: true }),
        group({ name: "H", location: "Atlantis" }),
        group({ name: "I", members: [bruno.email!] }),
        group({ name: "J", members: [bruno.email!] }),
      ]),
    );
    const issues = result.rows.map((r) => r.issues?.map((i) => [i.path.join("."), i.code]) ?? r.outcome);
    expect(issues).toEqual([
      [["members.0", "memberInOtherGroup"]],
      [["extensions.0", "destinationInOtherGroup"]],
      [["members.0", "memberNamedNotFound"], ["members.1", "memberNamedNotFound"]],
      [["extensions.0", "destinationExtensionNotFound"]],
      [["huntGroup", "huntGroupNamedNotFound"]],
      [["huntGroup", "huntGroupRequired"]],
      [["name", "callParkExists"]],
      [["name", "callParkNamedNotFound"]],
      [["membersAsDestinations", "parkOnAgentsWithDestinations"]],
      [["location", "locationNotFound"]],
      "CREATE",
      // The row before has made Bruno a member of I.
      [["members.0", "memberInOtherGroup"]],
    ]);
    expect(result.wouldApply).toBe(true);
    expect((await preview(toCallParkCsv([group({ name: "A", members: [ana.email!] })]), { mode: "atomic" })).wouldApply).toBe(false);
  });

  it("says a row's problems in the request's language on the job's errors, in the group template's columns", async () => {
    const job = await runImport(toCallParkCsv([group({ name: "Ok" }), group({ name: "Bad", members: ["ghost@acme.example"] })]));
    expect(job).toMatchObject({ latestExecutionExitCode: "COMPLETED_WITH_ERRORS", counts: { created: 1, failed: 1 } });
    const res = await server.app.inject({ url: urlOf(api.callParkImportJobs.errors, { jobId: job.id }), headers: { "accept-language": "pt-BR" } });
    expect(res.statusCode, res.body).toBe(200);
    const [error] = callParkImportJobErrorListSchema.parse(res.json()).items;
    expect(error).toMatchObject({
      itemNumber: 3,
      values: { name: "Bad", location: "London", members: "ghost@acme.example", recallTo: "ALERT_PARKING_USER_ONLY" },
      error: { key: "memberNamedNotFound", message: [{ code: "memberNamedNotFound", description: "Não há pessoa, espaço de trabalho ou linha virtual ghost@acme.example neste local." }] },
    });
  });

  it("all or nothing: a row in error applies no row", async () => {
    const job = await runImport(toCallParkCsv([group({ name: "Ok" }), group({ name: "Bad", extensions: ["9999"] })]), { mode: "atomic" });
    expect(job).toMatchObject({ latestExecutionStatus: "FAILED", counts: { failed: 1 } });
    expect(await groupRows(server.db)).toEqual([]);
  });

  it("keeps each kind's jobs apart: the groups' list and get, not the extensions'", async () => {
    const job = await runImport(toCallParkCsv([group({ name: "Ok" })]));
    const groups = await server.app.inject({ url: urlOf(api.callParkImportJobs.list) });
    expect(callParkImportJobListSchema.parse(groups.json()).items.map((j) => j.id)).toEqual([job.id]);
    const extensions = await server.app.inject({ url: urlOf(api.importJobs.list) });
    expect(importJobListSchema.parse(extensions.json()).items).toEqual([]);
    expectApiError(await server.app.inject({ url: urlOf(api.importJobs.get, { jobId: job.id }) }), "jobNotFound");
  });

  it("refuses a file that is not the group template, with the CSV problem", async () => {
    const res = await upload(server.app, false, "Location,Call Park Extension Name,Extension\r\nLondon,Dock,5001\r\n");
    expectApiError(res, "csvUnknownColumns");
    expectApiError(await upload(server.app, false, "Call Park Name,Recall To\r\nDock,\r\n"), "csvMissingColumns");
  });

  it("a location administrator exports and changes only their locations' groups", async () => {
    const london = await locationIdOf(server.db, "London");
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    await createGroup(server, london, { name: "Dock" });
    await createGroup(server, saoPaulo, { name: "Doca" });
    const session = await signIn(server, "location");
    expect((await exported({}, session.write)).map((g) => g.name)).toEqual(["Doca"]);
    const res = await server.app.inject({ method: "POST", url: urlOf(api.callParkImportJobs.export), payload: { locationId: london }, headers: session.write });
    expectApiError(res, "locationNotFound");
    const result = await preview(toCallParkCsv([{ ...group({ name: "Dock" }), action: "DELETE" }, group({ name: "Nova", location: "São Paulo" })]), { headers: session.write });
    expect(result.rows.map((r) => r.issues?.[0]?.code ?? r.outcome)).toEqual(["locationNotFound", "CREATE"]);
  });
});
