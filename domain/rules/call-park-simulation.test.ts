import { describe, expect, it } from "vitest";
import type { SimulationEvent, SimulationStep } from "@domain/schemas/simulation";
import { simulationRequestSchema } from "@domain/schemas/simulation";
import {
  groupDestinations,
  parseDial,
  simulate,
  type SimulationConfig,
  simulationDestinations,
  simulationParticipants,
} from "./call-park-simulation";
import type { RecallOption } from "./recall";

// A location: people p1–p4 (1001–1004), a workspace w1 (2001) outside any group, call park
// extensions 5001–5003 and a hunt group "Support". Group "Front desk" has p1–p3 and hunts
// 5001, 5002, 5003 in that order. Recall Timer 45 s, wait 30 s.
function location(
  changes: { direct?: RecallOption; group?: RecallOption; huntGroupId?: string | null; parkOnAgentsEnabled?: boolean; destinations?: string[] } = {},
): SimulationConfig {
  const huntGroupId = changes.huntGroupId === undefined ? "hg-support" : changes.huntGroupId;
  return {
    settings: {
      recall: { option: changes.direct ?? "ALERT_PARKING_USER_ONLY", huntGroupId },
      ringPattern: "LONG_LONG",
      recallTime: 45,
      huntWaitTime: 30,
    },
    groups: [
      {
        id: "g-front",
        name: "Front desk",
        recall: { option: changes.group ?? "ALERT_PARKING_USER_ONLY", huntGroupId },
        members: ["p1", "p2", "p3"],
        callParkExtensions: changes.destinations ?? ["c1", "c2", "c3"],
        parkOnAgentsEnabled: changes.parkOnAgentsEnabled ?? false,
      },
    ],
    members: [
      { id: "p1", name: "Ana", type: "PEOPLE", extension: "1001" },
      { id: "p2", name: "Bruno", type: "PEOPLE", extension: "1002" },
      { id: "p3", name: "Carla", type: "PEOPLE", extension: "1003" },
      { id: "p4", name: "Davi", type: "PEOPLE", extension: "1004" },
      { id: "w1", name: "Lobby", type: "PLACE", extension: "2001" },
    ],
    callParkExtensions: [
      { id: "c1", name: "Park 1", extension: "5001" },
      { id: "c2", name: "Park 2", extension: "5002" },
      { id: "c3", name: "Park 3", extension: "5003" },
    ],
    huntGroups: [{ id: "hg-support", name: "Support", extension: "4001" }],
  };
}

const dial = (at: number, by: string, what: string): SimulationStep => ({ at, by, dial: what });
const answer = (at: number, by: string, callId: string): SimulationStep => ({ at, by, answer: callId });

/** The events as short lines: second, kind, call, extension, alerted, reason ("-" for none). */
function lines(events: SimulationEvent[]) {
  return events.map((e) => [e.at, e.kind, e.callId ?? "-", e.extension ?? "-", e.alerted.join(",") || "-", e.reason ?? "-"].join(" "));
}

const run = (config: SimulationConfig, steps: SimulationStep[], until = 600) => simulate(config, steps, until);

describe("#58, Call Park Group", () => {
  it("three members parking at once land on the first three destinations, each announced (the issue's Done when)", () => {
    const events = run(location(), [dial(0, "p1", "#58"), dial(0, "p2", "#58"), dial(0, "p3", "#58")], 50);
    expect(lines(events)).toEqual([
      "0 PARKED call-1 5001 - -",
      "0 ANNOUNCED call-1 5001 - -",
      "0 PARKED call-2 5002 - -",
      "0 ANNOUNCED call-2 5002 - -",
      "0 PARKED call-3 5003 - -",
      "0 ANNOUNCED call-3 5003 - -",
      "45 RECALLED_TO_PARKER call-1 5001 p1 -",
      "45 RECALLED_TO_PARKER call-2 5002 p2 -",
      "45 RECALLED_TO_PARKER call-3 5003 p3 -",
    ]);
    expect(events.filter((e) => e.kind === "PARKED").map((e) => e.by)).toEqual(["p1", "p2", "p3"]);
  });

  it("hunts from the first destination every time, even after an earlier one frees", () => {
    const events = run(location(), [
      dial(0, "p1", "#58"),
      dial(1, "p2", "#58"),
      dial(2, "p4", "*88 5001"),
      dial(3, "p3", "#58"),
      dial(4, "p1", "#58"),
    ], 10);
    expect(events.filter((e) => e.kind === "PARKED").map((e) => `${e.callId} ${e.extension}`)).toEqual([
      "call-1 5001",
      "call-2 5002",
      // 5001 was freed by the retrieve: the next park takes it again, not 5003.
      "call-3 5001",
      "call-4 5003",
    ]);
  });

  it("fails with ALL_DESTINATIONS_BUSY when every destination holds a call, and the attempt still numbers a call", () => {
    const events = run(location(), [
      dial(0, "p1", "#58"),
      dial(0, "p2", "#58"),
      dial(0, "p3", "#58"),
      dial(5, "p1", "#58"),
      dial(6, "p2", "*68 5001"),
    ], 10);
    expect(lines(events).slice(6)).toEqual(["5 PARK_FAILED call-4 - - ALL_DESTINATIONS_BUSY", "6 PARK_FAILED call-5 5001 - DESTINATION_BUSY"]);
  });

  it("is only for members: anyone else gets NOT_A_MEMBER", () => {
    expect(lines(run(location(), [dial(0, "w1", "#58")]))).toEqual(["0 PARK_FAILED call-1 - - NOT_A_MEMBER"]);
  });

  it("fails with NO_DESTINATIONS in a group with no call park extensions that does not park on members", () => {
    expect(lines(run(location({ destinations: [] }), [dial(0, "p1", "#58")]))).toEqual(["0 PARK_FAILED call-1 - - NO_DESTINATIONS"]);
  });

  it("parks on the members' own extensions, in member order, when they are the destinations", () => {
    const config = location({ parkOnAgentsEnabled: true, destinations: [] });
    expect(groupDestinations(config, config.groups[0])).toEqual(["1001", "1002", "1003"]);
    const events = run(config, [dial(0, "p3", "#58"), dial(0, "p1", "#58")], 10);
    expect(events.filter((e) => e.kind === "ANNOUNCED").map((e) => e.extension)).toEqual(["1001", "1002"]);
  });
});

describe("*68, Call Park Direct", () => {
  it("parks anyone's call against a call park extension or a member's extension", () => {
    const events = run(location(), [dial(0, "w1", "*685002"), dial(1, "p4", "*68 1001")], 10);
    expect(lines(events)).toEqual(["0 PARKED call-1 5002 - -", "1 PARKED call-2 1001 - -"]);
  });

  it("refuses an extension that is neither (UNKNOWN_EXTENSION: a hunt group's, or nobody's) and one already holding a call", () => {
    const events = run(location(), [dial(0, "p1", "*68 4001"), dial(0, "p1", "*68 9999"), dial(1, "p1", "*68 5001"), dial(2, "p2", "*68 5001")], 10);
    expect(lines(events)).toEqual([
      "0 PARK_FAILED call-1 4001 - UNKNOWN_EXTENSION",
      "0 PARK_FAILED call-2 9999 - UNKNOWN_EXTENSION",
      "1 PARKED call-3 5001 - -",
      "2 PARK_FAILED call-4 5001 - DESTINATION_BUSY",
    ]);
  });

  it("recalls by the location's option, and a group park by the group's", () => {
    const config = location({ direct: "ALERT_HUNT_GROUP_ONLY", group: "ALERT_PARKING_USER_ONLY" });
    const events = run(config, [dial(0, "p1", "*68 5003"), dial(0, "p2", "#58")], 50);
    expect(lines(events).slice(3)).toEqual(["45 ALERTED_HUNT_GROUP call-1 5003 hg-support -", "45 RECALLED_TO_PARKER call-2 5001 p2 -"]);
    const swapped = run(location({ direct: "ALERT_PARKING_USER_ONLY", group: "ALERT_HUNT_GROUP_ONLY" }), [dial(0, "p1", "*68 5003"), dial(0, "p2", "#58")], 50);
    expect(lines(swapped).slice(3)).toEqual(["45 RECALLED_TO_PARKER call-1 5003 p1 -", "45 ALERTED_HUNT_GROUP call-2 5001 hg-support -"]);
  });
});

describe("*88, retrieve", () => {
  it("a retrieve before the recall ends the call's timeline and frees the extension", () => {
    const events = run(location(), [dial(0, "p1", "#58"), dial(20, "w1", "*88 5001"), dial(30, "p2", "#58")], 600);
    expect(lines(events)).toEqual([
      "0 PARKED call-1 5001 - -",
      "0 ANNOUNCED call-1 5001 - -",
      "20 RETRIEVED call-1 5001 - -",
      "30 PARKED call-2 5001 - -",
      "30 ANNOUNCED call-2 5001 - -",
      "75 RECALLED_TO_PARKER call-2 5001 p2 -",
      ...[120, 165, 210, 255, 300, 345, 390, 435, 480, 525, 570].map((t) => `${t} RECALLED_TO_PARKER call-2 5001 p2 -`),
    ]);
    expect(events[2].by).toBe("w1");
  });

  it("retrieves a call being recalled to its parker, which stays parked until the hunt group takes it", () => {
    const config = location({ group: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" });
    const events = run(config, [dial(0, "p1", "#58"), dial(50, "p4", "*88 5001")], 600);
    expect(lines(events).slice(2)).toEqual(["45 RECALLED_TO_PARKER call-1 5001 p1 -", "50 RETRIEVED call-1 5001 - -"]);
  });

  it("says NOTHING_PARKED for a free destination, and UNKNOWN_EXTENSION for anything else, with no call", () => {
    const events = run(location(), [dial(0, "p1", "*88 5002"), dial(0, "p1", "*88 7777")]);
    expect(lines(events)).toEqual(["0 RETRIEVE_FAILED - 5002 - NOTHING_PARKED", "0 RETRIEVE_FAILED - 7777 - UNKNOWN_EXTENSION"]);
    expect(events.map((e) => e.callId)).toEqual([null, null]);
  });

  it("cannot retrieve a call that has gone to the hunt group: its extension is free again", () => {
    const events = run(location({ group: "ALERT_HUNT_GROUP_ONLY" }), [dial(0, "p1", "#58"), dial(46, "p1", "*88 5001"), dial(47, "p2", "#58")], 50);
    expect(lines(events).slice(2)).toEqual([
      "45 ALERTED_HUNT_GROUP call-1 5001 hg-support -",
      "46 RETRIEVE_FAILED - 5001 - NOTHING_PARKED",
      "47 PARKED call-2 5001 - -",
      "47 ANNOUNCED call-2 5001 - -",
    ]);
  });
});

describe("recall", () => {
  it("Alert parking user only: rings the parker every Recall Timer with the location's ring pattern, and the call stays parked", () => {
    const events = run(location(), [dial(0, "p1", "#58"), dial(100, "p2", "#58")], 140);
    const recalls = events.filter((e) => e.kind === "RECALLED_TO_PARKER");
    expect(recalls.map((e) => e.at)).toEqual([45, 90, 135]);
    expect(recalls.every((e) => e.ringPattern === "LONG_LONG" && e.alerted.join() === "p1" && e.by === "p1")).toBe(true);
    // 5001 still holds call-1: the next park hunts past it.
    expect(events.find((e) => e.kind === "PARKED" && e.callId === "call-2")?.extension).toBe("5002");
  });

  it("Alert parking user first, then hunt group: the parker at R, the hunt group at R + W, never reverting after", () => {
    const events = run(location({ group: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" }), [dial(10, "p1", "#58"), dial(90, "p2", "#58")], 3600);
    expect(lines(events)).toEqual([
      "10 PARKED call-1 5001 - -",
      "10 ANNOUNCED call-1 5001 - -",
      "55 RECALLED_TO_PARKER call-1 5001 p1 -",
      "85 ALERTED_HUNT_GROUP call-1 5001 hg-support -",
      // The slot is free once the hunt group has the call.
      "90 PARKED call-2 5001 - -",
      "90 ANNOUNCED call-2 5001 - -",
      "135 RECALLED_TO_PARKER call-2 5001 p2 -",
      "165 ALERTED_HUNT_GROUP call-2 5001 hg-support -",
    ]);
    expect(events[2].ringPattern).toBe("LONG_LONG");
    expect(events[3].ringPattern).toBeNull();
  });

  it("Alert hunt group only: the hunt group at the Recall Timer, never the parker", () => {
    const events = run(location({ direct: "ALERT_HUNT_GROUP_ONLY" }), [dial(0, "p1", "*68 5002")], 3600);
    expect(lines(events)).toEqual(["0 PARKED call-1 5002 - -", "45 ALERTED_HUNT_GROUP call-1 5002 hg-support -"]);
  });

  it("a hunt-group option with no hunt group (or one that no longer exists) recalls the parker instead, marked NO_HUNT_GROUP", () => {
    for (const huntGroupId of [null, "hg-deleted"]) {
      const events = run(location({ direct: "ALERT_HUNT_GROUP_ONLY", huntGroupId }), [dial(0, "p1", "*68 5002")], 100);
      expect(lines(events)).toEqual(["0 PARKED call-1 5002 - -", "45 RECALLED_TO_PARKER call-1 5002 p1 NO_HUNT_GROUP", "90 RECALLED_TO_PARKER call-1 5002 p1 NO_HUNT_GROUP"]);
    }
  });

  it("takes the location's Recall Timer and wait time", () => {
    const config = location({ direct: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" });
    config.settings.recallTime = 120;
    config.settings.huntWaitTime = 300;
    const events = run(config, [dial(0, "p1", "*68 5001")], 3600);
    expect(events.map((e) => `${e.at} ${e.kind}`)).toEqual(["0 PARKED", "120 RECALLED_TO_PARKER", "420 ALERTED_HUNT_GROUP"]);
  });
});

describe("answering a recalled call", () => {
  it("the parker answers a call ringing them, which ends it and frees its extension; nobody else can", () => {
    const events = run(location(), [dial(0, "p1", "#58"), answer(45, "p2", "call-1"), answer(45, "p1", "call-1"), dial(46, "p2", "#58")], 60);
    expect(lines(events)).toEqual([
      "0 PARKED call-1 5001 - -",
      "0 ANNOUNCED call-1 5001 - -",
      // The recall due at 45 s happens before the steps of that second.
      "45 RECALLED_TO_PARKER call-1 5001 p1 -",
      "45 ANSWER_FAILED call-1 5001 - NOT_RINGING",
      "45 ANSWERED call-1 5001 - -",
      "46 PARKED call-2 5001 - -",
      "46 ANNOUNCED call-2 5001 - -",
    ]);
  });

  it("a call not yet recalled, an unknown call and a failed park are not ringing", () => {
    const events = run(location(), [dial(0, "p1", "#58"), answer(10, "p1", "call-1"), answer(11, "p1", "call-9"), dial(12, "w1", "#58"), answer(13, "w1", "call-2")], 20);
    expect(lines(events).slice(2)).toEqual([
      "10 ANSWER_FAILED call-1 5001 - NOT_RINGING",
      "11 ANSWER_FAILED call-9 - - NOT_RINGING",
      "12 PARK_FAILED call-2 - - NOT_A_MEMBER",
      "13 ANSWER_FAILED call-2 - - NOT_RINGING",
    ]);
  });

  it("anyone may answer a call with the hunt group, and then it does not come back", () => {
    const events = run(location({ group: "ALERT_HUNT_GROUP_ONLY" }), [dial(0, "p1", "#58"), answer(60, "w1", "call-1"), answer(61, "p1", "call-1")], 600);
    expect(lines(events).slice(2)).toEqual([
      "45 ALERTED_HUNT_GROUP call-1 5001 hg-support -",
      "60 ANSWERED call-1 5001 - -",
      "61 ANSWER_FAILED call-1 5001 - NOT_RINGING",
    ]);
  });
});

describe("the script", () => {
  it("runs steps of one second in the order given, whatever order the list has, and nothing after `until`", () => {
    const events = run(location(), [dial(5, "p2", "#58"), dial(0, "p1", "#58"), dial(5, "p3", "#58"), dial(61, "p4", "*68 5004")], 60);
    expect(events.filter((e) => e.kind === "PARKED").map((e) => `${e.at} ${e.by} ${e.extension}`)).toEqual(["0 p1 5001", "5 p2 5002", "5 p3 5003"]);
    // The recalls at 45 s (call-1) and 50 s (two of them); the next ones (90 s) are past the end.
    expect(events.filter((e) => e.kind === "RECALLED_TO_PARKER").map((e) => `${e.at} ${e.callId}`)).toEqual(["45 call-1", "50 call-2", "50 call-3"]);
    expect(events.every((e, i) => i === 0 || events[i - 1].at <= e.at)).toBe(true);
  });

  it("reads a dial with or without a space after the code", () => {
    expect(parseDial("*68 5001")).toEqual({ code: "*68", extension: "5001" });
    expect(parseDial("*885001")).toEqual({ code: "*88", extension: "5001" });
    expect(parseDial("#58")).toEqual({ code: "#58", extension: null });
  });

  it("the request schema takes #58, *68 and *88 with an extension, and refuses anything else as invalidDial", () => {
    const ok = simulationRequestSchema.safeParse({ steps: [dial(0, "p1", "#58"), dial(0, "p1", "*68 5001"), dial(0, "p1", "*885001")] });
    expect(ok.success && ok.data.until).toBe(600);
    for (const wrong of ["*58", "#58 5001", "*68", "*88 12345678901", "5001"]) {
      const res = simulationRequestSchema.safeParse({ steps: [dial(0, "p1", wrong)] });
      expect(res.success ? "" : res.error.issues[0].message, wrong).toBe("invalidDial");
    }
  });

  it("lists the destinations (call park extensions, then members' extensions) and the participants with their group", () => {
    const config = location();
    expect(simulationDestinations(config).map((d) => `${d.kind} ${d.extension}`)).toEqual([
      "CALL_PARK_EXTENSION 5001",
      "CALL_PARK_EXTENSION 5002",
      "CALL_PARK_EXTENSION 5003",
      "MEMBER 1001",
      "MEMBER 1002",
      "MEMBER 1003",
      "MEMBER 1004",
      "MEMBER 2001",
    ]);
    expect(simulationParticipants(config).map((p) => `${p.id} ${p.type} ${p.callParkId ?? "-"}`)).toEqual([
      "p1 PEOPLE g-front",
      "p2 PEOPLE g-front",
      "p3 PEOPLE g-front",
      "p4 PEOPLE -",
      "w1 PLACE -",
      "hg-support HUNT_GROUP -",
    ]);
  });
});

describe("lines of the parker on other phones (shared or monitored)", () => {
  it("are notified of every call recalled to the parker, and of nothing else", () => {
    const config = { ...location({ group: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" }), lineAppearances: [
      { owner: "p1", shownOn: "p4" },
      { owner: "p1", shownOn: "w1" },
      { owner: "p1", shownOn: "p4" },
      { owner: "p2", shownOn: "p3" },
    ] };
    const events = simulate(config, [dial(0, "p1", "#58")], 120);
    expect(events.map((e) => [e.at, e.kind, e.notified ?? null])).toEqual([
      [0, "PARKED", null],
      [0, "ANNOUNCED", null],
      [45, "RECALLED_TO_PARKER", ["p4", "w1"]],
      [75, "ALERTED_HUNT_GROUP", null],
    ]);
    // Who is alerted is still the parker alone: the other phones are told, not rung instead.
    expect(events[2].alerted).toEqual(["p1"]);
  });

  it("are notified at each ring-back of the parker-only option, and not when the parker has no line elsewhere", () => {
    const config = { ...location(), lineAppearances: [{ owner: "p2", shownOn: "p4" }] };
    const events = simulate(config, [dial(0, "p1", "*685001"), dial(0, "p2", "*685002")], 90);
    const recalls = events.filter((e) => e.kind === "RECALLED_TO_PARKER").map((e) => [e.at, e.by, e.notified ?? null]);
    expect(recalls).toEqual([
      [45, "p1", null],
      [45, "p2", ["p4"]],
      [90, "p1", null],
      [90, "p2", ["p4"]],
    ]);
  });
});
