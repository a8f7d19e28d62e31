import { constraintViolation } from "@server/db/constraint-error";
import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { ErrorKey } from "@server/http/errors";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, memberWithExtension, useTestServer } from "@server/test/test-server";
import { createGroup, extensionIds, fixture, groupTables, huntGroupId, memberIds } from "./test-helpers";

// Every rule a group keeps, refused with a 4xx Webex body whose issues point at the
// field (and the position in a list), and leaving the database as it was.
const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;
let london: Awaited<ReturnType<typeof fixture>>;

beforeEach(async () => {
  f = await fixture(server.db);
  london = await fixture(server.db, "London");
});

const recall = { option: "ALERT_PARKING_USER_ONLY" };

function post(payload: object, locationId = f.locationId) {
  return server.app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId }), payload });
}

function put(id: string, payload: object) {
  return server.app.inject({ method: "PUT", url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: id }), payload });
}

/** Sends a request that must be refused with `key`, proving nothing was written; answers the error body. */
async function refused(request: () => ReturnType<typeof post>, key: ErrorKey) {
  const before = await groupTables(server.db);
  const body = expectApiError(await request(), key);
  expect(await groupTables(server.db)).toEqual(before);
  return body;
}

describe("members belong to the group's location", () => {
  it("refuses a member of another location, naming them at their position", async () => {
    const stranger = await memberWithExtension(server.db, london.locationId, "1002");
    const body = await refused(() => post({ name: "G", recall, agents: [f.people[0], stranger.id] }), "validation");
    expect(body.issues).toEqual([
      { path: ["agents", 1], code: "memberOtherLocation", params: { memberName: stranger.display_name } },
    ]);
  });

  it("refuses a call park extension of another location", async () => {
    const body = await refused(() => post({ name: "G", recall, callParkExtensions: [london.extensions[0]] }), "validation");
    expect(body.issues).toEqual([
      { path: ["callParkExtensions", 0], code: "destinationOtherLocation", params: { name: "Park 01", extension: "5001" } },
    ]);
  });
});

describe("unknown ids", () => {
  it("answers 400 with each unknown member and call park extension at its index", async () => {
    const body = await refused(
      () =>
        post({
          name: "G",
          recall,
          agents: [f.people[0], f.people[1], "bm9ib2R5"],
          callParkExtensions: ["bm90aGluZw", f.extensions[0]],
        }),
      "validation",
    );
    expect(body.issues).toEqual([
      { path: ["agents", 2], code: "memberNotFound" },
      { path: ["callParkExtensions", 0], code: "destinationNotFound" },
    ]);
    expect(body.message).toContain("agents.2");
  });

  it("does not take a call park extension id as a member, nor a hunt group as either", async () => {
    const body = await refused(() => post({ name: "G", recall, agents: [f.extensions[0]], callParkExtensions: [f.support] }), "validation");
    expect(body.issues?.map((i) => i.code)).toEqual(["memberNotFound", "destinationNotFound"]);
  });
});

describe("a member is in at most one group", () => {
  it("refuses with 409 naming the member and the group that has them", async () => {
    await createGroup(server, f.locationId, { name: "Front Desk", agents: [f.people[1]] });
    const body = await refused(() => post({ name: "Back Office", recall, agents: [f.people[0], f.people[1]] }), "callParkMemberTaken");
    const params = { memberName: "Maria Brown", callParkName: "Front Desk" };
    expect(body.params).toEqual(params);
    expect(body.issues).toEqual([{ path: ["agents", 1], code: "memberInOtherGroup", params }]);
    expect(body.message).toBe("Maria Brown is already a member of the call park group Front Desk. Remove them from that group first.");
  });

  it("applies to workspaces and virtual lines, and on update too", async () => {
    await createGroup(server, f.locationId, { name: "One", agents: [f.workspace, f.virtualLine] });
    const other = await createGroup(server, f.locationId, { name: "Two" });
    const body = await refused(() => put(other, { agents: [f.virtualLine, f.workspace] }), "callParkMemberTaken");
    expect(body.issues?.map((i) => [i.path, i.params?.memberName])).toEqual([
      [["agents", 0], "After Hours Line"],
      [["agents", 1], "Lobby"],
    ]);
  });

  it("lets a member move once their group no longer has them", async () => {
    const first = await createGroup(server, f.locationId, { name: "One", agents: [f.people[0]] });
    expect((await put(first, { agents: [] })).statusCode).toBe(200);
    await createGroup(server, f.locationId, { name: "Two", agents: [f.people[0]] });
  });

  it("is held by the database as well", async () => {
    const one = await createGroup(server, f.locationId, { name: "One", agents: [f.people[0]] });
    const two = await createGroup(server, f.locationId, { name: "Two" });
    const insert = server.db.insertInto("call_park_agents").values({ call_park_id: two, member_id: f.people[0], position: 0 });
    const refusal = await insert.execute().then(() => undefined, (error: unknown) => error);
    expect(constraintViolation(refusal)).toMatchObject({ kind: "unique" });
    expect(one).not.toBe(two);
  });
});

describe("a call park extension is in at most one group", () => {
  it("refuses with 409 naming the extension and its group", async () => {
    await createGroup(server, f.locationId, { name: "Front Desk", callParkExtensions: [f.extensions[2]] });
    const body = await refused(() => post({ name: "Other", recall, callParkExtensions: [f.extensions[0], f.extensions[2]] }), "callParkExtensionInGroup");
    const params = { name: "Park 03", extension: "5003", callParkName: "Front Desk" };
    expect(body.params).toEqual(params);
    expect(body.issues).toEqual([{ path: ["callParkExtensions", 1], code: "destinationInOtherGroup", params }]);
  });
});

describe("recall to a hunt group", () => {
  it.each(["ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", "ALERT_HUNT_GROUP_ONLY"])("requires the hunt group for %s", async (option) => {
    const body = await refused(() => post({ name: "G", recall: { option } }), "validation");
    expect(body.issues).toEqual([{ path: ["recall", "huntGroupId"], code: "huntGroupRequired" }]);
  });

  it("refuses a hunt group of another location, naming it, and an unknown one", async () => {
    const sales = await huntGroupId(server.db, london.locationId, "4002");
    const other = await refused(() => post({ name: "G", recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: sales } }), "validation");
    expect(other.issues).toEqual([{ path: ["recall", "huntGroupId"], code: "huntGroupOtherLocation", params: { name: "Sales" } }]);
    const unknown = await refused(() => post({ name: "G", recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "bm9wZQ" } }), "validation");
    expect(unknown.issues).toEqual([{ path: ["recall", "huntGroupId"], code: "huntGroupNotFound" }]);
  });

  it("requires it on update when the recall sent needs one", async () => {
    const id = await createGroup(server, f.locationId, { name: "G" });
    const body = await refused(() => put(id, { recall: { option: "ALERT_HUNT_GROUP_ONLY" } }), "validation");
    expect(body.issues).toEqual([{ path: ["recall", "huntGroupId"], code: "huntGroupRequired" }]);
  });
});

describe("parking on members excludes call park extensions", () => {
  it("refuses both in one create with a clear 409", async () => {
    const body = await refused(
      () => post({ name: "G", recall, agents: [f.people[0]], parkOnAgentsEnabled: true, callParkExtensions: [f.extensions[0]] }),
      "parkOnAgentsWithDestinations",
    );
    expect(body.issues).toEqual([{ path: ["parkOnAgentsEnabled"], code: "parkOnAgentsWithDestinations" }]);
    expect(body.message).toMatch(/members as park destinations.*call park extensions/);
  });

  it("refuses turning it on while the group keeps its call park extensions", async () => {
    const id = await createGroup(server, f.locationId, { name: "G", callParkExtensions: [f.extensions[0]] });
    await refused(() => put(id, { parkOnAgentsEnabled: true }), "parkOnAgentsWithDestinations");
  });

  it("refuses adding call park extensions to a group that parks on members", async () => {
    const id = await createGroup(server, f.locationId, { name: "G", parkOnAgentsEnabled: true });
    await refused(() => put(id, { callParkExtensions: [f.extensions[0]] }), "parkOnAgentsWithDestinations");
  });

  it("says so in Portuguese", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParks.create, { locationId: f.locationId }),
      headers: { "accept-language": "pt-BR" },
      payload: { name: "G", recall, parkOnAgentsEnabled: true, callParkExtensions: [f.extensions[0]] },
    });
    expect(expectApiError(res, "parkOnAgentsWithDestinations").message).toContain("ramais de estacionamento de chamadas");
  });
});

describe("a group's name is unique in its location", () => {
  it.each([
    ["the same name", "Front Desk"],
    ["another case", "FRONT DESK"],
    ["other accents", "Frönt Désk"],
    ["surrounding spaces", "  Front Desk "],
  ])("refuses %s with 409 on the field name", async (_label, name) => {
    await createGroup(server, f.locationId, { name: "Front Desk" });
    const body = await refused(() => post({ name, recall }), "callParkNameTaken");
    expect(body.issues).toEqual([{ path: ["name"], code: "nameTaken", params: { name: "Front Desk" } }]);
  });

  it("refuses renaming onto another group's name, and allows the name in another location", async () => {
    await createGroup(server, f.locationId, { name: "Front Desk" });
    const other = await createGroup(server, f.locationId, { name: "Other" });
    await refused(() => put(other, { name: "front desk" }), "callParkNameTaken");
    await createGroup(server, london.locationId, { name: "Front Desk" });
  });

  it("lists the name and the members it conflicts on together, named after the name", async () => {
    await createGroup(server, f.locationId, { name: "Front Desk", agents: [f.people[0]] });
    const body = await refused(() => post({ name: "Front Desk", recall, agents: [f.people[0]] }), "callParkNameTaken");
    expect(body.issues?.map((i) => i.code)).toEqual(["nameTaken", "memberInOtherGroup"]);
  });
});

describe("repeats in a list", () => {
  it("refuses a member or call park extension sent twice, at the repeat's position", async () => {
    const body = await refused(
      () => post({ name: "G", recall, agents: [f.people[0], f.people[1], f.people[0]], callParkExtensions: [f.extensions[0], f.extensions[0]] }),
      "validation",
    );
    expect(body.issues).toEqual([
      { path: ["agents", 2], code: "duplicateInList" },
      { path: ["callParkExtensions", 1], code: "duplicateInList" },
    ]);
  });
});

describe("the 400s come before the 409s", () => {
  it("reports what the request can fix alone first", async () => {
    await createGroup(server, f.locationId, { name: "Taken", agents: [f.people[0]] });
    const body = await refused(() => post({ name: "Taken", recall, agents: [f.people[0], "bm9ib2R5"] }), "validation");
    expect(body.issues).toEqual([{ path: ["agents", 1], code: "memberNotFound" }]);
  });
});

describe("an unknown location", () => {
  it("answers 404 locationNotFound for create, even with a valid body", async () => {
    const [person] = await memberIds(server.db, f.locationId, ["1001"]);
    await refused(() => post({ name: "G", recall, agents: [person] }, "bm93aGVyZQ"), "locationNotFound");
    const [cpe] = await extensionIds(server.db, await locationIdOf(server.db, "London"), ["5001"]);
    expect(cpe).toBe(london.extensions[0]);
  });
});
