import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { RecallOption } from "@domain/rules/recall";
import { locationListSchema, locationWithCountsSchema } from "@domain/schemas/location";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";

// `include=callParkCounts` is our addition: the Locations list shows how many call park
// extensions and groups each location holds, and the settings page whether any group
// of the location uses the Alert Hunt Group Wait Time.
const server = useTestServer("each");

async function addGroup(locationId: string, name: string, recallOption: RecallOption) {
  await server.db
    .insertInto("call_parks")
    .values({
      id: `group-${name}`,
      location_id: locationId,
      name,
      name_key: name.toLowerCase(),
      recall_option: recallOption,
      recall_hunt_group_id: null,
      park_on_agents_enabled: 0,
      created_at: "2026-01-05T09:00:00.000Z",
    })
    .execute();
}

async function countsByName(query: Record<string, string> = {}) {
  const res = await server.app.inject({ url: urlOf(api.locations.list), query: { include: "callParkCounts", ...query } });
  expect(res.statusCode).toBe(200);
  const { items } = locationListSchema.parse(res.json());
  return Object.fromEntries(items.map((l) => [l.name, l.callParkCounts]));
}

describe("GET /locations?include=callParkCounts", () => {
  it("counts each location's call park extensions and groups", async () => {
    const london = await locationIdOf(server.db, "London");
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    await addGroup(london, "Front desk", "ALERT_PARKING_USER_ONLY");
    await addGroup(london, "Warehouse", "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP");
    await addGroup(london, "Dock", "ALERT_HUNT_GROUP_ONLY");
    await addGroup(saoPaulo, "Recepção", "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP");
    const created = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId: london }),
      payload: { name: "Extra", extension: "7001" },
    });
    expect(created.statusCode).toBe(201);

    const counts = await countsByName();
    expect(counts.London).toEqual({ callParkExtensions: 7, callParks: 3, callParksUsingHuntWaitTime: 1 });
    expect(counts["São Paulo"]).toEqual({ callParkExtensions: 6, callParks: 1, callParksUsingHuntWaitTime: 1 });
    expect(counts["San Jose HQ"]).toEqual({ callParkExtensions: 6, callParks: 0, callParksUsingHuntWaitTime: 0 });
  });

  it("keeps search and paging as without it", async () => {
    const res = await server.app.inject({ url: urlOf(api.locations.list), query: { include: "callParkCounts", name: "sao", max: "1" } });
    expect(locationListSchema.parse(res.json()).items.map((l) => [l.name, l.callParkCounts?.callParks])).toEqual([
      ["São Paulo", 0],
    ]);
    expect(res.headers["x-total-count"]).toBe("1");
  });

  it("leaves the Webex answer untouched without it", async () => {
    const res = await server.app.inject({ url: urlOf(api.locations.list) });
    for (const item of res.json().items) expect(item).not.toHaveProperty("callParkCounts");
  });

  it("refuses anything else to include", async () => {
    const res = await server.app.inject({ url: urlOf(api.locations.list), query: { include: "everything" } });
    expect(expectApiError(res, "validation").issues).toEqual([{ path: ["include"], code: "invalidValue" }]);
  });
});

describe("GET /locations/{locationId}?include=callParkCounts", () => {
  it("adds the counts to one location", async () => {
    const id = await locationIdOf(server.db, "New York Office");
    await addGroup(id, "Lobby", "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP");
    const res = await server.app.inject({ url: urlOf(api.locations.get, { locationId: id }), query: { include: "callParkCounts" } });
    expect(locationWithCountsSchema.parse(res.json())).toMatchObject({
      id,
      name: "New York Office",
      callParkCounts: { callParkExtensions: 6, callParks: 1, callParksUsingHuntWaitTime: 1 },
    });
    const plain = await server.app.inject({ url: urlOf(api.locations.get, { locationId: id }) });
    expect(plain.json()).not.toHaveProperty("callParkCounts");
  });

  it("still answers 404 for an unknown location", async () => {
    const res = await server.app.inject({ url: urlOf(api.locations.get, { locationId: "bm93aGVyZQ" }), query: { include: "callParkCounts" } });
    expectApiError(res, "locationNotFound");
  });
});
