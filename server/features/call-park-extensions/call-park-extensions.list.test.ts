import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { callParkExtensionListSchema } from "@domain/schemas/call-park-extension";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";

const server = useTestServer("all");

async function list(query: Record<string, string> = {}) {
  const res = await server.app.inject({ url: urlOf(api.callParkExtensions.list), query });
  expect(res.statusCode, res.body).toBe(200);
  return { res, items: callParkExtensionListSchema.parse(res.json()).callParkExtensions };
}

const labels = (items: { name: string; locationName: string }[]) => items.map((i) => `${i.name} @ ${i.locationName}`);

describe("GET /telephony/config/callParkExtensions: the whole organisation", () => {
  it("lists the 30 seeded call park extensions with their location and ESN", async () => {
    const { res, items } = await list();
    expect(items).toHaveLength(30);
    expect(res.headers["x-total-count"]).toBe("30");
    expect(res.headers.link).toBeUndefined();
    const sanJose = await locationIdOf(server.db, "San Jose HQ");
    expect(items.find((i) => i.locationId === sanJose && i.extension === "5003")).toEqual({
      id: expect.any(String),
      name: "Park 03",
      extension: "5003",
      routingPrefix: "8001",
      esn: "80015003",
      locationId: sanJose,
      locationName: "San Jose HQ",
    });
  });

  it("sorts by name, then location name, by default", async () => {
    const { items } = await list({ max: "3" });
    expect(labels(items)).toEqual([
      "Estacionamento 01 @ Florianópolis",
      "Estacionamento 01 @ São Paulo",
      "Estacionamento 02 @ Florianópolis",
    ]);
  });
});

describe("GET /telephony/config/callParkExtensions: filters", () => {
  it("filters by locationId", async () => {
    const london = await locationIdOf(server.db, "London");
    const { items } = await list({ locationId: london });
    expect(items.map((i) => i.extension).sort()).toEqual(["5001", "5002", "5003", "5004", "5005", "5006"]);
    expect(items.every((i) => i.locationId === london)).toBe(true);
  });

  it("answers an empty list for a location that does not exist", async () => {
    const { res, items } = await list({ locationId: "bm93aGVyZQ" });
    expect(items).toEqual([]);
    expect(res.headers["x-total-count"]).toBe("0");
  });

  it("filters by name, contained, ignoring case", async () => {
    expect(labels((await list({ name: "ESTACIONAMENTO 03" })).items)).toEqual([
      "Estacionamento 03 @ Florianópolis",
      "Estacionamento 03 @ São Paulo",
    ]);
    expect((await list({ name: "park 0" })).items).toHaveLength(18);
  });

  it("filters by extension prefix", async () => {
    expect((await list({ extension: "5004" })).items.map((i) => i.extension)).toEqual(Array(5).fill("5004"));
    expect((await list({ extension: "50" })).items).toHaveLength(30);
    expect((await list({ extension: "004" })).items).toEqual([]);
  });

  it("filters by location name, ignoring accents", async () => {
    const { items } = await list({ locationName: "sao paulo" });
    expect(items).toHaveLength(6);
    expect(new Set(items.map((i) => i.locationName))).toEqual(new Set(["São Paulo"]));
    expect((await list({ locationName: "FLORIANÓPOLIS" })).items).toHaveLength(6);
  });

  it("searches name or extension with q", async () => {
    expect((await list({ q: "5002" })).items.map((i) => i.extension)).toEqual(Array(5).fill("5002"));
    expect((await list({ q: "estac" })).items).toHaveLength(12);
    expect((await list({ q: "zzz" })).items).toEqual([]);
  });

  it("combines filters", async () => {
    const { items } = await list({ locationName: "new york", extension: "5006" });
    expect(labels(items)).toEqual(["Park 06 @ New York Office"]);
  });

  it("takes a LIKE wildcard literally", async () => {
    expect((await list({ name: "%" })).items).toEqual([]);
    expect((await list({ extension: "_" })).items).toEqual([]);
  });
});

describe("GET /telephony/config/callParkExtensions: order", () => {
  it("sorts by extension descending", async () => {
    const { items } = await list({ order: "extension-desc", max: "6" });
    expect(items.map((i) => i.extension)).toEqual(Array(5).fill("5006").concat("5005"));
  });

  it("accepts Webex's groupName|callParkExtension", async () => {
    const { items } = await list({ order: "groupName|callParkExtension", max: "7" });
    expect(items.map((i) => `${i.locationName} ${i.extension}`)).toEqual([
      "Florianópolis 5001",
      "Florianópolis 5002",
      "Florianópolis 5003",
      "Florianópolis 5004",
      "Florianópolis 5005",
      "Florianópolis 5006",
      "London 5001",
    ]);
  });

  it("accepts callParkExtensionName-desc", async () => {
    const { items } = await list({ order: "callParkExtensionName-desc,locationName", max: "2" });
    expect(labels(items)).toEqual(["Park 06 @ London", "Park 06 @ New York Office"]);
  });

  it("refuses an unknown sort field with 400 on order", async () => {
    const body = expectApiError(await server.app.inject({ url: urlOf(api.callParkExtensions.list), query: { order: "bogus" } }), "validation");
    expect(body.issues).toEqual([{ path: ["order"], code: "invalidValue", params: { value: "bogus" } }]);
  });
});

describe("GET /telephony/config/callParkExtensions: paging", () => {
  it("pages with start and max, linking to the next page", async () => {
    const { res, items } = await list({ max: "4", start: "8", name: "park" });
    expect(items).toHaveLength(4);
    expect(res.headers["x-total-count"]).toBe("18");
    const next = new URL(/^<([^>]+)>; rel="next"$/.exec(String(res.headers.link))![1]);
    expect(next.pathname).toBe(urlOf(api.callParkExtensions.list));
    expect(Object.fromEntries(next.searchParams)).toEqual({ name: "park", start: "12", max: "4" });
  });

  it("visits every item exactly once by following the links", async () => {
    const seen: string[] = [];
    let url: string | undefined = urlOf(api.callParkExtensions.list, {}, { max: 7, order: "extension" });
    while (url) {
      const res: LightMyRequestResponse = await server.app.inject({ url });
      seen.push(...callParkExtensionListSchema.parse(res.json()).callParkExtensions.map((i) => i.id));
      const link: URL | undefined = res.headers.link ? new URL(/^<([^>]+)>/.exec(String(res.headers.link))![1]) : undefined;
      url = link && `${link.pathname}${link.search}`;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it("omits the link on the last page and answers past the end with nothing", async () => {
    expect((await list({ start: "28", max: "2" })).res.headers.link).toBeUndefined();
    expect((await list({ start: "40" })).items).toEqual([]);
  });

  it.each([
    ["max=2.5", { max: "2.5" }, "max", "notInteger"],
    ["max=0", { max: "0" }, "max", "tooSmall"],
    ["max=ten", { max: "ten" }, "max", "invalidType"],
    ["start=1.5", { start: "1.5" }, "start", "notInteger"],
    ["start=-3", { start: "-3" }, "start", "tooSmall"],
  ])("refuses %s with 400", async (_label, query, field, code) => {
    const body = expectApiError(await server.app.inject({ url: urlOf(api.callParkExtensions.list), query }), "validation");
    expect(body.issues).toEqual([expect.objectContaining({ path: [field], code })]);
  });

  it("allows max=1000", async () => {
    expect((await list({ max: "1000" })).items).toHaveLength(30);
  });
});
