import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { importJobErrorListSchema, importJobListSchema } from "@domain/schemas/import-job";
import { HttpError } from "@server/http/errors";
import { expectApiError } from "@server/test/api-error";
import { type GatewayPair, type GatewayPairOptions, startGatewayPair } from "@server/test/gateway-pair";
import { locationIdOf, type TestApp } from "@server/test/test-server";
import { ImportJobRunner } from "./import-jobs.runner";
import { rowIssues } from "./import-jobs.upstream";
import { csvOf, type CsvRow, expectConsistent, getJob, postImport, postPreview, preview, runImport, tableCounts } from "./test-helpers";

// Webex mode's import against a stand-in for Webex (this project's own server on a real
// port), often through a fault proxy: each row goes to Webex first, then the mirror
// follows; a row in flight when the runner stops (or the server dies) is looked for on
// Webex before it is sent again. Crashes are simulated by holding a runner forever at a
// point of a row's life (its seams) and starting a fresh runner on the same database.

const open: GatewayPair[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

async function pair(options: GatewayPairOptions = {}) {
  const p = await startGatewayPair(options);
  open.push(p);
  return p;
}

interface Listed {
  id: string;
  name: string;
  extension: string;
  locationId: string;
}

async function listOn(inject: TestApp["inject"]): Promise<Listed[]> {
  const res = await inject({ url: urlOf(api.callParkExtensions.list, {}, { max: 1000 }) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().callParkExtensions;
}

/** Webex's call park extensions, as the stand-in's own API answers them. */
const upstreamList = (p: GatewayPair) => listOn(p.standin.app.inject);

/** Webex's call park extensions of a location holding this extension. */
async function upstreamHolding(p: GatewayPair, locationId: string, extension: string) {
  return (await upstreamList(p)).filter((c) => c.locationId === locationId && c.extension === extension);
}

/** The mirror answers exactly what Webex holds, ids included, and its counts agree. */
async function expectMirrorInStep(p: GatewayPair) {
  expect(await listOn(p.app.inject)).toEqual(await upstreamList(p));
  await expectConsistent(p.db);
}

/** The writes the fault proxy passed on to the stand-in (its record of every request). */
function forwardedWrites(p: GatewayPair, method: "POST" | "PUT" | "DELETE") {
  const path = method === "POST" ? /\/callParkExtensions$/ : /\/callParkExtensions\/[^/]+$/;
  return p.proxy!.requests.filter((r) => r.method === method && path.test(r.path) && r.forwarded);
}

async function storedRow(p: GatewayPair, jobId: string, itemNumber: number) {
  return p.db
    .selectFrom("import_job_rows")
    .select(["state", "outcome", "upstream_started_at", "upstream_id"])
    .where("job_id", "=", jobId)
    .where("item_number", "=", itemNumber)
    .executeTakeFirstOrThrow();
}

async function errorsOf(app: TestApp, jobId: string, language = "en") {
  const res = await app.inject({ url: urlOf(api.importJobs.errors, { jobId }), headers: { "accept-language": language } });
  expect(res.statusCode, res.body).toBe(200);
  return importJobErrorListSchema.parse(res.json()).items;
}

/** A point of a row's life where the runner waits: `reached` says which row got there; `release` lets it go on (a crash never does). */
function holdAt(itemNumber: number) {
  let reach!: (n: number) => void;
  const reached = new Promise<number>((resolve) => (reach = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const seam = (n: number) => {
    if (n !== itemNumber) return undefined;
    reach(n);
    return released;
  };
  return { seam, reached, release };
}

/** A sleep that returns at once and records each wait (the Upstream's Retry-After waits). */
function instantSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const SAN_JOSE = "San Jose HQ";
/** Data rows are numbered from 2 (the header is row 1), as the CSV's lines. */
const item = (index: number) => index + 2;

describe("Webex mode: a CSV import applies its rows on Webex, then in the mirror", { timeout: 30_000 }, () => {
  it("creates, renames and deletes on Webex exactly as the file says, the mirror in step, counts and progress as today", async () => {
    const p = await pair();
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    const london = await locationIdOf(p.db, "London");
    const seeded = (await upstreamList(p)).filter((c) => c.locationId === sanJose);
    const kept = seeded.find((c) => c.extension === "5002")!;
    const rows: CsvRow[] = [
      { location: SAN_JOSE, name: "Dock 1", extension: "7001" },
      { location: SAN_JOSE, name: "Dock 2", extension: "7002" },
      { location: SAN_JOSE, name: "Renamed", extension: "5001" },
      { location: SAN_JOSE, name: kept.name, extension: "5002" },
      { location: SAN_JOSE, name: "Gone", extension: "5003", action: "DELETE" },
      { location: "Atlantis", name: "Lost", extension: "7003" },
      { location: "London", name: "Dock 3", extension: "7004" },
    ];
    // Held after Webex answered San Jose's third row: the Tasks page shows the rows before it
    // done. A location's rows go in file order; other locations go their own pace meanwhile.
    const hold = holdAt(item(2));
    p.app.importJobs.seams.afterSend = hold.seam;
    const res = await postImport(p.app, csvOf(rows), { fileName: "docks.csv" });
    expect(res.statusCode, res.body).toBe(201);
    const { id, trackingId } = res.json();
    await hold.reached;
    const held = await getJob(p.app, id);
    expect(held).toMatchObject({ latestExecutionStatus: "STARTED", counts: { total: 7 } });
    expect(held.counts.processed).toBeGreaterThanOrEqual(2);
    for (const i of [0, 1]) expect((await storedRow(p, id, item(i))).state).toBe("done");
    for (const i of [2, 3, 4]) expect((await storedRow(p, id, item(i))).state).toBe("pending");
    const active = importJobListSchema.parse((await p.app.inject({ url: urlOf(api.importJobs.list, {}, { status: "active" }) })).json());
    expect(active.items.map((j) => j.id)).toEqual([id]);
    hold.release();
    await p.app.importJobs.idle();

    expect(await getJob(p.app, id)).toMatchObject({
      latestExecutionStatus: "COMPLETED",
      latestExecutionExitCode: "COMPLETED_WITH_ERRORS",
      counts: { total: 7, processed: 7, created: 3, updated: 1, deleted: 1, unchanged: 1, failed: 1 },
    });
    const upstream = await upstreamList(p);
    const at = (locationId: string, extension: string) => upstream.filter((c) => c.locationId === locationId && c.extension === extension);
    expect(at(sanJose, "7001")).toEqual([expect.objectContaining({ name: "Dock 1" })]);
    expect(at(sanJose, "7002")).toEqual([expect.objectContaining({ name: "Dock 2" })]);
    expect(at(sanJose, "5001")).toEqual([expect.objectContaining({ name: "Renamed", id: seeded.find((c) => c.extension === "5001")!.id })]);
    expect(at(sanJose, "5002")).toEqual([expect.objectContaining({ name: kept.name, id: kept.id })]);
    expect(at(sanJose, "5003")).toEqual([]);
    expect(at(london, "7004")).toEqual([expect.objectContaining({ name: "Dock 3" })]);
    expect(upstream.filter((c) => c.locationId === sanJose)).toHaveLength(seeded.length + 2 - 1);
    await expectMirrorInStep(p);

    // Each row recorded with the id of what it made or acted on, as Webex has it.
    expect((await storedRow(p, id, item(0))).upstream_id).toBe(at(sanJose, "7001")[0].id);
    expect((await storedRow(p, id, item(6))).upstream_id).toBe(at(london, "7004")[0].id);
    expect((await storedRow(p, id, item(4))).upstream_id).toBe(seeded.find((c) => c.extension === "5003")!.id);
    // One write to Webex per changed row, none for the unchanged or wrong ones, each with the job's tracking id.
    const writes = p.calls.filter((c) => c.method !== "GET" && !c.path.includes("validateExtensions"));
    expect(writes.map((c) => c.method).sort()).toEqual(["DELETE", "POST", "POST", "POST", "PUT"]);
    for (const write of writes) expect(write.trackingId.startsWith(`${trackingId}_`)).toBe(true);
    expect((await errorsOf(p.app, id)).map((e) => [e.itemNumber, e.error.key])).toEqual([[item(5), "locationNotFound"]]);
  });

  it("makes a row Webex refuses that row's error, in the administrator's language, and applies the others", async () => {
    const p = await pair();
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    // Held by Webex, not by the mirror: one made outside this app since the synchronisation,
    // and a hunt group's extension (the mirror keeps hunt groups without their numbers).
    const outside = await p.standin.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: sanJose }), payload: { name: "Outside", extension: "7002" } });
    expect(outside.statusCode, outside.body).toBe(201);
    const huntGroup = await p.standin.db.selectFrom("hunt_groups").select("name").where("location_id", "=", sanJose).where("extension", "=", "4001").executeTakeFirstOrThrow();
    const rows: CsvRow[] = [
      { location: SAN_JOSE, name: "Dock 1", extension: "7001" },
      { location: SAN_JOSE, name: "Dock 2", extension: "7002" },
      { location: SAN_JOSE, name: "Dock 3", extension: "4001" },
      { location: SAN_JOSE, name: "Dock 4", extension: "7003" },
    ];
    const job = await runImport(p.app, csvOf(rows));
    expect(job).toMatchObject({ latestExecutionExitCode: "COMPLETED_WITH_ERRORS", counts: { total: 4, processed: 4, created: 2, failed: 2 } });

    const errors = await errorsOf(p.app, job.id);
    expect(errors.map((e) => [e.itemNumber, e.error.message.map((m) => m.description)])).toEqual([
      [item(1), ["Extension 7002 is already used by the call park extension Outside."]],
      [item(2), [`Extension 4001 is already used by the hunt group ${huntGroup.name}.`]],
    ]);
    expect(errors[0].issues).toEqual([
      { path: ["extension"], code: "extensionTaken", params: { extension: "7002", ownerName: "Outside", context: "CALL_PARK_EXTENSION" } },
    ]);
    expect((await errorsOf(p.app, job.id, "pt-BR"))[0].error.message[0].description).toBe(
      "O ramal 7002 já é usado pelo ramal de estacionamento de chamadas Outside.",
    );
    expect((await upstreamHolding(p, sanJose, "7001")).map((c) => c.name)).toEqual(["Dock 1"]);
    expect((await upstreamHolding(p, sanJose, "7002")).map((c) => c.name)).toEqual(["Outside"]);
    expect(await upstreamHolding(p, sanJose, "4001")).toEqual([]);
    expect((await upstreamHolding(p, sanJose, "7003")).map((c) => c.name)).toEqual(["Dock 4"]);
    // The mirror holds what the import made, with Webex's ids; the one made outside waits for a synchronisation.
    const mirror = await listOn(p.app.inject);
    expect(mirror.filter((c) => c.locationId === sanJose && ["7001", "7003"].includes(c.extension))).toEqual(
      (await upstreamList(p)).filter((c) => c.locationId === sanJose && ["7001", "7003"].includes(c.extension)),
    );
    await expectConsistent(p.db);
    await p.gateway.sync();
    await expectMirrorInStep(p);
  });

  it("makes a change Webex did not take (503 before applying it) that row's error, saying nothing was changed", async () => {
    const p = await pair({ proxy: true });
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    const before = await upstreamHolding(p, sanJose, "5001");
    p.proxy!.unavailable({ match: { method: "PUT" } });
    const job = await runImport(p.app, csvOf([
      { location: SAN_JOSE, name: "Renamed", extension: "5001" },
      { location: SAN_JOSE, name: "Dock 1", extension: "7001" },
    ]));
    expect(job.counts).toMatchObject({ processed: 2, created: 1, updated: 0, failed: 1 });
    const [error] = await errorsOf(p.app, job.id);
    expect(error.issues).toEqual([{ path: [], code: "upstreamUnavailable" }]);
    expect(error.error.message[0].description).toBe("Webex did not answer, so this row was not applied. Import it again in a moment.");
    expect(await upstreamHolding(p, sanJose, "5001")).toEqual(before);
    expect(forwardedWrites(p, "PUT")).toHaveLength(0);
    await expectMirrorInStep(p);
  });

  it("takes a create Webex applied but answered 503 to, found on Webex, once, with Webex's id", async () => {
    const p = await pair({ proxy: true });
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    p.proxy!.unavailable({ after: true, match: { method: "POST", path: /\/callParkExtensions$/ } });
    const job = await runImport(p.app, csvOf([
      { location: SAN_JOSE, name: "Dock 1", extension: "7001" },
      { location: SAN_JOSE, name: "Dock 2", extension: "7002" },
    ]));
    expect(job).toMatchObject({ latestExecutionExitCode: "COMPLETED", counts: { processed: 2, created: 2, failed: 0 } });
    const made = await upstreamHolding(p, sanJose, "7001");
    expect(made).toHaveLength(1);
    expect(p.proxy!.requests.filter((r) => r.method === "POST" && r.status === 503)).toHaveLength(1);
    expect(forwardedWrites(p, "POST")).toHaveLength(2);
    expect((await storedRow(p, job.id, item(0))).upstream_id).toBe(made[0].id);
    await expectMirrorInStep(p);
  });

  it("waits out Webex's 429s and applies every row once", async () => {
    const { waits, sleep } = instantSleep();
    const p = await pair({ proxy: true, upstream: { sleep } });
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    p.proxy!.rateLimit({ times: 2, retryAfter: 3, match: { method: "POST", path: /\/callParkExtensions$/ } });
    p.proxy!.rateLimit({ times: 1, retryAfter: 2, match: { method: "PUT" } });
    p.proxy!.rateLimit({ times: 1, retryAfter: 1, match: { method: "DELETE" } });
    const job = await runImport(p.app, csvOf([
      { location: SAN_JOSE, name: "Dock 1", extension: "7001" },
      { location: SAN_JOSE, name: "Dock 2", extension: "7002" },
      { location: SAN_JOSE, name: "Renamed", extension: "5001" },
      { location: SAN_JOSE, name: "Gone", extension: "5002", action: "DELETE" },
    ]));
    expect(job).toMatchObject({ latestExecutionExitCode: "COMPLETED", counts: { processed: 4, created: 2, updated: 1, deleted: 1, failed: 0 } });
    // Each 429 paused the client for its Retry-After (the pause is shared: later calls sit out what is left of it).
    expect(waits.slice(0, 2)).toEqual([3000, 3000]);
    expect(waits.every((ms) => ms > 0 && ms <= 3000)).toBe(true);
    expect(p.proxy!.requests.filter((r) => r.status === 429)).toHaveLength(4);
    expect(forwardedWrites(p, "POST")).toHaveLength(2);
    expect(forwardedWrites(p, "PUT")).toHaveLength(1);
    expect(forwardedWrites(p, "DELETE")).toHaveLength(1);
    expect(await upstreamHolding(p, sanJose, "7001")).toHaveLength(1);
    expect(await upstreamHolding(p, sanJose, "7002")).toHaveLength(1);
    await expectMirrorInStep(p);
  });
});

describe("Webex mode: no all-or-nothing import", () => {
  it("refuses mode=atomic, for the job and the preview, with the reason, storing and sending nothing", async () => {
    const p = await pair();
    const before = await tableCounts(p.db);
    const calls = p.calls.length;
    const content = csvOf([{ location: SAN_JOSE, name: "Dock 1", extension: "7001" }]);
    for (const res of [await postImport(p.app, content, { mode: "atomic" }), await postPreview(p.app, content, { mode: "atomic" })]) {
      const body = expectApiError(res, "atomicImportUnavailable");
      expect(res.statusCode).toBe(400);
      expect(body.message).toMatch(/^All-or-nothing import is not available for an organization in Webex/);
    }
    expect(await tableCounts(p.db)).toEqual(before);
    expect(p.calls.length).toBe(calls);
  });
});

describe("Webex mode: the preview", () => {
  it("asks Webex's validateExtensions about the extensions it would create, once per location, and flags those Webex holds", async () => {
    const p = await pair();
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    const outside = await p.standin.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: sanJose }), payload: { name: "Outside", extension: "7002" } });
    expect(outside.statusCode, outside.body).toBe(201);
    const huntGroup = await p.standin.db.selectFrom("hunt_groups").select("name").where("location_id", "=", sanJose).where("extension", "=", "4001").executeTakeFirstOrThrow();
    const before = await tableCounts(p.db);
    const upstreamBefore = await upstreamList(p);
    const calls = p.calls.length;

    const result = await preview(p.app, csvOf([
      { location: SAN_JOSE, name: "Dock 1", extension: "7001" },
      { location: SAN_JOSE, name: "Dock 2", extension: "7002" },
      { location: SAN_JOSE, name: "Dock 3", extension: "4001" },
      { location: SAN_JOSE, name: "Old", extension: "5001", action: "DELETE" },
      { location: SAN_JOSE, name: "Reborn", extension: "5001" },
      { location: "London", name: "Dock 4", extension: "7001" },
    ]));
    expect(result.rows.map((r) => [r.extension, r.outcome, r.issues ?? []])).toEqual([
      ["7001", "CREATE", []],
      ["7002", "ERROR", [{ path: ["extension"], code: "extensionTaken", params: { extension: "7002", ownerName: "Outside", context: "CALL_PARK_EXTENSION" } }]],
      ["4001", "ERROR", [{ path: ["extension"], code: "extensionTaken", params: { extension: "4001", ownerName: huntGroup.name, context: "HUNT_GROUP" } }]],
      ["5001", "DELETE", []],
      // Freed by the file's own row before it: the mirror knows its holder, Webex is not asked.
      ["5001", "CREATE", []],
      ["7001", "CREATE", []],
    ]);
    expect(result.counts).toEqual({ create: 3, update: 0, delete: 1, unchanged: 0, error: 2, total: 6 });
    expect(result.wouldApply).toBe(true);

    const asked = p.calls.slice(calls).filter((c) => c.path === api.callParkExtensions.validateExtensions.path);
    expect(asked).toHaveLength(2);
    expect(p.calls.slice(calls).every((c) => c.path === api.callParkExtensions.validateExtensions.path)).toBe(true);
    expect(await tableCounts(p.db)).toEqual(before);
    expect(await upstreamList(p)).toEqual(upstreamBefore);
  });
});

type Kind = "create" | "update" | "delete";
const KIND_ROW: Record<Kind, CsvRow> = {
  create: { location: SAN_JOSE, name: "Middle", extension: "7002" },
  update: { location: SAN_JOSE, name: "Renamed", extension: "5001" },
  delete: { location: SAN_JOSE, name: "Gone", extension: "5002", action: "DELETE" },
};
const KIND_METHOD = { create: "POST", update: "PUT", delete: "DELETE" } as const;

describe("Webex mode: a row in flight when the runner dies is applied exactly once", { timeout: 30_000 }, () => {
  const cases: { kind: Kind; when: "beforeSend" | "afterSend"; sync: boolean }[] = [
    ...(["create", "update", "delete"] as const).flatMap((kind) => [
      { kind, when: "beforeSend" as const, sync: true },
      { kind, when: "afterSend" as const, sync: true },
    ]),
    // Without a synchronisation before the restart, the mirror takes the change from the row.
    { kind: "create", when: "afterSend", sync: false },
    { kind: "delete", when: "afterSend", sync: false },
  ];

  it.each(cases)("a $kind held $when, then a restart (synchronised first: $sync)", async ({ kind, when, sync }) => {
    const p = await pair({ proxy: true });
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    const seeded = (await upstreamList(p)).filter((c) => c.locationId === sanJose);
    // The app's own runner takes no job: the test's runners do.
    await p.app.importJobs.stop();
    const rows: CsvRow[] = [
      { location: SAN_JOSE, name: "First", extension: "7001" },
      KIND_ROW[kind],
      { location: SAN_JOSE, name: "Last", extension: "7003" },
    ];
    const res = await postImport(p.app, csvOf(rows));
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();

    // The first runner stops for good at the middle row, as a server killed there would.
    const frozen = holdAt(item(1));
    const first = new ImportJobRunner(p.db, {}, undefined, { [when]: frozen.seam });
    first.enqueue(id);
    await frozen.reached;
    const inFlight = await storedRow(p, id, item(1));
    expect(inFlight).toMatchObject({ state: "pending", outcome: null });
    expect(inFlight.upstream_started_at).not.toBeNull();
    expect(await getJob(p.app, id)).toMatchObject({ latestExecutionStatus: "STARTED", counts: { processed: 1, created: 1 } });
    const target = seeded.find((c) => c.extension === KIND_ROW[kind].extension);
    const applied = when === "afterSend";
    if (kind === "create") expect(await upstreamHolding(p, sanJose, "7002")).toHaveLength(applied ? 1 : 0);
    if (kind === "update") expect((await upstreamHolding(p, sanJose, "5001"))[0].name).toBe(applied ? "Renamed" : target!.name);
    if (kind === "delete") expect(await upstreamHolding(p, sanJose, "5002")).toHaveLength(applied ? 0 : 1);

    // The next start: the mirror synchronised (as index.ts does), then the unfinished jobs.
    if (sync) await p.gateway.sync();
    const second = new ImportJobRunner(p.db);
    expect(await second.resumeUnfinished()).toEqual([id]);
    await second.idle();

    expect(await getJob(p.app, id)).toMatchObject({
      latestExecutionStatus: "COMPLETED",
      latestExecutionExitCode: "COMPLETED",
      counts: {
        total: 3,
        processed: 3,
        created: kind === "create" ? 3 : 2,
        updated: kind === "update" ? 1 : 0,
        deleted: kind === "delete" ? 1 : 0,
        unchanged: 0,
        failed: 0,
      },
    });
    // Sent once: the write of the row in flight reached Webex exactly one time.
    expect(forwardedWrites(p, KIND_METHOD[kind])).toHaveLength(kind === "create" ? 3 : 1);
    const row = await storedRow(p, id, item(1));
    expect(row).toMatchObject({ state: "done", outcome: kind.toUpperCase() });
    if (kind === "create") {
      const made = await upstreamHolding(p, sanJose, "7002");
      expect(made.map((c) => c.name)).toEqual(["Middle"]);
      expect(row.upstream_id).toBe(made[0].id);
    } else {
      expect(row.upstream_id).toBe(target!.id);
    }
    if (kind === "update") expect((await upstreamHolding(p, sanJose, "5001")).map((c) => c.name)).toEqual(["Renamed"]);
    if (kind === "delete") expect(await upstreamHolding(p, sanJose, "5002")).toEqual([]);
    expect(await upstreamHolding(p, sanJose, "7001")).toHaveLength(1);
    expect(await upstreamHolding(p, sanJose, "7003")).toHaveLength(1);
    await expectMirrorInStep(p);
  });

  it("stops after the row in flight is recorded, sending no further row, and the next runner finishes the job", async () => {
    const p = await pair({ proxy: true });
    const sanJose = await locationIdOf(p.db, SAN_JOSE);
    const rows = [1, 2, 3, 4].map((i): CsvRow => ({ location: SAN_JOSE, name: `Dock ${i}`, extension: String(7000 + i) }));
    const hold = holdAt(item(1));
    p.app.importJobs.seams.afterSend = hold.seam;
    const res = await postImport(p.app, csvOf(rows));
    const { id } = res.json();
    await hold.reached;
    const stopped = p.app.importJobs.stop();
    hold.release();
    await stopped;
    expect(await getJob(p.app, id)).toMatchObject({ latestExecutionStatus: "STARTED", counts: { processed: 2, created: 2 } });
    expect(await storedRow(p, id, item(1))).toMatchObject({ state: "done", outcome: "CREATE" });
    expect(await storedRow(p, id, item(2))).toMatchObject({ state: "pending", upstream_started_at: null });
    expect(forwardedWrites(p, "POST")).toHaveLength(2);

    const next = new ImportJobRunner(p.db);
    await next.resumeUnfinished();
    await next.idle();
    expect(await getJob(p.app, id)).toMatchObject({ latestExecutionExitCode: "COMPLETED", counts: { processed: 4, created: 4 } });
    expect(forwardedWrites(p, "POST")).toHaveLength(4);
    for (const row of rows) expect(await upstreamHolding(p, sanJose, row.extension)).toHaveLength(1);
    await expectMirrorInStep(p);
  });
});

describe("Webex's refusals as a row's issues", () => {
  const row = { location: SAN_JOSE, extension: "7001" };

  it("keeps a refusal's own issues, said of the file's columns", () => {
    const error = new HttpError("callParkExtensionLimit", { max: 100 }, [{ path: ["locationId"], code: "locationFull", params: { max: 100 } }]);
    expect(rowIssues(error, row)).toEqual([{ path: ["location"], code: "locationFull", params: { max: 100 } }]);
  });

  it("quotes Webex's own words for a refusal this API has no rule for", () => {
    const params = { upstreamMessage: "Extension is reserved.", upstreamTrackingId: "ROUTER_1" };
    expect(rowIssues(new HttpError("upstreamRefused", params), row)).toEqual([{ path: [], code: "upstreamRefused", params }]);
    expect(rowIssues(new HttpError("upstreamConflict", params), row)).toEqual([{ path: [], code: "upstreamRefused", params }]);
  });

  it("names the row's own extension or location for what Webex does not have", () => {
    expect(rowIssues(new HttpError("callParkExtensionNotFound"), row)).toEqual([
      { path: ["extension"], code: "callParkExtensionNotFound", params: { extension: "7001" } },
    ]);
    expect(rowIssues(new HttpError("locationNotFound"), row)).toEqual([{ path: ["location"], code: "locationNotFound", params: { location: SAN_JOSE } }]);
  });

  it("says when Webex did not answer, could not confirm, or does not let this server change anything", () => {
    expect(rowIssues(new HttpError("upstreamUnavailable"), row)).toEqual([{ path: [], code: "upstreamUnavailable" }]);
    expect(rowIssues(new HttpError("upstreamUnclear"), row)).toEqual([{ path: [], code: "upstreamUnclear" }]);
    expect(rowIssues(new HttpError("upstreamCredential"), row)).toEqual([{ path: [], code: "upstreamDenied" }]);
    expect(rowIssues(new HttpError("upstreamScopeMissing", { scope: "spark-admin:telephony_config_write" }), row)).toEqual([{ path: [], code: "upstreamDenied" }]);
  });
});
