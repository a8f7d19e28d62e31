import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type Db, openDatabase } from "@server/db/database";
import { buildOrganization, DEMO_LOCATIONS, insertOrganization, seedDemoAdministrators } from "@server/db/seed";
import { expectApiError } from "@server/test/api-error";
import { buildTestApp, type TestApp } from "@server/test/test-server";

// More than one page at either limit: 1,010 locations (limit 1000) of 3 call park extensions (limit 2000).
const LOCATIONS = 1010;
const EXTENSIONS = 3 * LOCATIONS;
let db: Db;
let app: TestApp;

beforeAll(async () => {
  db = await openDatabase("sqlite::memory:");
  const locations = Array.from({ length: LOCATIONS }, (_, i) => ({ ...DEMO_LOCATIONS[0], name: `Site ${String(i).padStart(4, "0")}` }));
  await insertOrganization(db, buildOrganization({ locations, peoplePerLocation: 0, callParkExtensionsPerLocation: 3 }));
  await seedDemoAdministrators(db);
  app = await buildTestApp(db);
});
afterAll(async () => {
  await app?.close();
  await db.destroy();
});

/** The next page's address from `Link: <…>; rel="next"`, or undefined on the last page. */
function nextOf(res: LightMyRequestResponse) {
  const link = res.headers.link ? /^<([^>]+)>; rel="next"$/.exec(String(res.headers.link)) : null;
  return link ? new URL(link[1]) : undefined;
}

describe("a max above the limit is read as the limit, as Webex does", () => {
  it("the call park extension list: max=5000 answers pages of 2000, linked by max=2000", async () => {
    const first = await app.inject({ url: urlOf(api.callParkExtensions.list, {}, { max: 5000 }) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().callParkExtensions).toHaveLength(2000);
    expect(first.headers["x-total-count"]).toBe(String(EXTENSIONS));
    const next = nextOf(first)!;
    expect(Object.fromEntries(next.searchParams)).toEqual({ start: "2000", max: "2000" });

    const last = await app.inject({ url: `${next.pathname}${next.search}` });
    expect(last.json().callParkExtensions).toHaveLength(EXTENSIONS - 2000);
    expect(nextOf(last)).toBeUndefined();
  });

  it("the call park extension list defaults to pages of 2000, as Webex's", async () => {
    const res = await app.inject({ url: urlOf(api.callParkExtensions.list) });
    expect(res.json().callParkExtensions).toHaveLength(2000);
    expect(nextOf(res)?.searchParams.get("max")).toBe("2000");
  });

  it("the locations list, limited to 1000: max=5000 answers 1000 and links the rest by max=1000", async () => {
    const first = await app.inject({ url: urlOf(api.locations.list, {}, { max: 5000 }) });
    expect(first.json().items).toHaveLength(1000);
    const next = nextOf(first)!;
    expect(Object.fromEntries(next.searchParams)).toEqual({ max: "1000", start: "1000" });
    const last = await app.inject({ url: `${next.pathname}${next.search}` });
    expect(last.json().items).toHaveLength(LOCATIONS - 1000);
    expect(nextOf(last)).toBeUndefined();
  });

  it.each([
    ["text", "ten", "invalidType"],
    ["a fraction", "2.5", "notInteger"],
    ["a fraction above the limit", "5000.5", "notInteger"],
    ["zero", "0", "tooSmall"],
    ["a negative number", "-5000", "tooSmall"],
  ])("still refuses %s with 400", async (_label, max, code) => {
    const res = await app.inject({ url: urlOf(api.callParkExtensions.list, {}, { max }) });
    expect(expectApiError(res, "validation").issues).toEqual([expect.objectContaining({ path: ["max"], code })]);
  });
});
