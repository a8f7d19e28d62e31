import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_BASE, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { AuditEvent } from "@domain/schemas/audit-event";
import { type Db, openDatabase } from "@server/db/database";
import { seedDemoOrganization } from "@server/db/seed";
import { expectApiError } from "@server/test/api-error";
import { buildTestApp, locationIdOf, type TestApp } from "@server/test/test-server";

// A Webex client's own tracking id, in the shape its libraries send.
const SENT = "WEBEX_SDK_8c0f3c1e-5a3b-4c7e-9d1a-2f6b7e4d9a10_0";
const GENERATED = /^CPA_[0-9a-f-]{36}$/;

let db: Db;
let app: TestApp;
let logLines: { reqId?: string; msg?: string }[];

beforeEach(async () => {
  db = await openDatabase("sqlite::memory:");
  await seedDemoOrganization(db);
  logLines = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).trim().split("\n").map((line) => JSON.parse(line)));
      done();
    },
  });
  app = await buildTestApp(db, { logger: { level: "info", stream } });
});
afterEach(async () => {
  await app.close();
  await db.destroy();
});

describe("the caller's TrackingID header", () => {
  it("is the answer's TrackingID and the request's log lines' id", async () => {
    const res = await app.inject({ url: urlOf(api.locations.list), headers: { trackingid: SENT } });
    expect(res.statusCode).toBe(200);
    expect(res.headers.trackingid).toBe(SENT);
    const lines = logLines.filter((line) => line.reqId === SENT).map((line) => line.msg);
    expect(lines).toEqual(["incoming request", "request completed"]);
  });

  it("is the error body's trackingId, for our refusals and Fastify's", async () => {
    const missing = await app.inject({ url: urlOf(api.locations.get, { locationId: "bm93aGVyZQ" }), headers: { TrackingID: SENT } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().trackingId).toBe(SENT);
    expect(missing.headers.trackingid).toBe(SENT);
    const malformed = await app.inject({ url: `${API_BASE}/locations/%E0%A4%A`, headers: { trackingid: SENT } });
    expect(malformed.json().trackingId).toBe(SENT);
    expect(malformed.headers.trackingid).toBe(SENT);
  });

  it("is the audit entry's tracking id", async () => {
    const locationId = await locationIdOf(db, "London");
    const created = await app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }),
      headers: { trackingid: SENT },
      payload: { name: "Lobby", extension: "7100" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const audit = await app.inject({ url: urlOf(api.auditEvents.list, {}, { objectId: created.json().id }) });
    const [entry] = audit.json().items as AuditEvent[];
    expect(entry).toMatchObject({ action: "CREATE", trackingId: SENT });
  });

  it("is taken up to 200 printable characters", async () => {
    const longest = `T${"x".repeat(198)}!`;
    const res = await app.inject({ url: urlOf(api.locations.list), headers: { trackingid: longest } });
    expect(res.headers.trackingid).toBe(longest);
  });

  it.each([
    ["too long", "x".repeat(201)],
    ["not ASCII", "rastreio-ação"],
    ["a control character", "abc\u0001def"],
    ["empty", ""],
  ])("is replaced by our own when %s", async (_label, trackingid) => {
    const res = await app.inject({ url: urlOf(api.locations.get, { locationId: "bm93aGVyZQ" }), headers: { trackingid } });
    expectApiError(res, "locationNotFound");
    expect(res.headers.trackingid).toMatch(GENERATED);
    expect(logLines.filter((line) => line.reqId === res.headers.trackingid).length).toBeGreaterThan(0);
  });

  it("is generated when none is sent", async () => {
    const res = await app.inject({ url: urlOf(api.locations.list) });
    expect(res.headers.trackingid).toMatch(GENERATED);
  });
});
