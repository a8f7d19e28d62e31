import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { ALL_LOCATIONS } from "@domain/rules/access";
import { callParkHealthSchema } from "@domain/schemas/call-park-health";
import { type Db, onQuery, openDatabase } from "@server/db/database";
import { buildOrganization, DEMO_LOCATIONS, insertOrganization } from "@server/db/seed";
import { buildTestApp, locationIdOf, TEST_ACTOR } from "@server/test/test-server";
import * as callParks from "@server/features/call-parks/call-parks.service";
import { callParkHealth } from "./call-park-health.service";

// 1,000 locations × 100 call park extensions (as `npm run seed:large` makes): the whole
// organisation's health is three queries, however many locations, groups and extensions, and
// an answer the screen can download whole: call park extensions in no group are one finding
// per location (how many, the first five named), not one per call park extension.

const LOCATIONS = 1000;
const PER_LOCATION = 100;

let db: Db;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  db = await openDatabase("sqlite::memory:");
  const locations = Array.from({ length: LOCATIONS }, (_, i) => ({ ...DEMO_LOCATIONS[i % 5], name: `${DEMO_LOCATIONS[i % 5].name} ${String(i + 1).padStart(4, "0")}` }));
  await insertOrganization(db, buildOrganization({ locations, peoplePerLocation: 2, callParkExtensionsPerLocation: PER_LOCATION }));
  // A group in a few locations, each parking on two of its call park extensions.
  for (const name of ["San Jose HQ 0001", "London 0005", "São Paulo 0503"]) {
    const locationId = await locationIdOf(db, name);
    const extensions = await db.selectFrom("call_park_extensions").select("id").where("location_id", "=", locationId).orderBy("extension").limit(2).execute();
    const members = await db.selectFrom("members").select("id").where("location_id", "=", locationId).orderBy("id").limit(2).execute();
    await callParks.createCallPark(db, locationId, { name: "Dock", recall: { option: "ALERT_PARKING_USER_ONLY" }, agents: members.map((m) => m.id), callParkExtensions: extensions.map((e) => e.id) }, TEST_ACTOR);
  }
  app = await buildTestApp(db);
}, 240_000);
afterAll(async () => {
  await app?.close();
  await db?.destroy();
});

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const stop = onQuery(db, () => (queries += 1));
  try {
    return { result: await work(), queries };
  } finally {
    stop();
  }
}

describe("the health check of 1,000 locations × 100 call park extensions", () => {
  it("reads the whole organisation in three queries", async () => {
    const { result, queries } = await counted(() => callParkHealth(db, { scope: ALL_LOCATIONS }));
    expect(queries).toBe(3);
    const kinds = new Map<string, number>();
    for (const f of result.findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    // Every location is full, and has call park extensions in no group: one finding of each per location.
    expect(Object.fromEntries(kinds)).toEqual({ LOCATION_NEAR_LIMIT: LOCATIONS, EXTENSION_IN_NO_GROUP: LOCATIONS });
    // Every call park extension but the six the groups park on is counted, and no more than five named.
    const inNoGroup = result.findings.flatMap((f) => (f.kind === "EXTENSION_IN_NO_GROUP" ? [f] : []));
    expect(inNoGroup.reduce((sum, f) => sum + f.count, 0)).toBe(LOCATIONS * PER_LOCATION - 6);
    expect(Math.max(...inNoGroup.map((f) => f.extensions.length))).toBe(5);
    const dock = inNoGroup.find((f) => f.locationName === "London 0005");
    expect(dock).toMatchObject({ count: PER_LOCATION - 2, extensions: [5003, 5004, 5005, 5006, 5007].map((n) => expect.objectContaining({ extension: String(n) })) });
  });

  it("leaves the call park extensions out of the reads when another kind is asked for, and one location is one location", async () => {
    const near = await counted(() => callParkHealth(db, { scope: ALL_LOCATIONS, kind: "LOCATION_NEAR_LIMIT" }));
    expect(near.queries).toBe(2);
    expect(near.result.findings).toHaveLength(LOCATIONS);
    const london = await locationIdOf(db, "London 0005");
    const one = await counted(() => callParkHealth(db, { scope: { all: false, locationIds: [london] } }));
    expect(one.queries).toBe(3);
    expect(one.result.findings.map((f) => f.kind)).toEqual(["LOCATION_NEAR_LIMIT", "EXTENSION_IN_NO_GROUP"]);
  });

  it("answers through the API with every finding, a few per location, small enough for a browser to download whole", async () => {
    const res = await app.inject({ url: urlOf(api.callParkHealth.get) });
    expect(res.statusCode).toBe(200);
    const { findings } = callParkHealthSchema.parse(res.json());
    expect(findings).toHaveLength(LOCATIONS * 2);
    // At most a few findings per location, however many call park extensions each has…
    expect(findings.length).toBeLessThanOrEqual(LOCATIONS * 3);
    // …and so a small answer (one finding per call park extension made it 36 MB): ~1.45 MB of
    // JSON, ~1.5 KB a location for its two findings, most of it the ids of the location and of
    // the five call park extensions named (Webex ids, ~100 characters each)…
    expect(Buffer.byteLength(res.body)).toBeLessThan(LOCATIONS * 2_000);
    // …and under half a megabyte over the wire (~190 KB), compressed as a browser asks for it.
    const compressed = await app.inject({ url: urlOf(api.callParkHealth.get), headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(compressed.rawPayload.length).toBeLessThan(500_000);
  });
});
