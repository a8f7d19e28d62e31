import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { locationListSchema, locationSchema } from "@domain/schemas/location";
import { DEMO_LOCATIONS } from "@server/db/seed";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";

const server = useTestServer("all");

describe("GET /locations", () => {
  it("lists every location, sorted by name without accents, with their Webex fields", async () => {
    const res = await server.app.inject({ url: urlOf(api.locations.list) });
    expect(res.statusCode).toBe(200);
    const { items } = locationListSchema.parse(res.json());
    expect(items.map((l) => l.name)).toEqual(["Florianópolis", "London", "New York Office", "San Jose HQ", "São Paulo"]);
    expect(items).toHaveLength(DEMO_LOCATIONS.length);
    expect(res.headers["x-total-count"]).toBe("5");
    expect(res.headers.link).toBeUndefined();
    const saoPaulo = items.find((l) => l.name === "São Paulo");
    expect(saoPaulo).toMatchObject({
      address: { city: "São Paulo", state: "SP", postalCode: "04578-000", country: "BR" },
      timeZone: "America/Sao_Paulo",
      preferredLanguage: "pt_br",
      announcementLanguage: "pt_br",
    });
    expect(saoPaulo?.address).not.toHaveProperty("address2");
  });

  it.each([
    ["sao", ["São Paulo"]],
    ["SÃO PAULO", ["São Paulo"]],
    ["florianopolis", ["Florianópolis"]],
    ["o", ["Florianópolis", "London", "New York Office", "San Jose HQ", "São Paulo"]],
    ["nowhere", []],
    ["%", []],
  ])("filters by name %j, ignoring case and accents", async (name, expected) => {
    const res = await server.app.inject({ url: urlOf(api.locations.list), query: { name } });
    expect(res.statusCode).toBe(200);
    expect(locationListSchema.parse(res.json()).items.map((l) => l.name)).toEqual(expected);
    expect(res.headers["x-total-count"]).toBe(String(expected.length));
  });

  it("filters by id", async () => {
    const id = await locationIdOf(server.db, "London");
    const res = await server.app.inject({ url: urlOf(api.locations.list), query: { id } });
    expect(locationListSchema.parse(res.json()).items.map((l) => l.id)).toEqual([id]);
  });

  it("pages with start and max, linking to the next page while more remain", async () => {
    const first = await server.app.inject({ url: urlOf(api.locations.list), query: { max: "2" } });
    expect(locationListSchema.parse(first.json()).items.map((l) => l.name)).toEqual(["Florianópolis", "London"]);
    expect(first.headers["x-total-count"]).toBe("5");
    const link = String(first.headers.link);
    expect(link).toMatch(/^<[^>]+>; rel="next"$/);
    const next = new URL(/^<([^>]+)>/.exec(link)![1]);
    expect(next.pathname).toBe(urlOf(api.locations.list));
    expect(next.searchParams.get("start")).toBe("2");
    expect(next.searchParams.get("max")).toBe("2");

    const second = await server.app.inject({ url: `${next.pathname}${next.search}` });
    expect(locationListSchema.parse(second.json()).items.map((l) => l.name)).toEqual(["New York Office", "San Jose HQ"]);
    const last = await server.app.inject({ url: urlOf(api.locations.list), query: { start: "4", max: "2" } });
    expect(locationListSchema.parse(last.json()).items.map((l) => l.name)).toEqual(["São Paulo"]);
    expect(last.headers.link).toBeUndefined();
  });

  it("keeps the other filters in the next link", async () => {
    const res = await server.app.inject({ url: urlOf(api.locations.list), query: { name: "o", max: "1" } });
    const next = new URL(/^<([^>]+)>/.exec(String(res.headers.link))![1]);
    expect(next.searchParams.get("name")).toBe("o");
    expect(next.searchParams.get("start")).toBe("1");
  });

  it.each([
    ["max not a whole number", { max: "2.5" }, ["max"], "notInteger"],
    ["max not a number", { max: "all" }, ["max"], "invalidType"],
    ["negative start", { start: "-1" }, ["start"], "tooSmall"],
    ["name over 200 characters", { name: "x".repeat(201) }, ["name"], "tooLong"],
  ])("refuses %s with 400 and the field's issue", async (_label, query, path, code) => {
    const body = expectApiError(await server.app.inject({ url: urlOf(api.locations.list), query }), "validation");
    expect(body.issues).toEqual([expect.objectContaining({ path, code })]);
  });
});

describe("GET /locations/{locationId}", () => {
  it("answers the location", async () => {
    const id = await locationIdOf(server.db, "New York Office");
    const res = await server.app.inject({ url: urlOf(api.locations.get, { locationId: id }) });
    expect(res.statusCode).toBe(200);
    expect(locationSchema.parse(res.json())).toMatchObject({ id, name: "New York Office", timeZone: "America/New_York" });
  });

  it("answers 404 locationNotFound for an unknown id", async () => {
    const body = expectApiError(await server.app.inject({ url: urlOf(api.locations.get, { locationId: "bm90LWEtbG9jYXRpb24" }) }), "locationNotFound");
    expect(body.params).toEqual({ id: "bm90LWEtbG9jYXRpb24" });
  });

  it("answers 404 for an id longer than any id can be", async () => {
    expectApiError(await server.app.inject({ url: urlOf(api.locations.get, { locationId: "x".repeat(501) }) }), "routeNotFound");
  });
});
