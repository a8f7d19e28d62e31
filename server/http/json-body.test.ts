import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { callParkExtensionListSchema } from "@domain/schemas/call-park-extension";
import { createGroup, groupTables } from "@server/features/call-parks/test-helpers";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, totals, useTestServer } from "@server/test/test-server";

// Webex client libraries send this header on every call, whether or not a body follows.
const json = { "content-type": "application/json" };

const server = useTestServer("each");
let locationId: string;
beforeEach(async () => {
  locationId = await locationIdOf(server.db, "San Jose HQ");
});

async function extensionIdOf(extension: string) {
  const res = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId, extension } });
  return callParkExtensionListSchema.parse(res.json()).callParkExtensions[0].id;
}

describe("Content-Type: application/json without a body", () => {
  it("deletes a call park extension", async () => {
    const callParkExtensionId = await extensionIdOf("5001");
    const url = urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId });
    const res = await server.app.inject({ method: "DELETE", url, headers: json });
    expect(res.statusCode, res.body).toBe(204);
    expect((await server.app.inject({ url, headers: json })).statusCode).toBe(404);
  });

  it("deletes a call park group", async () => {
    const callParkId = await createGroup(server, locationId, { name: "Dock" });
    const res = await server.app.inject({ method: "DELETE", url: urlOf(api.callParks.delete, { locationId, callParkId }), headers: json });
    expect(res.statusCode, res.body).toBe(204);
    expect((await groupTables(server.db)).parks).toEqual([]);
  });

  it("reads a list and an object", async () => {
    const list = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId }, headers: json });
    expect(list.statusCode, list.body).toBe(200);
    const got = await server.app.inject({ url: urlOf(api.locations.get, { locationId }), headers: json });
    expect(got.statusCode, got.body).toBe(200);
  });
});

describe("an empty JSON body where one is required", () => {
  it.each([
    ["POST a call park extension", () => ({ method: "POST" as const, url: urlOf(api.callParkExtensions.create, { locationId }) })],
    ["POST a call park group", () => ({ method: "POST" as const, url: urlOf(api.callParks.create, { locationId }) })],
    ["PUT the call park settings", () => ({ method: "PUT" as const, url: urlOf(api.callParkSettings.update, { locationId }) })],
    ["POST validateExtensions", () => ({ method: "POST" as const, url: urlOf(api.callParkExtensions.validateExtensions, { locationId }) })],
  ])("%s: 400 naming the missing body, as without a content type, writing nothing", async (_label, target) => {
    const before = await totals(server.db);
    const withType = await server.app.inject({ ...target(), headers: json, payload: "" });
    const issues = expectApiError(withType, "validation").issues;
    expect(issues).toEqual([{ path: [], code: "invalidType" }]);
    const withoutType = await server.app.inject({ ...target(), payload: "" });
    expect(expectApiError(withoutType, "validation").issues).toEqual(issues);
    expect(await totals(server.db)).toEqual(before);
  });

  it("still refuses JSON that does not parse, and prototype keys", async () => {
    const url = urlOf(api.callParkExtensions.create, { locationId });
    for (const payload of ["{", " ", '{"__proto__": {"admin": true}, "name": "P", "extension": "7001"}']) {
      expectApiError(await server.app.inject({ method: "POST", url, headers: json, payload }), "invalidJson");
    }
  });
});

describe("a JSON body that is not UTF-8", () => {
  const create = () => urlOf(api.callParkExtensions.create, { locationId });
  const storedNames = async () =>
    (await server.db.selectFrom("call_park_extensions").select("name").where("location_id", "=", locationId).execute()).map((row) => row.name);

  it("refuses bytes that are not UTF-8 with 400 invalidEncoding, storing nothing", async () => {
    const before = await totals(server.db);
    // "Caf" then 0xC3 0x28: a lead byte whose continuation is missing.
    const payload = Buffer.concat([Buffer.from('{"name":"Caf'), Buffer.from([0xc3, 0x28]), Buffer.from('","extension":"7001"}')]);
    expectApiError(await server.app.inject({ method: "POST", url: create(), headers: json, payload }), "invalidEncoding");
    expect(await totals(server.db)).toEqual(before);
  });

  it.each(["iso-8859-1", "Windows-1252", "utf-16"])("refuses a body declared as charset=%s with 400 invalidEncoding, storing nothing", async (charset) => {
    const before = await totals(server.db);
    const res = await server.app.inject({
      method: "POST",
      url: create(),
      headers: { "content-type": `application/json; charset=${charset}` },
      payload: Buffer.from('{"name":"Cafe","extension":"7001"}'),
    });
    expectApiError(res, "invalidEncoding");
    expect(await totals(server.db)).toEqual(before);
  });

  it.each(["UTF-8", "utf-8", '"utf-8"', "utf8"])("takes a body declared as charset=%s", async (charset) => {
    const res = await server.app.inject({
      method: "POST",
      url: create(),
      headers: { "content-type": `application/json; charset=${charset}` },
      payload: JSON.stringify({ name: "Declared", extension: "7001" }),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("stores UTF-8 with accents and emoji as sent", async () => {
    const name = "Recepção 🅿️ Café ñ 東京";
    const res = await server.app.inject({ method: "POST", url: create(), headers: json, payload: Buffer.from(JSON.stringify({ name, extension: "7001" }), "utf8") });
    expect(res.statusCode, res.body).toBe(201);
    const read = await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: res.json().id }) });
    expect(read.json().name).toBe(name);
    expect(await storedNames()).toContain(name);
  });
});
