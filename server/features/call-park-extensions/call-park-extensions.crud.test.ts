import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { callParkExtensionListSchema } from "@domain/schemas/call-park-extension";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, snapshot, totals, useTestServer } from "@server/test/test-server";

const server = useTestServer("each");

async function create(locationId: string, payload: unknown) {
  return server.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId }), payload: payload as object });
}

async function seededId(locationName: string, extension: string) {
  const locationId = await locationIdOf(server.db, locationName);
  const res = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { locationId, extension } });
  const [item] = callParkExtensionListSchema.parse(res.json()).callParkExtensions;
  return { locationId, id: item.id };
}

describe("POST …/locations/{locationId}/callParkExtensions", () => {
  it("creates, answering 201 with only the new id", async () => {
    const locationId = await locationIdOf(server.db, "San Jose HQ");
    const res = await create(locationId, { name: "  Lobby Park  ", extension: " 7001 " });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body)).toEqual(["id"]);
    expect(Buffer.from(body.id, "base64url").toString()).toMatch(/^ciscospark:\/\/us\/CALL_PARK_EXTENSION\/[0-9a-f-]{36}$/);

    const get = await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: body.id }) });
    expect(get.json()).toEqual({ name: "Lobby Park", extension: "7001", routingPrefix: "8001", esn: "80017001" });
    const after = await snapshot(server.db, locationId);
    expect(after.count).toBe(7);
    expect(after.numbers).toContainEqual({ location_id: locationId, extension: "7001", owner_type: "CALL_PARK_EXTENSION", owner_id: body.id });
  });

  it("stores the name in NFC and finds it without accents", async () => {
    const locationId = await locationIdOf(server.db, "São Paulo");
    expect((await create(locationId, { name: "Recepc\u0327a\u0303o", extension: "7002" })).statusCode).toBe(201);
    const res = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { name: "recepcao" } });
    expect(callParkExtensionListSchema.parse(res.json()).callParkExtensions.map((i) => i.name)).toEqual(["Recepção"]);
  });

  it("allows the same extension in two locations", async () => {
    const sanJose = await locationIdOf(server.db, "San Jose HQ");
    const london = await locationIdOf(server.db, "London");
    expect((await create(sanJose, { name: "A", extension: "7100" })).statusCode).toBe(201);
    expect((await create(london, { name: "A", extension: "7100" })).statusCode).toBe(201);
  });

  it("answers 404 locationNotFound for an unknown location, writing nothing", async () => {
    const before = await totals(server.db);
    expectApiError(await create("bm93aGVyZQ", { name: "A", extension: "7001" }), "locationNotFound");
    expect(await totals(server.db)).toEqual(before);
  });
});

describe("GET …/callParkExtensions/{id}", () => {
  it("answers name, extension and ESN, without an id field", async () => {
    const { locationId, id } = await seededId("New York Office", "5002");
    const res = await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: id }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: "Park 02", extension: "5002", routingPrefix: "8002", esn: "80025002" });
  });

  it("answers 404 for an unknown id and for an id of another location", async () => {
    const { id } = await seededId("New York Office", "5002");
    const london = await locationIdOf(server.db, "London");
    expectApiError(await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId: london, callParkExtensionId: "bm9wZQ" }) }), "callParkExtensionNotFound");
    expectApiError(await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId: london, callParkExtensionId: id }) }), "callParkExtensionNotFound");
  });

  it("answers 404 locationNotFound when the location does not exist", async () => {
    const { id } = await seededId("New York Office", "5002");
    expectApiError(await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId: "bm93aGVyZQ", callParkExtensionId: id }) }), "locationNotFound");
  });
});

describe("PUT …/callParkExtensions/{id}", () => {
  async function put(locationId: string, id: string, payload: unknown) {
    return server.app.inject({ method: "PUT", url: urlOf(api.callParkExtensions.update, { locationId, callParkExtensionId: id }), payload: payload as object });
  }
  const get = async (locationId: string, id: string) =>
    (await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: id }) })).json();

  it("renames only, answering 204 with no body and keeping the extension and id", async () => {
    const { locationId, id } = await seededId("London", "5003");
    const res = await put(locationId, id, { name: "Front Desk" });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(await get(locationId, id)).toMatchObject({ name: "Front Desk", extension: "5003" });
  });

  it("changes only the extension, moving its place in the numbering plan", async () => {
    const { locationId, id } = await seededId("London", "5003");
    expect((await put(locationId, id, { extension: "7003" })).statusCode).toBe(204);
    expect(await get(locationId, id)).toMatchObject({ name: "Park 03", extension: "7003", esn: "80057003" });
    const { numbers, count } = await snapshot(server.db, locationId);
    expect(numbers.filter((n) => n.owner_id === id).map((n) => n.extension)).toEqual(["7003"]);
    expect(count).toBe(6);
    expect((await create(locationId, { name: "Reuse", extension: "5003" })).statusCode).toBe(201);
  });

  it("accepts an empty body and its own extension as no change", async () => {
    const { locationId, id } = await seededId("London", "5004");
    const before = await snapshot(server.db, locationId);
    expect((await put(locationId, id, {})).statusCode).toBe(204);
    expect((await put(locationId, id, { extension: "5004" })).statusCode).toBe(204);
    expect(await snapshot(server.db, locationId)).toEqual(before);
  });

  it("answers 404 for an id of another location, changing nothing", async () => {
    const { id } = await seededId("London", "5004");
    const sanJose = await locationIdOf(server.db, "San Jose HQ");
    expectApiError(await put(sanJose, id, { name: "Hijack" }), "callParkExtensionNotFound");
    expect(await get(await locationIdOf(server.db, "London"), id)).toMatchObject({ name: "Park 04" });
  });

  it("answers 404 for an unknown location", async () => {
    const { id } = await seededId("London", "5004");
    expectApiError(await put("bm93aGVyZQ", id, { name: "X" }), "locationNotFound");
  });
});

describe("DELETE …/callParkExtensions/{id}", () => {
  it("answers 204, then 404, and frees the extension and the slot", async () => {
    const { locationId, id } = await seededId("San Jose HQ", "5006");
    const res = await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: id }) });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expectApiError(await server.app.inject({ url: urlOf(api.callParkExtensions.get, { locationId, callParkExtensionId: id }) }), "callParkExtensionNotFound");
    expectApiError(
      await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: id }) }),
      "callParkExtensionNotFound",
    );
    const after = await snapshot(server.db, locationId);
    expect(after.count).toBe(5);
    expect(after.extensions).toHaveLength(5);
    expect(after.numbers.some((n) => n.owner_id === id)).toBe(false);
  });

  it("answers 404 for an id of another location, deleting nothing", async () => {
    const { locationId, id } = await seededId("San Jose HQ", "5006");
    const london = await locationIdOf(server.db, "London");
    const before = await snapshot(server.db, locationId);
    expectApiError(
      await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId: london, callParkExtensionId: id }) }),
      "callParkExtensionNotFound",
    );
    expect(await snapshot(server.db, locationId)).toEqual(before);
  });
});
