import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { locationListSchema } from "@domain/schemas/location";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";

const server = useTestServer("all");

const names = async (query: Record<string, string>) => {
  const res = await server.app.inject({ url: urlOf(api.locations.list), query });
  expect(res.statusCode).toBe(200);
  return locationListSchema.parse(res.json()).items.map((l) => l.name);
};

describe("GET /locations?order= (ours)", () => {
  it("sorts by name either way", async () => {
    expect(await names({ order: "name-desc" })).toEqual(["São Paulo", "San Jose HQ", "New York Office", "London", "Florianópolis"]);
    expect(await names({ order: "name-asc" })).toEqual(["Florianópolis", "London", "New York Office", "San Jose HQ", "São Paulo"]);
  });

  it("sorts by call park extensions held, then by name, and pages in that order", async () => {
    // The demo gives each location six: London loses two, São Paulo one.
    for (const [location, drop] of [["London", 2], ["São Paulo", 1]] as const) {
      const locationId = await locationIdOf(server.db, location);
      const ids = await server.db
        .selectFrom("call_park_extensions")
        .select("id")
        .where("location_id", "=", locationId)
        .limit(drop)
        .execute();
      for (const { id } of ids) {
        const res = await server.app.inject({
          method: "DELETE",
          url: urlOf(api.callParkExtensions.delete, { locationId, callParkExtensionId: id }),
        });
        expect(res.statusCode).toBe(204);
      }
    }
    expect(await names({ order: "callParkExtensions-asc" })).toEqual([
      "London",
      "São Paulo",
      "Florianópolis",
      "New York Office",
      "San Jose HQ",
    ]);
    expect(await names({ order: "callParkExtensions-desc" })).toEqual([
      "Florianópolis",
      "New York Office",
      "San Jose HQ",
      "São Paulo",
      "London",
    ]);
    expect(await names({ order: "callParkExtensions-asc", start: "1", max: "2" })).toEqual(["São Paulo", "Florianópolis"]);
  });

  it("refuses a field it cannot sort by", async () => {
    const res = await server.app.inject({ url: urlOf(api.locations.list), query: { order: "timeZone" } });
    expectApiError(res, "validation");
  });
});
