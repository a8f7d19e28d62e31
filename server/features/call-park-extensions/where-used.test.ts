import { beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { whereUsedResultSchema } from "@domain/schemas/call-park-extension-usage";
import { expectApiError } from "@server/test/api-error";
import { signIn } from "@server/test/sessions";
import { locationIdOf, useTestServer } from "@server/test/test-server";
import { createGroup, extensionIds, fixture } from "@server/features/call-parks/test-helpers";

// San Jose HQ's seeded call park extensions are 5001–5006 (fixture().extensions, in that order).
const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;

beforeEach(async () => {
  f = await fixture(server.db);
});

function ask(payload: unknown, locationId = f.locationId, headers?: Record<string, string>) {
  return server.app.inject({
    method: "POST",
    url: urlOf(api.callParkExtensions.whereUsed, { locationId }),
    payload: payload as object,
    ...(headers ? { headers } : {}),
  });
}

async function answer(ids: string[], locationId = f.locationId) {
  const res = await ask({ ids }, locationId);
  expect(res.statusCode, res.body).toBe(200);
  return whereUsedResultSchema.parse(res.json()).items;
}

describe("POST …/callParkExtensions/actions/whereUsed/invoke", () => {
  it("names the group parking on each extension and its position in the group's hunting order", async () => {
    const [e5001, e5002, e5003, , e5005] = f.extensions;
    // Hunting order 5003, 5001, 5005: #58 tries 5003 first.
    const frontDesk = await createGroup(server, f.locationId, { name: "Front desk", agents: [f.people[0]], callParkExtensions: [e5003, e5001, e5005] });
    expect(await answer([e5001, e5002, e5003, e5005])).toEqual([
      { id: e5001, callParks: [{ id: frontDesk, name: "Front desk", position: 2, of: 3 }] },
      { id: e5002, callParks: [] },
      { id: e5003, callParks: [{ id: frontDesk, name: "Front desk", position: 1, of: 3 }] },
      { id: e5005, callParks: [{ id: frontDesk, name: "Front desk", position: 3, of: 3 }] },
    ]);
  });

  it("follows a change of the hunting order and a rename of the group", async () => {
    const [e5001, e5002, e5003] = f.extensions;
    const id = await createGroup(server, f.locationId, { name: "Front desk", callParkExtensions: [e5001, e5002, e5003] });
    const res = await server.app.inject({
      method: "PUT",
      url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: id }),
      payload: { name: "Lobby", callParkExtensions: [e5003, e5001] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const renamed = res.json().id as string;
    expect(await answer([e5001, e5002, e5003])).toEqual([
      { id: e5001, callParks: [{ id: renamed, name: "Lobby", position: 2, of: 2 }] },
      { id: e5002, callParks: [] },
      { id: e5003, callParks: [{ id: renamed, name: "Lobby", position: 1, of: 2 }] },
    ]);
  });

  it("names one group at most: a second group cannot take an extension another parks on", async () => {
    const [e5001, e5002] = f.extensions;
    const first = await createGroup(server, f.locationId, { name: "Front desk", callParkExtensions: [e5001] });
    const second = await createGroup(server, f.locationId, { name: "Back office", callParkExtensions: [e5002] });
    const taken = await server.app.inject({
      method: "PUT",
      url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: second }),
      payload: { callParkExtensions: [e5002, e5001] },
    });
    expectApiError(taken, "callParkExtensionInGroup");
    expect(await answer([e5001, e5002])).toEqual([
      { id: e5001, callParks: [{ id: first, name: "Front desk", position: 1, of: 1 }] },
      { id: e5002, callParks: [{ id: second, name: "Back office", position: 1, of: 1 }] },
    ]);
  });

  it("leaves out ids of no call park extension of the location, and answers each id once, in the order asked", async () => {
    const [e5001, e5002] = f.extensions;
    const newYork = await locationIdOf(server.db, "New York Office");
    const [elsewhere] = await extensionIds(server.db, newYork, ["5001"]);
    await createGroup(server, newYork, { name: "NY desk", callParkExtensions: [elsewhere] });
    expect(await answer([e5002, "no-such-extension", elsewhere, e5001, e5002])).toEqual([
      { id: e5002, callParks: [] },
      { id: e5001, callParks: [] },
    ]);
    expect(await answer(["no-such-extension"])).toEqual([]);
    // Asked in its own location, the same id is known and used.
    expect((await answer([elsewhere], newYork))[0].callParks).toMatchObject([{ name: "NY desk", position: 1, of: 1 }]);
  });

  it("forgets an extension once deleted, and a group once deleted", async () => {
    const [e5001, e5002] = f.extensions;
    const id = await createGroup(server, f.locationId, { name: "Front desk", callParkExtensions: [e5001, e5002] });
    const deleted = await server.app.inject({
      method: "DELETE",
      url: urlOf(api.callParkExtensions.delete, { locationId: f.locationId, callParkExtensionId: e5001 }),
    });
    expect(deleted.statusCode).toBe(204);
    expect(await answer([e5001, e5002])).toEqual([{ id: e5002, callParks: [{ id, name: "Front desk", position: 1, of: 1 }] }]);
    await server.app.inject({ method: "DELETE", url: urlOf(api.callParks.delete, { locationId: f.locationId, callParkId: id }) });
    expect(await answer([e5002])).toEqual([{ id: e5002, callParks: [] }]);
  });

  it("refuses a body without ids, with none, with too many or with more fields: 400 with issues", async () => {
    expect(expectApiError(await ask({}), "validation").issues).toEqual([{ path: ["ids"], code: "required" }]);
    expect(expectApiError(await ask({ ids: [] }), "validation").issues).toMatchObject([{ path: ["ids"], code: "tooSmall" }]);
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    expect(expectApiError(await ask({ ids: many }), "validation").issues).toMatchObject([{ path: ["ids"], code: "tooBig" }]);
    expect(expectApiError(await ask({ ids: [""] }), "validation").issues).toMatchObject([{ path: ["ids", 0], code: "required" }]);
    expect(expectApiError(await ask({ ids: "5001" }), "validation").issues).toMatchObject([{ path: ["ids"], code: "invalidType" }]);
    expect(expectApiError(await ask({ ids: [f.extensions[0]], all: true }), "validation").issues).toMatchObject([{ code: "unknownField" }]);
  });

  it("answers 404 for an unknown location", async () => {
    expectApiError(await ask({ ids: [f.extensions[0]] }, "bm8tc3VjaC1sb2NhdGlvbg"), "locationNotFound");
  });

  it("answers a location administrator about their location only; elsewhere as a location that does not exist", async () => {
    const session = await signIn(server, "location");
    const own = await locationIdOf(server.db, "São Paulo");
    const london = await locationIdOf(server.db, "London");
    const [mine] = await extensionIds(server.db, own, ["5001"]);
    const [theirs] = await extensionIds(server.db, london, ["5001"]);
    await createGroup(server, london, { name: "London desk", callParkExtensions: [theirs] });

    const res = await ask({ ids: [mine] }, own, session.write);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: mine, callParks: [] }] });
    // Their own location does not reveal another's extension and group either.
    expect((await ask({ ids: [theirs] }, own, session.write)).json()).toEqual({ items: [] });
    expectApiError(await ask({ ids: [theirs] }, london, session.write), "locationNotFound");
  });

  it("answers a read-only administrator (it changes nothing), and refuses a caller signed out", async () => {
    const session = await signIn(server, "readOnly");
    const res = await ask({ ids: [f.extensions[0]] }, f.locationId, session.write);
    expect(res.statusCode, res.body).toBe(200);
    const anonymous = await server.app.anonymous({
      method: "POST",
      url: urlOf(api.callParkExtensions.whereUsed, { locationId: f.locationId }),
      payload: { ids: [f.extensions[0]] },
    });
    expectApiError(anonymous, "unauthorized");
  });
});
