import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { closeObjects, compile, hasEmptyResponse, loadSpec, responseSchema, violations } from "@server/test/openapi";
import { useTestServer } from "@server/test/test-server";
import { createGroup, fixture } from "./test-helpers";

// Each operation's answer against the public Webex spec, every object closed
// (additionalProperties: false), so a misspelled or invented field fails here.
const spec = loadSpec("webex-call-park-openapi.yml");
const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;

const LIST = "/telephony/config/locations/{locationId}/callParks";
const ITEM = `${LIST}/{callParkId}`;

type Method = "get" | "post" | "put";

function closed(specPath: string, method: Method, status: number) {
  return closeObjects(responseSchema(spec!, specPath, method, status)) as Record<string, unknown>;
}

function strictValidator(specPath: string, method: Method, status: number) {
  return compile(closed(specPath, method, status));
}

beforeEach(async () => {
  f = await fixture(server.db);
});

/** A group using every kind of member, destinations and a hunt-group recall. */
function fullGroup() {
  return createGroup(server, f.locationId, {
    name: "Front Desk",
    recall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: f.support },
    agents: [f.people[0], f.workspace, f.virtualLine],
    callParkExtensions: [f.extensions[1], f.extensions[0]],
  });
}

describe.skipIf(!spec)("call parks against webex-call-park-openapi.yml", () => {
  it("closing the schemas really refuses an invented field", () => {
    const validate = strictValidator(ITEM, "get", 200);
    const minimal = { id: "x", name: "G", recall: { option: "ALERT_PARKING_USER_ONLY" }, parkOnAgentsEnabled: false };
    expect(violations(validate, minimal)).toEqual([]);
    expect(violations(validate, { ...minimal, locationId: "L" })).not.toEqual([]);
    expect(violations(validate, { ...minimal, agents: [{ id: "p", firstName: "a", lastName: "b", displayName: "c", type: "PEOPLE" }] })).not.toEqual([]);
  });

  it("POST …/callParks 201", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParks.create, { locationId: f.locationId }),
      payload: { name: "G", recall: { option: "ALERT_PARKING_USER_ONLY" } },
    });
    expect(res.statusCode).toBe(201);
    expect(violations(strictValidator(LIST, "post", 201), res.json())).toEqual([]);
  });

  it("GET …/callParks/{callParkId} 200, for a full group and a bare one", async () => {
    const validate = strictValidator(ITEM, "get", 200);
    for (const id of [await fullGroup(), await createGroup(server, f.locationId, { name: "Bare" })]) {
      const res = await server.app.inject({ url: urlOf(api.callParks.get, { locationId: f.locationId, callParkId: id }) });
      expect(res.statusCode).toBe(200);
      expect(violations(validate, res.json())).toEqual([]);
    }
  });

  it("PUT …/callParks/{callParkId} 200, and DELETE 204 with an empty body", async () => {
    const id = await fullGroup();
    const put = await server.app.inject({ method: "PUT", url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: id }), payload: { name: "Renamed" } });
    expect(put.statusCode).toBe(200);
    expect(violations(strictValidator(ITEM, "put", 200), put.json())).toEqual([]);

    expect(hasEmptyResponse(spec!, ITEM, "delete", 204)).toBe(true);
    // Renamed, the group has a new id (as in Webex): the answer names it.
    const renamed = (put.json() as { id: string }).id;
    const del = await server.app.inject({ method: "DELETE", url: urlOf(api.callParks.delete, { locationId: f.locationId, callParkId: renamed }) });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe("");
  });

  it("GET …/callParks 200, full and empty; our org-wide list answers the same shape", async () => {
    const validate = strictValidator(LIST, "get", 200);
    const empty = await server.app.inject({ url: urlOf(api.callParks.list, { locationId: f.locationId }) });
    expect(violations(validate, empty.json())).toEqual([]);
    await fullGroup();
    const full = await server.app.inject({ url: urlOf(api.callParks.list, { locationId: f.locationId }) });
    expect(full.json().callParks).toHaveLength(1);
    expect(violations(validate, full.json())).toEqual([]);
    const org = await server.app.inject({ url: urlOf(api.callParks.orgList) });
    expect(org.json().callParks).toHaveLength(1);
    expect(violations(validate, org.json())).toEqual([]);
  });

  it("GET …/callParks/availableUsers 200", async () => {
    const res = await server.app.inject({ url: urlOf(api.callParks.availableUsers, { locationId: f.locationId }), query: { max: "1000" } });
    expect(res.json().agents).toHaveLength(41);
    expect(violations(strictValidator(`${LIST}/availableUsers`, "get", 200), res.json())).toEqual([]);
  });

  it("availableUsers with includeAssigned adds only callParkId and callParkName to the spec's shape", async () => {
    await fullGroup();
    const res = await server.app.inject({ url: urlOf(api.callParks.availableUsers, { locationId: f.locationId }), query: { includeAssigned: "true", max: "1000" } });
    const agents: Record<string, unknown>[] = res.json().agents;
    expect(agents.filter((a) => "callParkName" in a)).toHaveLength(3);
    const stripped = agents.map(({ callParkId: _id, callParkName: _name, ...rest }) => rest);
    expect(violations(strictValidator(`${LIST}/availableUsers`, "get", 200), { agents: stripped })).toEqual([]);
  });

  it("GET …/callParks/availableRecallHuntGroups 200", async () => {
    const res = await server.app.inject({ url: urlOf(api.callParks.availableRecallHuntGroups, { locationId: f.locationId }) });
    expect(res.json().huntGroups).toHaveLength(2);
    expect(violations(strictValidator(`${LIST}/availableRecallHuntGroups`, "get", 200), res.json())).toEqual([]);
  });

  it("our availableCallParkExtensions lists the spec's ListCPCallParkExtensionObject", async () => {
    const item = (closed(ITEM, "get", 200).properties as Record<string, { items: unknown }>).callParkExtensions.items;
    const validate = compile({
      type: "object",
      required: ["callParkExtensions"],
      additionalProperties: false,
      properties: { callParkExtensions: { type: "array", items: item } },
    });
    const res = await server.app.inject({ url: urlOf(api.callParks.availableCallParkExtensions, { locationId: f.locationId }) });
    expect(res.json().callParkExtensions).toHaveLength(6);
    expect(violations(validate, res.json())).toEqual([]);
  });
});
