import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expectApiError } from "@server/test/api-error";
import { useTestServer } from "@server/test/test-server";
import { createGroup, fixture, groupTables } from "./test-helpers";

// Bodies and queries that never reach the service: each is a 400 (or 404/413/415)
// in the Webex error body, never a 5xx, and writes nothing.
const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;
let groupId: string;

beforeEach(async () => {
  f = await fixture(server.db);
  groupId = await createGroup(server, f.locationId, { name: "Existing", agents: [f.people[0]] });
});

const recall = { option: "ALERT_PARKING_USER_ONLY" };

function send(method: "POST" | "PUT", body: string, headers: Record<string, string> = {}) {
  return server.app.inject({
    method,
    url: method === "POST" ? urlOf(api.callParks.create, { locationId: f.locationId }) : urlOf(api.callParks.update, { locationId: f.locationId, callParkId: groupId }),
    headers: { "content-type": "application/json", ...headers },
    payload: body,
  });
}

async function unchanged(request: () => ReturnType<typeof send>) {
  const before = await groupTables(server.db);
  const res = await request();
  expect(await groupTables(server.db)).toEqual(before);
  return res;
}

describe.each(["POST", "PUT"] as const)("%s: malformed bodies", (method) => {
  it.each([
    ["truncated JSON", '{"name": "G", '],
    ["a __proto__ key", '{"__proto__": {"admin": true}, "name": "G"}'],
  ])("refuses %s with 400 invalidJson", async (_label, body) => {
    expectApiError(await unchanged(() => send(method, body)), "invalidJson");
  });

  it("refuses an array as the body", async () => {
    const res = await unchanged(() => send(method, JSON.stringify([{ name: "G", recall }])));
    expect(expectApiError(res, "validation").issues).toEqual([{ path: [], code: "invalidType" }]);
  });

  it("refuses a non-JSON content type with 415", async () => {
    const res = await unchanged(() => send(method, "name=G", { "content-type": "application/x-www-form-urlencoded" }));
    expectApiError(res, "unsupportedMediaType");
  });

  it("refuses unknown fields, naming them, including Webex's read-only ones", async () => {
    const res = await unchanged(() => send(method, JSON.stringify({ name: "G", recall, id: "x", locationId: "y" })));
    expect(expectApiError(res, "validation").issues).toEqual([{ path: [], code: "unknownField", params: { keys: "id, locationId" } }]);
  });

  it("refuses an 81-character name and says so, accepting 80", async () => {
    const res = await unchanged(() => send(method, JSON.stringify({ name: "x".repeat(81), recall })));
    const body = expectApiError(res, "validation");
    expect(body.issues).toEqual([{ path: ["name"], code: "tooLong", params: { max: 80 } }]);
    expect(body.message).toBe("Some values are not valid. name: Enter at most 80 characters.");
    expect((await send(method, JSON.stringify({ name: "x".repeat(80), recall }))).statusCode).toBeLessThan(300);
  });

  it("refuses wrong types at their paths", async () => {
    const res = await unchanged(() =>
      send(method, JSON.stringify({ name: 5, recall: { option: "SOMETIMES" }, agents: "p1", parkOnAgentsEnabled: "yes", callParkExtensions: [7] })),
    );
    expect(expectApiError(res, "validation").issues).toEqual([
      { path: ["name"], code: "invalidType" },
      { path: ["recall", "option"], code: "invalidValue" },
      { path: ["agents"], code: "invalidType" },
      { path: ["parkOnAgentsEnabled"], code: "invalidType" },
      { path: ["callParkExtensions", 0], code: "invalidType" },
    ]);
  });

  it("refuses a name of control characters", async () => {
    const res = await unchanged(() => send(method, JSON.stringify({ name: "Desk\u202e", recall })));
    expect(expectApiError(res, "validation").issues).toEqual([{ path: ["name"], code: "invalidCharacters" }]);
  });
});

describe("create requires name and recall", () => {
  it("answers required for each", async () => {
    const res = await unchanged(() => send("POST", "{}"));
    expect(expectApiError(res, "validation").issues).toEqual([
      { path: ["name"], code: "required" },
      { path: ["recall"], code: "required" },
    ]);
  });

  it("in Portuguese when asked", async () => {
    const res = await unchanged(() => send("POST", JSON.stringify({ name: "x".repeat(81), recall }), { "accept-language": "pt-BR" }));
    expect(expectApiError(res, "validation").message).toBe("Alguns valores não são válidos. name: Insira no máximo 80 caracteres.");
  });
});

describe("update takes any part alone", () => {
  it("answers 200 to an empty body, changing nothing", async () => {
    const res = await unchanged(() => send("PUT", "{}"));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: groupId });
  });
});

describe("queries", () => {
  it.each([
    ["orgList", { max: "0" }, ["max"], "tooSmall"],
    ["orgList", { order: "extension" }, ["order"], "invalidValue"],
    ["list", { start: "-1" }, ["start"], "tooSmall"],
    ["availableUsers", { order: "lname|fname|number|extension" }, ["order"], "invalidValue"],
    ["availableUsers", { includeAssigned: "1" }, ["includeAssigned"], "invalidValue"],
    ["availableUsers", { phoneNumber: "1".repeat(65) }, ["phoneNumber"], "tooLong"],
    ["availableRecallHuntGroups", { order: "fname" }, ["order"], "invalidValue"],
    ["availableCallParkExtensions", { max: "2.5" }, ["max"], "notInteger"],
  ] as const)("%s %o: 400 at %o", async (target, query, path, code) => {
    // Each target names its list in api.callParks; only the organisation's list has no location.
    const url = target === "orgList" ? urlOf(api.callParks.orgList) : urlOf(api.callParks[target], { locationId: f.locationId });
    const res = await server.app.inject({ url, query });
    expect(expectApiError(res, "validation").issues).toEqual([expect.objectContaining({ path, code })]);
  });

  it("takes this organisation's orgId and ignores parameters it does not know", async () => {
    const { id: orgId } = await server.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    const res = await server.app.inject({ url: urlOf(api.callParks.list, { locationId: f.locationId }), query: { orgId, colour: "red" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().callParks).toHaveLength(1);
  });
});

describe("path parameters", () => {
  it("answers 404 for ids past the length a real one has", async () => {
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.get, { locationId: f.locationId, callParkId: "x".repeat(501) }) }), "routeNotFound");
  });

  it("answers 404 routeNotFound for a method the API does not have", async () => {
    expectApiError(await server.app.inject({ method: "PATCH", url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: groupId }) }), "routeNotFound");
  });
});

describe("never a 5xx", () => {
  it("answers 4xx to a barrage of odd requests", async () => {
    const location = { locationId: f.locationId };
    const group = { ...location, callParkId: groupId };
    const odd = [
      { method: "POST" as const, url: urlOf(api.callParks.create, location), payload: { name: "G", recall: null } },
      { method: "POST" as const, url: urlOf(api.callParks.create, location), payload: { name: "G", recall, agents: [null] } },
      { method: "POST" as const, url: urlOf(api.callParks.create, location), payload: { name: "G", recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: 7 } } },
      { method: "PUT" as const, url: urlOf(api.callParks.update, group), payload: { recall: { huntGroupId: f.support } } },
      { method: "PUT" as const, url: urlOf(api.callParks.update, group), payload: { agents: Array(1001).fill(f.people[0]) } },
      { method: "GET" as const, url: urlOf(api.callParks.list, location, { order: "__proto__" }) },
      { method: "GET" as const, url: urlOf(api.callParks.availableUsers, location, { order: "constructor" }) },
      { method: "GET" as const, url: urlOf(api.callParks.availableUsers, location, { callParkId: "bm9wZQ" }) },
      { method: "GET" as const, url: urlOf(api.callParks.availableCallParkExtensions, { locationId: "bm93aGVyZQ" }) },
      { method: "DELETE" as const, url: urlOf(api.callParks.delete, { locationId: "bm93aGVyZQ", callParkId: groupId }) },
    ];
    for (const request of odd) {
      const res = await server.app.inject(request);
      expect(res.statusCode, `${request.method} ${request.url} ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${request.method} ${request.url} ${res.body}`).toBeLessThan(500);
    }
  });
});
