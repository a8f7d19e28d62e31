import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { callParkIdSchema, callParkListSchema, callParkSchema } from "@domain/schemas/call-park";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, useTestServer } from "@server/test/test-server";
import { createGroup, fixture, groupTables, huntGroupId } from "./test-helpers";

const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;

beforeEach(async () => {
  f = await fixture(server.db);
});

/** The query of the Link header's next page. */
function nextPage(link: unknown) {
  const match = /^<(.+)>; rel="next"$/.exec(String(link));
  return match ? Object.fromEntries(new URL(match[1]).searchParams) : undefined;
}

async function get(id: string, locationId = f.locationId) {
  const res = await server.app.inject({ url: urlOf(api.callParks.get, { locationId, callParkId: id }) });
  expect(res.statusCode, res.body).toBe(200);
  return callParkSchema.parse(res.json());
}

function put(id: string, payload: object) {
  return server.app.inject({ method: "PUT", url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: id }), payload });
}

describe("POST …/callParks", () => {
  it("creates, answering 201 with only the new id, a CALL_PARK id", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParks.create, { locationId: f.locationId }),
      payload: { name: "  Front Desk  ", recall: { option: "ALERT_PARKING_USER_ONLY" } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(["id"]);
    expect(Buffer.from(res.json().id, "base64url").toString()).toMatch(/^ciscospark:\/\/us\/CALL_PARK\/[0-9a-f-]{36}$/);
    expect(await get(res.json().id)).toEqual({
      id: res.json().id,
      name: "Front Desk",
      recall: { option: "ALERT_PARKING_USER_ONLY" },
      agents: [],
      parkOnAgentsEnabled: false,
      callParkExtensions: [],
    });
  });

  it("saves members and park destinations in the order sent, and the recall hunt group by name", async () => {
    const agents = [f.virtualLine, f.people[2], f.workspace, f.people[0]];
    const callParkExtensions = [f.extensions[4], f.extensions[0], f.extensions[2]];
    const id = await createGroup(server, f.locationId, {
      name: "Reception",
      recall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: f.support },
      agents,
      callParkExtensions,
    });
    const group = await get(id);
    expect(group.agents.map((a) => a.id)).toEqual(agents);
    expect(group.callParkExtensions).toEqual([
      { id: f.extensions[4], extension: "5005", name: "Park 05" },
      { id: f.extensions[0], extension: "5001", name: "Park 01" },
      { id: f.extensions[2], extension: "5003", name: "Park 03" },
    ]);
    expect(group.recall).toEqual({
      option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP",
      huntGroupId: f.support,
      huntGroupName: "Support",
    });
  });

  it("shows each kind of member as Webex does, with an empty email where there is none", async () => {
    const id = await createGroup(server, f.locationId, { name: "Kinds", agents: [f.people[0], f.workspace, f.virtualLine] });
    const [person, workspace, line] = (await get(id)).agents;
    expect(person).toEqual({
      id: f.people[0],
      firstName: "Alex",
      lastName: "Smith",
      displayName: "Alex Smith",
      type: "PEOPLE",
      email: "alex.smith0@acme.example",
      numbers: [{ external: "+14085551000", extension: "1001" }],
    });
    expect(workspace).toMatchObject({ type: "PLACE", displayName: "Lobby", email: "", numbers: [{ extension: "2001" }] });
    expect(line).toMatchObject({
      type: "VIRTUAL_LINE",
      displayName: "After Hours Line",
      email: "",
      numbers: [{ external: "+14085553000", extension: "3001" }],
    });
  });

  it("parks on members when asked, with no call park extensions", async () => {
    const id = await createGroup(server, f.locationId, { name: "On members", agents: [f.people[0]], parkOnAgentsEnabled: true });
    expect(await get(id)).toMatchObject({ parkOnAgentsEnabled: true, callParkExtensions: [] });
  });

  it("drops a hunt group sent with the parking-user-only option, which never reaches it", async () => {
    const id = await createGroup(server, f.locationId, { name: "Only user", recall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: f.support } });
    expect((await get(id)).recall).toEqual({ option: "ALERT_PARKING_USER_ONLY" });
  });
});

describe("GET …/callParks (a location's groups)", () => {
  it("lists by name, filters by name accent- and case-insensitively, and pages with Link", async () => {
    for (const name of ["Zeta", "Ágora", "beta"]) await createGroup(server, f.locationId, { name });
    const london = await locationIdOf(server.db, "London");
    await createGroup(server, london, { name: "Elsewhere" });

    const all = await server.app.inject({ url: urlOf(api.callParks.list, { locationId: f.locationId }) });
    expect(all.statusCode).toBe(200);
    const items = callParkListSchema.parse(all.json()).callParks;
    expect(items.map((i) => i.name)).toEqual(["Ágora", "beta", "Zeta"]);
    expect(items[0]).toEqual({ id: expect.any(String), name: "Ágora", locationId: f.locationId, locationName: "San Jose HQ" });
    expect(all.headers["x-total-count"]).toBe("3");
    expect(all.headers.link).toBeUndefined();

    const found = await server.app.inject({ url: urlOf(api.callParks.list, { locationId: f.locationId }), query: { name: "AGO" } });
    expect(found.json().callParks.map((i: { name: string }) => i.name)).toEqual(["Ágora"]);

    const paged = await server.app.inject({ url: urlOf(api.callParks.list, { locationId: f.locationId }), query: { max: "2", order: "DSC" } });
    expect(paged.json().callParks.map((i: { name: string }) => i.name)).toEqual(["Zeta", "beta"]);
    expect(nextPage(paged.headers.link)).toEqual({ start: "2", max: "2", order: "DSC" });
    const next = await server.app.inject({ url: urlOf(api.callParks.list, { locationId: f.locationId }), query: { max: "2", start: "2", order: "DSC" } });
    expect(next.json().callParks.map((i: { name: string }) => i.name)).toEqual(["Ágora"]);
  });

  it("answers 404 locationNotFound for an unknown location", async () => {
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.list, { locationId: "bm93aGVyZQ" }) }), "locationNotFound");
  });
});

describe("GET /telephony/config/callParks (the organisation's groups)", () => {
  it("lists every location's groups with X-Total-Count, filters by location and name, and pages", async () => {
    const london = await locationIdOf(server.db, "London");
    await createGroup(server, f.locationId, { name: "Alpha" });
    await createGroup(server, london, { name: "Alpha" });
    await createGroup(server, london, { name: "Bravo" });

    const all = await server.app.inject({ url: urlOf(api.callParks.orgList) });
    expect(all.statusCode).toBe(200);
    expect(all.headers["x-total-count"]).toBe("3");
    expect(callParkListSchema.parse(all.json()).callParks.map((i) => `${i.name} @ ${i.locationName}`)).toEqual([
      "Alpha @ London",
      "Alpha @ San Jose HQ",
      "Bravo @ London",
    ]);
    const inLondon = await server.app.inject({ url: urlOf(api.callParks.orgList), query: { locationId: london } });
    expect(inLondon.headers["x-total-count"]).toBe("2");
    const named = await server.app.inject({ url: urlOf(api.callParks.orgList), query: { name: "brav" } });
    expect(named.json().callParks).toEqual([expect.objectContaining({ name: "Bravo", locationId: london })]);
    const count = await server.app.inject({ url: urlOf(api.callParks.orgList), query: { max: "1" } });
    expect(count.headers["x-total-count"]).toBe("3");
    expect(nextPage(count.headers.link)).toEqual({ start: "1", max: "1" });
  });

  it("sorts by location first when asked", async () => {
    const london = await locationIdOf(server.db, "London");
    await createGroup(server, f.locationId, { name: "Alpha" });
    await createGroup(server, london, { name: "Zulu" });
    const res = await server.app.inject({ url: urlOf(api.callParks.orgList), query: { order: "locationName,name" } });
    expect(res.json().callParks.map((i: { name: string }) => i.name)).toEqual(["Zulu", "Alpha"]);
  });
});

describe("PUT …/callParks/{id}", () => {
  it("answers 200 with the id, and leaves omitted fields unchanged", async () => {
    const id = await createGroup(server, f.locationId, {
      name: "Before",
      agents: [f.people[0], f.people[1]],
      callParkExtensions: [f.extensions[1], f.extensions[0]],
      recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: f.support },
    });
    const before = await get(id);
    const res = await put(id, { parkOnAgentsEnabled: false, agents: [f.people[1], f.people[0]] });
    expect(res.statusCode, res.body).toBe(200);
    expect(callParkIdSchema.parse(res.json())).toEqual({ id });
    expect(await get(id)).toEqual({ ...before, agents: [before.agents[1], before.agents[0]] });
  });

  it("gives a renamed group a new id, as Webex does: the old id is gone, members and destinations follow", async () => {
    const id = await createGroup(server, f.locationId, {
      name: "Before",
      agents: [f.people[0], f.people[1]],
      callParkExtensions: [f.extensions[1], f.extensions[0]],
      recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: f.support },
    });
    const before = await get(id);
    const res = await put(id, { name: "After" });
    expect(res.statusCode, res.body).toBe(200);
    const renamed = callParkIdSchema.parse(res.json()).id;
    expect(renamed).not.toBe(id);
    expect(await get(renamed)).toEqual({ ...before, id: renamed, name: "After" });
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.get, { locationId: f.locationId, callParkId: id }) }), "callParkNotFound");
    expectApiError(await put(id, { name: "Again" }), "callParkNotFound");

    // The members' and call park extensions' group is the new id, as the pickers show it.
    const members = await server.app.inject({ url: urlOf(api.callParks.availableUsers, { locationId: f.locationId }, { includeAssigned: true }) });
    const inGroup = (members.json() as { agents: { id: string; callParkId?: string }[] }).agents.filter((a) => a.callParkId !== undefined);
    expect(inGroup.map((a) => a.callParkId)).toEqual([renamed, renamed]);

    // The same name again (or no name) keeps the id.
    expect(callParkIdSchema.parse((await put(renamed, { name: "After", recall: { option: "ALERT_PARKING_USER_ONLY" } })).json()).id).toBe(renamed);
    expect(callParkIdSchema.parse((await put(renamed, { parkOnAgentsEnabled: false })).json()).id).toBe(renamed);
  });

  it("keeps one history in the audit log across renames, asked for by any of its ids", async () => {
    const first = await createGroup(server, f.locationId, { name: "One" });
    const second = callParkIdSchema.parse((await put(first, { name: "Two" })).json()).id;
    const third = callParkIdSchema.parse((await put(second, { name: "Three" })).json()).id;
    await createGroup(server, f.locationId, { name: "Unrelated" });
    for (const objectId of [first, second, third]) {
      const res = await server.app.inject({ url: urlOf(api.auditEvents.list, {}, { objectId }) });
      const items = (res.json() as { items: { action: string; objectId: string; objectName: string }[] }).items;
      expect(items.map((e) => [e.action, e.objectId, e.objectName])).toEqual([
        ["UPDATE", third, "Three"],
        ["UPDATE", second, "Two"],
        ["CREATE", first, "One"],
      ]);
    }
  });

  it("replaces the members with the list sent, in its order", async () => {
    const id = await createGroup(server, f.locationId, { name: "Team", agents: [f.people[0], f.people[1], f.people[2]] });
    expect((await put(id, { agents: [f.people[3], f.people[1]] })).statusCode).toBe(200);
    expect((await get(id)).agents.map((a) => a.id)).toEqual([f.people[3], f.people[1]]);
    expect((await put(id, { agents: [] })).statusCode).toBe(200);
    expect((await get(id)).agents).toEqual([]);
  });

  it("reorders park destinations, the first being hunted first", async () => {
    const id = await createGroup(server, f.locationId, { name: "Hunt", callParkExtensions: f.extensions.slice(0, 3) });
    const reordered = [f.extensions[2], f.extensions[0], f.extensions[1]];
    expect((await put(id, { callParkExtensions: reordered })).statusCode).toBe(200);
    expect((await get(id)).callParkExtensions.map((c) => c.id)).toEqual(reordered);
  });

  it("switches to members as park destinations when the call park extensions go in the same request", async () => {
    const id = await createGroup(server, f.locationId, { name: "Switch", agents: [f.people[0]], callParkExtensions: [f.extensions[0]] });
    const res = await put(id, { parkOnAgentsEnabled: true, callParkExtensions: [] });
    expect(res.statusCode, res.body).toBe(200);
    expect(await get(id)).toMatchObject({ parkOnAgentsEnabled: true, callParkExtensions: [] });
  });

  it("changes the recall and drops its hunt group when the new option needs none", async () => {
    const id = await createGroup(server, f.locationId, { name: "Recall" });
    const sales = await huntGroupId(server.db, f.locationId, "4002");
    expect((await put(id, { recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: sales } })).statusCode).toBe(200);
    expect((await get(id)).recall).toMatchObject({ option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: sales });
    expect((await put(id, { recall: { option: "ALERT_PARKING_USER_ONLY" } })).statusCode).toBe(200);
    expect((await get(id)).recall).toEqual({ option: "ALERT_PARKING_USER_ONLY" });
  });

  it("keeps its members when renamed to a different case of its own name (a new id, as for any rename)", async () => {
    const id = await createGroup(server, f.locationId, { name: "desk", agents: [f.people[0]] });
    const res = await put(id, { name: "Desk", agents: [f.people[0]] });
    expect(res.statusCode).toBe(200);
    const renamed = callParkIdSchema.parse(res.json()).id;
    expect(await get(renamed)).toMatchObject({ id: renamed, name: "Desk", agents: [{ id: f.people[0] }] });
  });

  it("answers 404 callParkNotFound for an unknown group or one of another location", async () => {
    const id = await createGroup(server, f.locationId, { name: "Here" });
    const london = await locationIdOf(server.db, "London");
    expectApiError(await put("bm9wZQ", { name: "X" }), "callParkNotFound");
    const inLondon = { locationId: london, callParkId: id };
    expectApiError(await server.app.inject({ method: "PUT", url: urlOf(api.callParks.update, inLondon), payload: { name: "X" } }), "callParkNotFound");
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.get, inLondon) }), "callParkNotFound");
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.get, { locationId: "bm93aGVyZQ", callParkId: id }) }), "locationNotFound");
  });
});

describe("DELETE …/callParks/{id}", () => {
  it("answers 204, removes the group with its members and destinations, and frees them for another group", async () => {
    const id = await createGroup(server, f.locationId, { name: "Gone", agents: [f.people[0]], callParkExtensions: [f.extensions[0]] });
    const res = await server.app.inject({ method: "DELETE", url: urlOf(api.callParks.delete, { locationId: f.locationId, callParkId: id }) });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(await groupTables(server.db)).toEqual({ parks: [], agents: [], destinations: [] });
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.get, { locationId: f.locationId, callParkId: id }) }), "callParkNotFound");
    expectApiError(await server.app.inject({ method: "DELETE", url: urlOf(api.callParks.delete, { locationId: f.locationId, callParkId: id }) }), "callParkNotFound");
    await createGroup(server, f.locationId, { name: "Gone", agents: [f.people[0]], callParkExtensions: [f.extensions[0]] });
  });
});

describe("deleting a call park extension a group uses", () => {
  it("removes it from the group's destinations, keeping the others in order", async () => {
    const id = await createGroup(server, f.locationId, { name: "Uses", callParkExtensions: f.extensions.slice(0, 3) });
    const res = await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId: f.locationId, callParkExtensionId: f.extensions[1] }) });
    expect(res.statusCode).toBe(204);
    expect((await get(id)).callParkExtensions.map((c) => c.id)).toEqual([f.extensions[0], f.extensions[2]]);
  });
});
