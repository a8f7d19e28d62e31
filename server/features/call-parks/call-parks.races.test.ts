import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { HttpError } from "@server/http/errors";
import { expectApiError } from "@server/test/api-error";
import { racingApp } from "@server/test/racing-app";
import { useTestServer, TEST_ACTOR } from "@server/test/test-server";
import * as service from "./call-parks.service";
import { createGroup, fixture, groupTables } from "./test-helpers";
import { TEST_DIALECT } from "@server/test/test-database";

// Requests fired together all pass the service's checks before any transaction runs
// (racingApp makes them interleave), so these outcomes hold only if the database's
// constraints decide the losers, and the losers then hear the same clear 409 as a
// request that came second.
const server = useTestServer("each");
let f: Awaited<ReturnType<typeof fixture>>;
let app: Awaited<ReturnType<typeof racingApp>>;

beforeEach(async () => {
  f = await fixture(server.db);
  app = await racingApp(server.db);
});
afterEach(() => app.close());

const recall = { option: "ALERT_PARKING_USER_ONLY" };

function statuses(responses: { statusCode: number }[]) {
  const counts: Record<number, number> = {};
  for (const { statusCode } of responses) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
}

function createAll(bodies: object[]) {
  return Promise.all(bodies.map((payload) => app.inject({ method: "POST", url: urlOf(api.callParks.create, { locationId: f.locationId }), payload })));
}

const outcome = (work: Promise<unknown>) => work.then(() => "done", (error: HttpError) => error.key);

describe("concurrent creates", () => {
  it("lets exactly one of 10 groups take the same member; the others hear who has them", async () => {
    const responses = await createAll(
      Array.from({ length: 10 }, (_, i) => ({ name: `Group ${i}`, recall, agents: [f.people[i % 2 ? 1 : 2], f.people[0]] })),
    );
    expect(statuses(responses)).toEqual({ 201: 1, 409: 9 });
    const winner = responses.findIndex((r) => r.statusCode === 201);
    for (const res of responses.filter((r) => r.statusCode === 409)) {
      const body = expectApiError(res, "callParkMemberTaken");
      expect(body.issues).toContainEqual({
        path: ["agents", 1],
        code: "memberInOtherGroup",
        params: { memberName: "Alex Smith", callParkName: `Group ${winner}` },
      });
    }
    const { parks, agents } = await groupTables(server.db);
    expect(parks).toHaveLength(1);
    expect(agents.filter((a) => a.member_id === f.people[0])).toHaveLength(1);
  });

  it("lets exactly one of 10 groups take the same call park extension", async () => {
    const responses = await createAll(
      Array.from({ length: 10 }, (_, i) => ({ name: `Group ${i}`, recall, callParkExtensions: [f.extensions[i % 5 + 1], f.extensions[0]] })),
    );
    expect(statuses(responses)).toEqual({ 201: 1, 409: 9 });
    for (const res of responses.filter((r) => r.statusCode === 409)) expectApiError(res, "callParkExtensionInGroup");
    const { destinations } = await groupTables(server.db);
    expect(destinations.filter((d) => d.call_park_extension_id === f.extensions[0])).toHaveLength(1);
  });

  it("lets exactly one of 10 take the same name, however it is spelt", async () => {
    const names = ["Desk", "desk", "DESK", "Désk", " Desk ", "dEsK", "Dèsk", "DESK ", "desk", "Desk"];
    const responses = await createAll(names.map((name) => ({ name, recall })));
    expect(statuses(responses)).toEqual({ 201: 1, 409: 9 });
    for (const res of responses.filter((r) => r.statusCode === 409)) {
      expect(expectApiError(res, "callParkNameTaken").issues?.[0]).toMatchObject({ path: ["name"], code: "nameTaken" });
    }
  });
});

describe("concurrent edits", () => {
  it("lets one of two groups take the same member by PUT", async () => {
    const one = await createGroup(server, f.locationId, { name: "One" });
    const two = await createGroup(server, f.locationId, { name: "Two" });
    const responses = await Promise.all(
      [one, two].map((id) =>
        app.inject({ method: "PUT", url: urlOf(api.callParks.update, { locationId: f.locationId, callParkId: id }), payload: { agents: [f.people[3]] } }),
      ),
    );
    expect(statuses(responses)).toEqual({ 200: 1, 409: 1 });
    expectApiError(responses.find((r) => r.statusCode === 409)!, "callParkMemberTaken");
    expect((await groupTables(server.db)).agents).toHaveLength(1);
  });

  it("never lets a group park on members while it has call park extensions", async () => {
    // Below HTTP, so the two edits' checks both run before either transaction.
    const id = await createGroup(server, f.locationId, { name: "Both", agents: [f.people[0]] });
    const results = await Promise.all([
      outcome(service.updateCallPark(server.db, f.locationId, id, { parkOnAgentsEnabled: true }, TEST_ACTOR)),
      outcome(service.updateCallPark(server.db, f.locationId, id, { callParkExtensions: [f.extensions[0]] }, TEST_ACTOR)),
    ]);
    expect(results.sort()).toEqual(["done", "parkOnAgentsWithDestinations"]);
    const group = await service.getCallPark(server.db, f.locationId, id);
    expect(group.parkOnAgentsEnabled && group.callParkExtensions.length > 0).toBe(false);
  });

  it("leaves no members behind when an edit races the group's delete", async () => {
    const id = await createGroup(server, f.locationId, { name: "Doomed", agents: [f.people[0]] });
    const results = await Promise.all([
      outcome(service.deleteCallPark(server.db, f.locationId, id, TEST_ACTOR)),
      outcome(service.updateCallPark(server.db, f.locationId, id, { agents: [f.people[1]] }, TEST_ACTOR)),
    ]);
    // On PostgreSQL the two run side by side: the edit may also commit first, then the delete.
    expect(results.sort()).toEqual(TEST_DIALECT === "sqlite" || results[0] !== "done" ? ["callParkNotFound", "done"] : ["done", "done"]);
    expect(await groupTables(server.db)).toEqual({ parks: [], agents: [], destinations: [] });
  });

  it("never keeps a destination whose call park extension was deleted meanwhile", async () => {
    const results = await Promise.all([
      app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId: f.locationId, callParkExtensionId: f.extensions[0] }) }),
      app.inject({
        method: "POST",
        url: urlOf(api.callParks.create, { locationId: f.locationId }),
        payload: { name: "Late", recall, callParkExtensions: [f.extensions[0]] },
      }),
    ]);
    expect(results.map((r) => r.statusCode).filter((s) => s >= 500)).toEqual([]);
    const { destinations } = await groupTables(server.db);
    expect(destinations.filter((d) => d.call_park_extension_id === f.extensions[0])).toEqual([]);
  });
});

describe("a barrage", () => {
  it("never answers 5xx while creates, edits and deletes of groups interleave", async () => {
    const ids = await Promise.all([0, 1, 2].map((i) => createGroup(server, f.locationId, { name: `Seed ${i}` })));
    const location = { locationId: f.locationId };
    const requests = ids.flatMap((callParkId, i) => [
      app.inject({ method: "PUT", url: urlOf(api.callParks.update, { ...location, callParkId }), payload: { agents: f.people, name: `Renamed ${i % 2}` } }),
      app.inject({ method: "PUT", url: urlOf(api.callParks.update, { ...location, callParkId }), payload: { callParkExtensions: f.extensions.slice(i), parkOnAgentsEnabled: false } }),
      app.inject({ method: "DELETE", url: urlOf(api.callParks.delete, { ...location, callParkId }) }),
      app.inject({ method: "POST", url: urlOf(api.callParks.create, location), payload: { name: `New ${i % 2}`, recall, agents: [f.people[i]], callParkExtensions: [f.extensions[i]] } }),
      app.inject({ method: "PUT", url: urlOf(api.callParks.update, { ...location, callParkId }), payload: { parkOnAgentsEnabled: true } }),
    ]);
    const responses = await Promise.all(requests);
    expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    // Whatever won, the rules hold in what is stored.
    const { parks, agents, destinations } = await groupTables(server.db);
    for (const park of parks) {
      if (park.park_on_agents_enabled) expect(destinations.filter((d) => d.call_park_id === park.id)).toEqual([]);
    }
    expect(new Set(agents.map((a) => a.member_id)).size).toBe(agents.length);
    expect(new Set(destinations.map((d) => d.call_park_extension_id)).size).toBe(destinations.length);
  });
});
