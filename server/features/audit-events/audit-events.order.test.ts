import { beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type AuditAction, type AuditObjectType, auditEventListSchema } from "@domain/schemas/audit-event";
import { expectApiError } from "@server/test/api-error";
import { TEST_ACTOR, useTestServer } from "@server/test/test-server";
import { recordAudit } from "./audit-events.repository";

const server = useTestServer("all");

// Entries written oldest first, by three people, so each sort has something to order and
// ties to break (the tie-breaker is what paging leans on).
const ENTRIES: { actor: string; action: AuditAction; objectType: AuditObjectType }[] = [
  { actor: "Morgan Reyes", action: "UPDATE", objectType: "callPark" },
  { actor: "Ana Lima", action: "CREATE", objectType: "callParkExtension" },
  { actor: "Zoe Park", action: "DELETE", objectType: "callParkExtension" },
  { actor: "Ana Lima", action: "IMPORT", objectType: "importJob" },
  { actor: "Morgan Reyes", action: "CREATE", objectType: "accessToken" },
];

async function seedEntries() {
  // Only these entries: the demo's own would blur the expected orders.
  await server.db.deleteFrom("audit_events").execute();
  for (const [i, entry] of ENTRIES.entries()) {
    const actor = { ...TEST_ACTOR, id: `admin-${entry.actor}`, displayName: entry.actor };
    await recordAudit(server.db, actor, { action: entry.action, objectType: entry.objectType, objectId: `object-${i}`, objectName: `entry-${i}` });
  }
}

async function list(query: Record<string, string | number>) {
  const res = await server.app.inject({ url: urlOf(api.auditEvents.list, {}, query) });
  expect(res.statusCode, res.body).toBe(200);
  return auditEventListSchema.parse(res.json()).items.map((event) => event.objectName);
}

describe("GET /auditEvents?order= (ours)", () => {
  beforeAll(seedEntries);

  it("sorts by each column either way, ties by time the same way round", async () => {
    expect(await list({})).toEqual(["entry-4", "entry-3", "entry-2", "entry-1", "entry-0"]);
    expect(await list({ order: "time-desc" })).toEqual(["entry-4", "entry-3", "entry-2", "entry-1", "entry-0"]);
    expect(await list({ order: "time-asc" })).toEqual(["entry-0", "entry-1", "entry-2", "entry-3", "entry-4"]);
    expect(await list({ order: "actorName-asc" })).toEqual(["entry-1", "entry-3", "entry-0", "entry-4", "entry-2"]);
    expect(await list({ order: "actorName-desc" })).toEqual(["entry-2", "entry-4", "entry-0", "entry-3", "entry-1"]);
    // Actions by their codes: CREATE, DELETE, IMPORT, UPDATE.
    expect(await list({ order: "action-asc" })).toEqual(["entry-1", "entry-4", "entry-2", "entry-3", "entry-0"]);
    expect(await list({ order: "action-desc" })).toEqual(["entry-0", "entry-3", "entry-2", "entry-4", "entry-1"]);
    expect(await list({ order: "objectType-asc" })).toEqual(["entry-4", "entry-0", "entry-1", "entry-2", "entry-3"]);
    expect(await list({ order: "objectType-desc" })).toEqual(["entry-3", "entry-2", "entry-1", "entry-0", "entry-4"]);
    // Filters and order go together.
    expect(await list({ objectType: "callParkExtension", order: "actorName-desc" })).toEqual(["entry-2", "entry-1"]);
  });

  it("pages a sort without repeating or skipping an entry", async () => {
    for (const order of ["actorName-asc", "action-desc", "objectType-asc", "time-asc"]) {
      const whole = await list({ order });
      const paged = [];
      for (let start = 0; start < ENTRIES.length; start += 2) paged.push(...(await list({ order, start, max: 2 })));
      expect(paged, order).toEqual(whole);
    }
  });

  it("gives each column's other direction as its list exactly reversed", async () => {
    for (const field of ["time", "actorName", "action", "objectType"]) {
      expect(await list({ order: `${field}-desc` }), field).toEqual((await list({ order: `${field}-asc` })).reverse());
    }
  });

  it("refuses an order it does not know with a 400 naming the field", async () => {
    for (const order of ["sourceIp-asc", "time-newest", "time,action,actorName"]) {
      const res = await server.app.inject({ url: urlOf(api.auditEvents.list, {}, { order }) });
      expect(expectApiError(res, "validation").issues, order).toEqual([
        expect.objectContaining({ path: ["order"], code: "invalidValue" }),
      ]);
    }
  });
});
