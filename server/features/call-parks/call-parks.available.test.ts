import { beforeEach, describe, expect, it } from "vitest";
import {
  availableCallParkExtensionsSchema,
  availableRecallHuntGroupsSchema,
  availableUsersSchema,
} from "@domain/schemas/call-park";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { expectApiError } from "@server/test/api-error";
import { locationIdOf, memberWithExtension, useTestServer } from "@server/test/test-server";
import { type AvailableList, createGroup, fixture, huntGroupId } from "./test-helpers";

const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;

beforeEach(async () => {
  f = await fixture(server.db);
});

async function list(what: AvailableList, query: Record<string, string> = {}, locationId = f.locationId) {
  const res = await server.app.inject({ url: urlOf(api.callParks[what], { locationId }), query });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

async function users(query: Record<string, string> = {}) {
  return availableUsersSchema.parse((await list("availableUsers", { max: "1000", ...query })).json()).agents;
}

const extensionsOf = (agents: { numbers: { extension?: string }[] }[]) => agents.map((a) => a.numbers[0]?.extension);

describe("GET …/callParks/availableUsers", () => {
  it("offers every person, workspace and virtual line of the location, and pages with X-Total-Count", async () => {
    const all = await users();
    expect(all).toHaveLength(41);
    expect(new Set(all.map((a) => a.type))).toEqual(new Set(["PEOPLE", "PLACE", "VIRTUAL_LINE"]));
    const page = await list("availableUsers", { max: "10", start: "5" });
    expect(page.headers["x-total-count"]).toBe("41");
    expect(page.json().agents.map((a: { id: string }) => a.id)).toEqual(all.slice(5, 15).map((a) => a.id));
    expect(page.headers.link).toContain("start=15");
  });

  it("leaves out members of another group, and offers a group's own when editing it (callParkId)", async () => {
    const groupId = await createGroup(server, f.locationId, { name: "Front Desk", agents: [f.people[0], f.workspace] });
    const offered = (await users()).map((a) => a.id);
    expect(offered).toHaveLength(39);
    expect(offered).not.toContain(f.people[0]);
    expect(offered).not.toContain(f.workspace);

    const editing = (await users({ callParkId: groupId })).map((a) => a.id);
    expect(editing).toHaveLength(41);
    expect(editing).toEqual(expect.arrayContaining([f.people[0], f.workspace]));
    // Webex's callParkName does the same by the group's name.
    expect(await users({ callParkName: "front desk" })).toHaveLength(41);
  });

  it("still leaves out members of a third group while editing one (callParkId)", async () => {
    const mine = await createGroup(server, f.locationId, { name: "Mine", agents: [f.people[0]] });
    await createGroup(server, f.locationId, { name: "Theirs", agents: [f.people[1]] });
    const offered = (await users({ callParkId: mine })).map((a) => a.id);
    expect(offered).toContain(f.people[0]);
    expect(offered).not.toContain(f.people[1]);
  });

  it("with includeAssigned=true, also lists members of other groups, naming the group", async () => {
    const groupId = await createGroup(server, f.locationId, { name: "Front Desk", agents: [f.people[1]] });
    const maria = (await users({ includeAssigned: "true", name: "maria brown" }))[0];
    expect(maria).toMatchObject({ id: f.people[1], callParkId: groupId, callParkName: "Front Desk" });
    const free = (await users({ includeAssigned: "true", phoneNumber: "1001" }))[0];
    expect(free).not.toHaveProperty("callParkId");
    const own = (await users({ includeAssigned: "true", callParkId: groupId, name: "maria brown" }))[0];
    expect(own).not.toHaveProperty("callParkName");
    expect(await users({ includeAssigned: "false" })).toHaveLength(40);
  });

  it("filters by name, without case or accents, across first, last and display name", async () => {
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const res = await list("availableUsers", { name: "JOAO", max: "1000" }, saoPaulo);
    const names = res.json().agents.map((a: { displayName: string }) => a.displayName);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^João /);
    expect(extensionsOf(await users({ name: "lobby" }))).toEqual(["2001"]);
    expect(await users({ name: "nobody by this name" })).toEqual([]);
  });

  it("filters by phoneNumber: the number's digits, or an extension's start", async () => {
    const maria = await memberWithExtension(server.db, f.locationId, "1002");
    expect((await users({ phoneNumber: "+14085551001" })).map((a) => a.id)).toEqual([maria.id]);
    expect(extensionsOf(await users({ phoneNumber: "300" }))).toEqual(["3001", "3002"]);
    expect(extensionsOf(await users({ phoneNumber: "+1 408 555 3000" }))).toEqual(["3001"]);
    expect(await users({ phoneNumber: "abc" })).toEqual([]);
  });

  it("sorts by up to three fields, each ascending or descending", async () => {
    const byExtension = extensionsOf(await users({ order: "extension" }));
    expect(byExtension.slice(0, 3)).toEqual(["1001", "1002", "1003"]);
    expect(byExtension.slice(-2)).toEqual(["3001", "3002"]);
    expect(extensionsOf(await users({ order: "extension-desc" })).slice(0, 2)).toEqual(["3002", "3001"]);

    const byName = await users({ order: "lname|fname|extension" });
    const keys = byName.filter((a) => a.type === "PEOPLE").map((a) => `${a.lastName}|${a.firstName}`);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    const byFirst = (await users({ order: "fname-desc" })).map((a) => a.firstName);
    expect(byFirst).toEqual([...byFirst].sort((a, b) => b.localeCompare(a)));

    // Members without a phone number (workspaces) come last, whichever the direction.
    for (const order of ["number", "number-desc"]) {
      expect((await users({ order })).slice(-3).map((a) => a.type)).toEqual(["PLACE", "PLACE", "PLACE"]);
    }
  });

  it("answers 404 for an unknown location and for a callParkId not of this location", async () => {
    const london = await locationIdOf(server.db, "London");
    const londonGroup = await createGroup(server, london, { name: "Elsewhere" });
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.availableUsers, { locationId: "bm93aGVyZQ" }) }), "locationNotFound");
    expectApiError(
      await server.app.inject({ url: urlOf(api.callParks.availableUsers, { locationId: f.locationId }), query: { callParkId: londonGroup } }),
      "callParkNotFound",
    );
  });
});

describe("GET …/callParks/availableRecallHuntGroups", () => {
  it("lists the location's hunt groups by name, filtered and sorted", async () => {
    const all = availableRecallHuntGroupsSchema.parse((await list("availableRecallHuntGroups")).json()).huntGroups;
    expect(all).toEqual([
      { id: await huntGroupId(server.db, f.locationId, "4002"), name: "Sales" },
      { id: f.support, name: "Support" },
    ]);
    const desc = (await list("availableRecallHuntGroups", { order: "lname-desc" })).json().huntGroups;
    expect(desc.map((h: { name: string }) => h.name)).toEqual(["Support", "Sales"]);
    const found = await list("availableRecallHuntGroups", { name: "SUPP" });
    expect(found.json().huntGroups).toEqual([{ id: f.support, name: "Support" }]);
    expect(found.headers["x-total-count"]).toBe("1");
  });

  it("lists only this location's, in its own language", async () => {
    const saoPaulo = await locationIdOf(server.db, "São Paulo");
    const res = await list("availableRecallHuntGroups", {}, saoPaulo);
    expect(res.json().huntGroups.map((h: { name: string }) => h.name)).toEqual(["Suporte", "Vendas"]);
  });

  it("answers 404 for an unknown location", async () => {
    expectApiError(await server.app.inject({ url: urlOf(api.callParks.availableRecallHuntGroups, { locationId: "bm93aGVyZQ" }) }), "locationNotFound");
  });
});

describe("GET …/callParks/availableCallParkExtensions (ours)", () => {
  async function extensions(query: Record<string, string> = {}) {
    return availableCallParkExtensionsSchema.parse((await list("availableCallParkExtensions", query)).json()).callParkExtensions;
  }

  it("lists the location's call park extensions in no group, by name", async () => {
    await createGroup(server, f.locationId, { name: "Desk", callParkExtensions: [f.extensions[1]] });
    const free = await extensions();
    expect(free.map((c) => c.extension)).toEqual(["5001", "5003", "5004", "5005", "5006"]);
    expect(free[0]).toEqual({ id: f.extensions[0], extension: "5001", name: "Park 01" });
  });

  it("offers a group's own when editing it, and names the group of each with includeAssigned", async () => {
    const mine = await createGroup(server, f.locationId, { name: "Mine", callParkExtensions: [f.extensions[0]] });
    const theirs = await createGroup(server, f.locationId, { name: "Theirs", callParkExtensions: [f.extensions[1]] });
    expect((await extensions({ callParkId: mine })).map((c) => c.extension)).toEqual(["5001", "5003", "5004", "5005", "5006"]);
    const all = await extensions({ includeAssigned: "true", callParkId: mine });
    expect(all).toHaveLength(6);
    expect(all[0]).toEqual({ id: f.extensions[0], extension: "5001", name: "Park 01" });
    expect(all[1]).toEqual({ id: f.extensions[1], extension: "5002", name: "Park 02", callParkId: theirs, callParkName: "Theirs" });
  });

  it("filters by name (a search box: the name or the extension's start) or by extension, and pages", async () => {
    expect((await extensions({ name: "park 0" })).length).toBe(6);
    expect((await extensions({ name: "PÁRK 02" })).map((c) => c.extension)).toEqual(["5002"]);
    expect((await extensions({ name: "5006" })).map((c) => c.name)).toEqual(["Park 06"]);
    expect(await extensions({ name: "006" })).toEqual([]);
    expect((await extensions({ extension: "500" })).length).toBe(6);
    expect((await extensions({ extension: "5004" })).map((c) => c.name)).toEqual(["Park 04"]);
    const page = await list("availableCallParkExtensions", { max: "4" });
    expect(page.headers["x-total-count"]).toBe("6");
    expect(page.headers.link).toContain("start=4");
  });

  it("answers 404 for an unknown group to include", async () => {
    expectApiError(
      await server.app.inject({ url: urlOf(api.callParks.availableCallParkExtensions, { locationId: f.locationId }), query: { callParkId: "bm9wZQ" } }),
      "callParkNotFound",
    );
  });
});
