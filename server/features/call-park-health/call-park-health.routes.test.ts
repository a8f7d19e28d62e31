import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { HEALTH_KINDS } from "@domain/rules/call-park-health";
import { type CallParkHealth, callParkHealthSchema } from "@domain/schemas/call-park-health";
import { expectApiError } from "@server/test/api-error";
import { signIn } from "@server/test/sessions";
import { fillLocation, locationIdOf, type TestServer, useTestServer } from "@server/test/test-server";
import { createGroup, fixture, huntGroupId } from "@server/features/call-parks/test-helpers";
import { putSettings } from "@server/features/call-park-settings/test-helpers";

// The health check over the demo organisation, with one finding of each kind made through the
// API where the API can make it. A recall to a hunt group that is gone, or to another
// location's, the API refuses: such configurations come from Webex (a hunt group deleted in
// Control Hub), so those rows are written straight into the tables, as a synchronisation would.

const server = useTestServer("each");

async function health(s: TestServer, query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<CallParkHealth> {
  const res = await s.app.inject({ url: urlOf(api.callParkHealth.get, {}, query), headers });
  expect(res.statusCode, res.body).toBe(200);
  return callParkHealthSchema.parse(res.json());
}

const ok = (res: { statusCode: number; body: string }, status = 204) => expect(res.statusCode, res.body).toBe(status);

/** One finding of every kind, across the demo locations; answers what the test needs to look for. */
async function breakEverything(s: TestServer) {
  const sanJose = await fixture(s.db, "San Jose HQ");
  const london = await fixture(s.db, "London");
  const newYork = await locationIdOf(s.db, "New York Office");
  const saoPaulo = await locationIdOf(s.db, "São Paulo");
  const florianopolis = await locationIdOf(s.db, "Florianópolis");

  // A member and nowhere to park.
  const cannotPark = await createGroup(s, sanJose.locationId, { name: "Nowhere", agents: [sanJose.people[0]] });
  // Three members, one call park extension.
  const fewer = await createGroup(s, sanJose.locationId, {
    name: "Crowded",
    agents: sanJose.people.slice(1, 4),
    callParkExtensions: [sanJose.extensions[0]],
  });
  // New York recalls to its Support hunt group, which is then deleted (in Webex, as it were).
  const newYorkSupport = await huntGroupId(s.db, newYork, "4001");
  ok(await putSettings(s, newYork, { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: newYorkSupport } }));
  await s.db.deleteFrom("hunt_groups").where("id", "=", newYorkSupport).execute();
  // A London group recalling to San Jose's Support.
  const elsewhere = await createGroup(s, london.locationId, {
    name: "Borrowed hunt group",
    agents: [london.people[0]],
    callParkExtensions: [london.extensions[0]],
    recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: london.support },
  });
  await s.db.updateTable("call_parks").set({ recall_hunt_group_id: sanJose.support }).where("id", "=", elsewhere).execute();
  // London's direct recall goes to its Sales hunt group, which the demo leaves without agents.
  const londonSales = await huntGroupId(s.db, london.locationId, "4002");
  ok(await putSettings(s, london.locationId, { callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: londonSales } }));
  // São Paulo sets a wait time nothing uses.
  ok(await putSettings(s, saoPaulo, { callParkSettings: { huntWaitTime: 120 } }));
  // Florianópolis fills up to 90 call park extensions.
  await fillLocation(s, florianopolis, 90);
  return { sanJose, london, newYork, saoPaulo, florianopolis, cannotPark, fewer, elsewhere, newYorkSupport, londonSales };
}

describe("GET /telephony/config/callParkHealth", () => {
  it("on the demo organisation as seeded: only its call park extensions in no group, as information, one finding per location", async () => {
    const { findings } = await health(server);
    // By location name; each counts the location's six and names the first five, in extension order.
    expect(findings.map((f) => [f.kind, f.severity, f.objectType, f.locationName, f.objectId === f.locationId, f.objectName, "count" in f && f.count])).toEqual(
      ["Florianópolis", "London", "New York Office", "San Jose HQ", "São Paulo"].map((name) => ["EXTENSION_IN_NO_GROUP", "INFO", "LOCATION", name, true, name, 6]),
    );
    const florianopolis = await fixture(server.db, "Florianópolis");
    expect(findings[0]).toMatchObject({
      extensions: [1, 2, 3, 4, 5].map((n) => ({ id: florianopolis.extensions[n - 1], name: `Estacionamento 0${n}`, extension: `500${n}` })),
    });
  });

  it("finds one of each kind in a configuration the API and Webex made, each with what its explanation needs", async () => {
    const made = await breakEverything(server);
    const { findings } = await health(server);
    const names = Object.fromEntries(
      await Promise.all(["San Jose HQ", "London", "New York Office", "São Paulo", "Florianópolis"].map(async (n) => [await locationIdOf(server.db, n), n])),
    );
    const where = (locationId: string) => ({ locationId, locationName: names[locationId] });
    const notInfo = findings.filter((f) => f.severity !== "INFO");
    expect(notInfo).toEqual([
      {
        kind: "RECALL_WITHOUT_HUNT_GROUP",
        severity: "ERROR",
        ...where(made.london.locationId),
        objectType: "CALL_PARK",
        objectId: made.elsewhere,
        objectName: "Borrowed hunt group",
        recallOption: "ALERT_HUNT_GROUP_ONLY",
        huntGroupId: made.sanJose.support,
        huntGroupName: "Support",
        reason: "OTHER_LOCATION",
      },
      {
        kind: "HUNT_GROUP_WITHOUT_AGENTS",
        severity: "ERROR",
        ...where(made.london.locationId),
        objectType: "LOCATION",
        objectId: made.london.locationId,
        objectName: "London",
        recallOption: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP",
        huntGroupId: made.londonSales,
        huntGroupName: "Sales",
      },
      {
        kind: "RECALL_WITHOUT_HUNT_GROUP",
        severity: "ERROR",
        ...where(made.newYork),
        objectType: "LOCATION",
        objectId: made.newYork,
        objectName: "New York Office",
        recallOption: "ALERT_HUNT_GROUP_ONLY",
        reason: "MISSING",
      },
      { kind: "GROUP_CANNOT_PARK", severity: "ERROR", ...where(made.sanJose.locationId), objectType: "CALL_PARK", objectId: made.cannotPark, objectName: "Nowhere", members: 1 },
      {
        kind: "LOCATION_NEAR_LIMIT",
        severity: "WARNING",
        ...where(made.florianopolis),
        objectType: "LOCATION",
        objectId: made.florianopolis,
        objectName: "Florianópolis",
        count: 90,
        limit: 100,
      },
      {
        kind: "FEWER_DESTINATIONS_THAN_MEMBERS",
        severity: "WARNING",
        ...where(made.sanJose.locationId),
        objectType: "CALL_PARK",
        objectId: made.fewer,
        objectName: "Crowded",
        members: 3,
        destinations: 1,
      },
      {
        kind: "HUNT_WAIT_UNUSED",
        severity: "WARNING",
        ...where(made.saoPaulo),
        objectType: "LOCATION",
        objectId: made.saoPaulo,
        objectName: "São Paulo",
        huntWaitTime: 120,
        recallOption: "ALERT_PARKING_USER_ONLY",
      },
    ]);
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(HEALTH_KINDS));

    // One per location. Call park extensions a group parks on are not "in no group"; the 84 Florianópolis gained are.
    const inNoGroup = Object.fromEntries(
      findings.flatMap((f) => (f.kind === "EXTENSION_IN_NO_GROUP" ? [[f.locationName, { count: f.count, named: f.extensions.map((e) => `${e.extension} ${e.name}`) }]] : [])),
    );
    const parks = (from: number) => [0, 1, 2, 3, 4].map((i) => `${5001 + from + i} Park 0${1 + from + i}`);
    expect(inNoGroup).toEqual({
      "San Jose HQ": { count: 5, named: parks(1) },
      London: { count: 5, named: parks(1) },
      "New York Office": { count: 6, named: parks(0) },
      "São Paulo": { count: 6, named: [1, 2, 3, 4, 5].map((n) => `500${n} Estacionamento 0${n}`) },
      Florianópolis: { count: 6 + 84, named: [1, 2, 3, 4, 5].map((n) => `500${n} Estacionamento 0${n}`) },
    });
    const named = findings.flatMap((f) => (f.kind === "EXTENSION_IN_NO_GROUP" ? f.extensions.map((e) => e.id) : []));
    expect(named).not.toContain(made.sanJose.extensions[0]);
    expect(named).not.toContain(made.london.extensions[0]);
  });

  it("follows the fixes: a destination added, a hunt group chosen, the wait time used, extensions removed", async () => {
    const made = await breakEverything(server);
    const put = (locationId: string, id: string, payload: object) =>
      server.app.inject({ method: "PUT", url: urlOf(api.callParks.update, { locationId, callParkId: id }), payload });
    ok(await put(made.sanJose.locationId, made.cannotPark, { callParkExtensions: [made.sanJose.extensions[1]] }), 200);
    ok(await put(made.sanJose.locationId, made.fewer, { callParkExtensions: made.sanJose.extensions.slice(2, 5) }), 200);
    ok(await putSettings(server, made.newYork, { callParkRecall: { option: "ALERT_PARKING_USER_ONLY" } }));
    ok(await putSettings(server, made.saoPaulo, { callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: await huntGroupId(server.db, made.saoPaulo, "4001") } }));
    const sixth = await server.db.selectFrom("call_park_extensions").select("id").where("location_id", "=", made.florianopolis).where("extension", "=", "6000").executeTakeFirstOrThrow();
    ok(await server.app.inject({ method: "DELETE", url: urlOf(api.callParkExtensions.delete, { locationId: made.florianopolis, callParkExtensionId: sixth.id }) }));
    const kinds = (await health(server)).findings.filter((f) => f.severity !== "INFO").map((f) => `${f.kind} ${f.objectName}`);
    expect(kinds).toEqual(["RECALL_WITHOUT_HUNT_GROUP Borrowed hunt group", "HUNT_GROUP_WITHOUT_AGENTS London"]);
  });

  it("filters by kind and by location, alone and together", async () => {
    const made = await breakEverything(server);
    const all = (await health(server)).findings;
    for (const kind of HEALTH_KINDS) {
      const { findings } = await health(server, { kind });
      expect(findings, kind).toEqual(all.filter((f) => f.kind === kind));
      expect(findings.length, kind).toBeGreaterThan(0);
    }
    const london = await health(server, { locationId: made.london.locationId });
    expect(london.findings).toEqual(all.filter((f) => f.locationId === made.london.locationId));
    expect(london.findings.map((f) => f.kind)).toEqual(["RECALL_WITHOUT_HUNT_GROUP", "HUNT_GROUP_WITHOUT_AGENTS", "EXTENSION_IN_NO_GROUP"]);
    const both = await health(server, { locationId: made.sanJose.locationId, kind: "GROUP_CANNOT_PARK" });
    expect(both.findings.map((f) => f.objectName)).toEqual(["Nowhere"]);
    expect((await health(server, { locationId: made.florianopolis, kind: "GROUP_CANNOT_PARK" })).findings).toEqual([]);
    expect((await health(server, { locationId: "bm93aGVyZQ" })).findings).toEqual([]);
  });

  it("shows a location administrator only their locations' findings, and not another location's hunt group by name", async () => {
    const made = await breakEverything(server);
    // A São Paulo group recalling to London's Support (made in Webex).
    const saoPaulo = await fixture(server.db, "São Paulo");
    const borrowed = await createGroup(server, made.saoPaulo, { name: "Emprestado", agents: [saoPaulo.people[0]], callParkExtensions: [saoPaulo.extensions[0]] });
    await server.db.updateTable("call_parks").set({ recall_option: "ALERT_HUNT_GROUP_ONLY", recall_hunt_group_id: made.london.support }).where("id", "=", borrowed).execute();

    const { read } = await signIn(server, "location");
    const mine = await health(server, {}, read);
    expect(new Set(mine.findings.map((f) => f.locationName))).toEqual(new Set(["São Paulo"]));
    expect(mine.findings.filter((f) => f.severity !== "INFO")).toEqual([
      {
        kind: "RECALL_WITHOUT_HUNT_GROUP",
        severity: "ERROR",
        locationId: made.saoPaulo,
        locationName: "São Paulo",
        objectType: "CALL_PARK",
        objectId: borrowed,
        objectName: "Emprestado",
        recallOption: "ALERT_HUNT_GROUP_ONLY",
        huntGroupId: made.london.support,
        reason: "OTHER_LOCATION",
      },
      expect.objectContaining({ kind: "HUNT_WAIT_UNUSED", locationName: "São Paulo" }),
    ]);
    // Another location's findings, asked for by name or by kind, are not there.
    expect((await health(server, { locationId: made.london.locationId }, read)).findings).toEqual([]);
    expect((await health(server, { kind: "LOCATION_NEAR_LIMIT" }, read)).findings).toEqual([]);
    // A full administrator sees the hunt group's name.
    const full = await health(server, { locationId: made.saoPaulo, kind: "RECALL_WITHOUT_HUNT_GROUP" });
    expect(full.findings).toEqual([expect.objectContaining({ objectId: borrowed, huntGroupName: "Support" })]);
    // A read-only administrator sees everything.
    const readOnly = await signIn(server, "readOnly");
    expect((await health(server, {}, readOnly.read)).findings).toEqual((await health(server)).findings);
  });

  it("refuses a kind it does not know, or a location id too long, with the field named; and asks to sign in", async () => {
    const bad = await server.app.inject({ url: urlOf(api.callParkHealth.get, {}, { kind: "BROKEN" }) });
    expect(expectApiError(bad, "validation").issues).toEqual([{ path: ["kind"], code: "invalidValue" }]);
    const lower = await server.app.inject({ url: urlOf(api.callParkHealth.get, {}, { kind: "group_cannot_park" }) });
    expect(expectApiError(lower, "validation").issues).toEqual([{ path: ["kind"], code: "invalidValue" }]);
    const long = await server.app.inject({ url: urlOf(api.callParkHealth.get, {}, { locationId: "x".repeat(501) }) });
    expect(expectApiError(long, "validation").issues).toEqual([expect.objectContaining({ path: ["locationId"] })]);
    expectApiError(await server.app.anonymous({ url: urlOf(api.callParkHealth.get) }), "unauthorized");
  });
});
