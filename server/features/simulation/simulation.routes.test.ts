import { describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { SIMULATION_MAX_SECONDS, SIMULATION_MAX_STEPS, type SimulationEvent, simulationResultSchema } from "@domain/schemas/simulation";
import { expectApiError } from "@server/test/api-error";
import { signIn } from "@server/test/sessions";
import { locationIdOf, type TestServer, useTestServer } from "@server/test/test-server";
import { createGroup, fixture, groupTables } from "@server/features/call-parks/test-helpers";
import { putSettings } from "@server/features/call-park-settings/test-helpers";

const server = useTestServer("each");

function simulateAt(s: TestServer, locationId: string, body: unknown, headers: Record<string, string> = {}) {
  return s.app.inject({ method: "POST", url: urlOf(api.callParks.simulate, { locationId }), headers, payload: body as object });
}

/** The events as short lines: second, kind, call, extension, alerted. */
const lines = (events: SimulationEvent[]) =>
  events.map((e) => [e.at, e.kind, e.callId ?? "-", e.extension ?? "-", e.alerted.join(",") || "-", e.reason ?? "-"].join(" "));

/** San Jose HQ with a group "Front desk": members 1001–1003, hunting 5001, 5002, 5003; recall to the parker only. */
async function frontDesk(recall: Record<string, unknown> = { option: "ALERT_PARKING_USER_ONLY" }) {
  const f = await fixture(server.db);
  const callParkId = await createGroup(server, f.locationId, {
    name: "Front desk",
    recall,
    agents: f.people.slice(0, 3),
    callParkExtensions: f.extensions.slice(0, 3),
  });
  return { ...f, callParkId };
}

const threeParks = (people: string[]) => people.slice(0, 3).map((by) => ({ at: 0, by, dial: "#58" }));

describe("POST …/callParks/actions/simulate/invoke", () => {
  it("three members park with #58 at once: they land on the first three destinations and each call comes back to its parker", async () => {
    const f = await frontDesk();
    const res = await simulateAt(server, f.locationId, { steps: threeParks(f.people), until: 100 });
    expect(res.statusCode, res.body).toBe(200);
    const result = simulationResultSchema.parse(res.json());
    expect(lines(result.events)).toEqual([
      "0 PARKED call-1 5001 - -",
      "0 ANNOUNCED call-1 5001 - -",
      "0 PARKED call-2 5002 - -",
      "0 ANNOUNCED call-2 5002 - -",
      "0 PARKED call-3 5003 - -",
      "0 ANNOUNCED call-3 5003 - -",
      // The location's defaults: Recall Timer 45 s, normal ring.
      `45 RECALLED_TO_PARKER call-1 5001 ${f.people[0]} -`,
      `45 RECALLED_TO_PARKER call-2 5002 ${f.people[1]} -`,
      `45 RECALLED_TO_PARKER call-3 5003 ${f.people[2]} -`,
      `90 RECALLED_TO_PARKER call-1 5001 ${f.people[0]} -`,
      `90 RECALLED_TO_PARKER call-2 5002 ${f.people[1]} -`,
      `90 RECALLED_TO_PARKER call-3 5003 ${f.people[2]} -`,
    ]);
    expect(result.events[6].ringPattern).toBe("NORMAL");
    expect({ recallTime: result.recallTime, huntWaitTime: result.huntWaitTime, until: result.until }).toEqual({ recallTime: 45, huntWaitTime: 45, until: 100 });
    // Who takes part, with their group; the location's 6 call park extensions and 41 members' extensions.
    expect(result.participants.find((p) => p.id === f.people[0])).toMatchObject({ type: "PEOPLE", extension: "1001", callParkId: f.callParkId });
    expect(result.participants.find((p) => p.id === f.support)).toMatchObject({ type: "HUNT_GROUP", extension: "4001", callParkId: null });
    expect(result.destinations.filter((d) => d.kind === "CALL_PARK_EXTENSION")).toHaveLength(6);
    expect(result.destinations.filter((d) => d.kind === "MEMBER")).toHaveLength(41);
  });

  it("plays the saved Call Park Settings: a direct park follows the location's recall option, timers and ring", async () => {
    const f = await frontDesk();
    const put = await putSettings(server, f.locationId, {
      callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: f.support },
      callParkSettings: { ringPattern: "SHORT_SHORT_LONG", recallTime: 60, huntWaitTime: 120 },
    });
    expect(put.statusCode, put.body).toBe(204);
    const steps = [{ at: 0, by: f.workspace, dial: "*68 5006" }, { at: 0, by: f.people[0], dial: "#58" }];
    const res = await simulateAt(server, f.locationId, { steps, until: 600 });
    expect(res.statusCode, res.body).toBe(200);
    expect(lines(res.json().events)).toEqual([
      "0 PARKED call-1 5006 - -",
      "0 PARKED call-2 5001 - -",
      "0 ANNOUNCED call-2 5001 - -",
      `60 RECALLED_TO_PARKER call-1 5006 ${f.workspace} -`,
      `60 RECALLED_TO_PARKER call-2 5001 ${f.people[0]} -`,
      `180 ALERTED_HUNT_GROUP call-1 5006 ${f.support} -`,
      // The group keeps its own option (parker only): every Recall Timer.
      ...[120, 180, 240, 300, 360, 420, 480, 540, 600].map((t) => `${t} RECALLED_TO_PARKER call-2 5001 ${f.people[0]} -`),
    ].sort((a, b) => Number(a.split(" ")[0]) - Number(b.split(" ")[0])));
    expect(res.json().events[3].ringPattern).toBe("SHORT_SHORT_LONG");
  });

  it("applies overrides without saving them: a group's recall option, the location's Recall Timer", async () => {
    const f = await frontDesk();
    const before = await groupTables(server.db);
    const overrides = {
      callParkSettings: { callParkSettings: { recallTime: 30 } },
      callParks: [{ id: f.callParkId, recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: f.support } }],
    };
    const res = await simulateAt(server, f.locationId, { steps: threeParks(f.people).slice(0, 1), until: 100, overrides });
    expect(res.statusCode, res.body).toBe(200);
    expect(lines(res.json().events)).toEqual(["0 PARKED call-1 5001 - -", "0 ANNOUNCED call-1 5001 - -", `30 ALERTED_HUNT_GROUP call-1 5001 ${f.support} -`]);
    expect(res.json().recallTime).toBe(30);
    expect(await groupTables(server.db)).toEqual(before);
    // Without the overrides: the saved configuration again.
    const saved = await simulateAt(server, f.locationId, { steps: threeParks(f.people).slice(0, 1), until: 100 });
    expect(lines(saved.json().events).slice(2)).toEqual([`45 RECALLED_TO_PARKER call-1 5001 ${f.people[0]} -`, `90 RECALLED_TO_PARKER call-1 5001 ${f.people[0]} -`]);
  });

  it("an override of the destinations changes where the group parks: members' extensions instead", async () => {
    const f = await frontDesk();
    const overrides = { callParks: [{ id: f.callParkId, parkOnAgentsEnabled: true, callParkExtensions: [] }] };
    const res = await simulateAt(server, f.locationId, { steps: threeParks(f.people), until: 10, overrides });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().events.filter((e: SimulationEvent) => e.kind === "PARKED").map((e: SimulationEvent) => e.extension)).toEqual(["1001", "1002", "1003"]);
  });

  it("refuses overrides as their PUTs would be refused, with the issues under the override's path", async () => {
    const f = await frontDesk();
    const noHuntGroup = await simulateAt(server, f.locationId, {
      steps: threeParks(f.people),
      overrides: { callParks: [{ id: f.callParkId, recall: { option: "ALERT_HUNT_GROUP_ONLY" } }] },
    });
    expect(expectApiError(noHuntGroup, "validation").issues).toEqual([{ path: ["overrides", "callParks", 0, "recall", "huntGroupId"], code: "huntGroupRequired" }]);
    const london = await locationIdOf(server.db, "London");
    const otherHuntGroup = (await server.db.selectFrom("hunt_groups").select("id").where("location_id", "=", london).executeTakeFirstOrThrow()).id;
    const settings = await simulateAt(server, f.locationId, {
      steps: threeParks(f.people),
      overrides: { callParkSettings: { callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: otherHuntGroup } } },
    });
    const issues = expectApiError(settings, "validation").issues ?? [];
    expect(issues.map((i) => [i.path, i.code])).toEqual([[["overrides", "callParkSettings", "callParkRecall", "huntGroupId"], "huntGroupOtherLocation"]]);
    const missing = await simulateAt(server, f.locationId, {
      steps: threeParks(f.people),
      overrides: { callParkSettings: { callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" } } },
    });
    expect(expectApiError(missing, "validation").issues).toEqual([{ path: ["overrides", "callParkSettings", "callParkRecall", "huntGroupId"], code: "huntGroupRequired" }]);
    const tooShort = await simulateAt(server, f.locationId, { steps: threeParks(f.people), overrides: { callParkSettings: { callParkSettings: { recallTime: 10 } } } });
    expect(expectApiError(tooShort, "validation").issues).toEqual([
      { path: ["overrides", "callParkSettings", "callParkSettings", "recallTime"], code: "secondsRange", params: { min: 30, max: 600 } },
    ]);
    const unknownGroup = await simulateAt(server, f.locationId, { steps: threeParks(f.people), overrides: { callParks: [{ id: "no-such-group", name: "X" }] } });
    expectApiError(unknownGroup, "callParkNotFound");
  });

  it("answers 400 with field issues for bad steps: a wrong dial, someone not of the location, too many steps, `until` out of range", async () => {
    const f = await frontDesk();
    const london = await locationIdOf(server.db, "London");
    const stranger = (await server.db.selectFrom("members").select("id").where("location_id", "=", london).executeTakeFirstOrThrow()).id;
    const wrongDial = await simulateAt(server, f.locationId, { steps: [{ at: 0, by: f.people[0], dial: "*58" }] });
    expect(expectApiError(wrongDial, "validation").issues).toEqual([{ path: ["steps", 0, "dial"], code: "invalidDial" }]);
    const unknownBy = await simulateAt(server, f.locationId, {
      steps: [{ at: 0, by: f.people[0], dial: "#58" }, { at: 1, by: stranger, dial: "#58" }, { at: 2, by: "nobody", answer: "call-1" }, { at: 3, by: f.support, dial: "*88 5001" }],
    });
    expect(expectApiError(unknownBy, "validation").issues).toEqual([
      { path: ["steps", 1, "by"], code: "memberNotFound" },
      { path: ["steps", 2, "by"], code: "memberNotFound" },
      // A hunt group is alerted, it does not dial.
      { path: ["steps", 3, "by"], code: "memberNotFound" },
    ]);
    const tooMany = await simulateAt(server, f.locationId, { steps: Array.from({ length: SIMULATION_MAX_STEPS + 1 }, () => ({ at: 0, by: f.people[0], dial: "#58" })) });
    expect(expectApiError(tooMany, "validation").issues?.map((i) => [i.path, i.code])).toEqual([[["steps"], "tooBig"]]);
    for (const until of [0, SIMULATION_MAX_SECONDS + 1, 1.5]) {
      const res = await simulateAt(server, f.locationId, { steps: threeParks(f.people), until });
      expect(expectApiError(res, "validation").issues?.map((i) => [i.path, i.code]), String(until)).toEqual([[["until"], until === 1.5 ? "notInteger" : until ? "tooBig" : "tooSmall"]]);
    }
    // No steps is no mistake: nothing happens, and the answer still lists who and where.
    const noSteps = await simulateAt(server, f.locationId, { steps: [] });
    expect(noSteps.statusCode, noSteps.body).toBe(200);
    expect(noSteps.json().events).toEqual([]);
    expect(noSteps.json().destinations).toHaveLength(47);
  });

  it("notifies the phones a parker's line appears on (the script's line appearances) of each call recalled to the parker", async () => {
    const f = await frontDesk();
    const [ana, bruno, carla, davi] = f.people;
    const lineAppearances = [{ owner: ana, shownOn: davi }, { owner: ana, shownOn: bruno }, { owner: carla, shownOn: ana }];
    const res = await simulateAt(server, f.locationId, { steps: threeParks(f.people), until: 45, lineAppearances });
    expect(res.statusCode, res.body).toBe(200);
    const recalls = simulationResultSchema.parse(res.json()).events.filter((e) => e.kind === "RECALLED_TO_PARKER");
    expect(recalls.map((e) => [e.by, e.alerted, e.notified ?? null])).toEqual([
      [ana, [ana], [davi, bruno]],
      [bruno, [bruno], null],
      [carla, [carla], [ana]],
    ]);
    // Nothing of it is kept: the next play without them notifies nobody.
    const again = await simulateAt(server, f.locationId, { steps: threeParks(f.people), until: 45 });
    expect(again.json().events.some((e: SimulationEvent) => e.notified)).toBe(false);
  });

  it("answers 400 on line appearances naming someone not of the location, a line shown on its own phone, a pair twice", async () => {
    const f = await frontDesk();
    const [ana, bruno] = f.people;
    const res = await simulateAt(server, f.locationId, {
      steps: [],
      lineAppearances: [
        { owner: ana, shownOn: bruno },
        { owner: "nobody", shownOn: f.support },
        { owner: ana, shownOn: ana },
        { owner: ana, shownOn: bruno },
      ],
    });
    expect(expectApiError(res, "validation").issues).toEqual([
      { path: ["lineAppearances", 1, "owner"], code: "memberNotFound" },
      { path: ["lineAppearances", 1, "shownOn"], code: "memberNotFound" },
      { path: ["lineAppearances", 2, "shownOn"], code: "invalidValue" },
      { path: ["lineAppearances", 3], code: "duplicateInList" },
    ]);
    const wrongShape = await simulateAt(server, f.locationId, { steps: [], lineAppearances: [{ owner: ana }] });
    expect(expectApiError(wrongShape, "validation").issues).toEqual([{ path: ["lineAppearances", 0, "shownOn"], code: "invalidType" }]);
  });

  it("takes an answer naming an unknown call as a step that fails (ANSWER_FAILED), not as a bad request", async () => {
    const f = await frontDesk();
    const res = await simulateAt(server, f.locationId, { steps: [{ at: 5, by: f.people[0], answer: "call-7" }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(lines(res.json().events)).toEqual(["5 ANSWER_FAILED call-7 - - NOT_RINGING"]);
  });

  it("works at a location with no groups: #58 is refused as NOT_A_MEMBER, a direct park and a retrieve work", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const person = (await server.db.selectFrom("members").select("id").where("location_id", "=", locationId).where("type", "=", "PEOPLE").orderBy("extension").executeTakeFirstOrThrow()).id;
    const steps = [{ at: 0, by: person, dial: "#58" }, { at: 1, by: person, dial: "*68 5002" }, { at: 2, by: person, dial: "*885002" }];
    const res = await simulateAt(server, locationId, { steps });
    expect(res.statusCode, res.body).toBe(200);
    expect(lines(res.json().events)).toEqual(["0 PARK_FAILED call-1 - - NOT_A_MEMBER", "1 PARKED call-2 5002 - -", "2 RETRIEVED call-2 5002 - -"]);
  });

  it("answers 404 locationNotFound for an unknown location", async () => {
    const res = await simulateAt(server, "bm93aGVyZQ", { steps: [{ at: 0, by: "x", dial: "#58" }] });
    expect(expectApiError(res, "locationNotFound").params).toEqual({ id: "bm93aGVyZQ" });
  });

  it("lets a read-only administrator play it (it changes nothing), and hides another location from a location administrator", async () => {
    const f = await frontDesk();
    const readOnly = await signIn(server, "readOnly");
    const res = await simulateAt(server, f.locationId, { steps: threeParks(f.people) }, readOnly.write);
    expect(res.statusCode, res.body).toBe(200);
    const location = await signIn(server, "location");
    // The location administrator manages São Paulo only.
    expectApiError(await simulateAt(server, f.locationId, { steps: threeParks(f.people) }, location.write), "locationNotFound");
  });
});
