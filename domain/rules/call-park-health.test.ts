import { describe, expect, it } from "vitest";
import { callParkHealthFindingSchema } from "@domain/schemas/call-park-health";
import {
  callParkHealthFindings,
  compareFindings,
  countByKind,
  EXTENSIONS_NAMED,
  HEALTH_KINDS,
  type HealthCallPark,
  type HealthHuntGroup,
  type HealthInput,
  type HealthLocation,
  NEAR_LIMIT_FROM,
} from "./call-park-health";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "./limits";
import { DEFAULT_CALL_PARK_SETTINGS } from "./recall";

// A healthy location (the defaults, a group parking on as many call park extensions as it
// has members, recalled to the parker) and hunt groups with agents; each test breaks one thing.

const PARKER_ONLY = { option: "ALERT_PARKING_USER_ONLY", huntGroupId: null } as const;

function group(overrides: Partial<HealthCallPark> = {}): HealthCallPark {
  return { id: "G1", name: "Dock team", recall: PARKER_ONLY, members: 3, callParkExtensions: 3, parkOnAgentsEnabled: false, ...overrides };
}

function location(overrides: Partial<HealthLocation> = {}): HealthLocation {
  return {
    id: "L1",
    name: "San Jose HQ",
    settings: { recall: PARKER_ONLY, huntWaitTime: DEFAULT_CALL_PARK_SETTINGS.huntWaitTime },
    callParkExtensionCount: 6,
    extensionsInNoGroup: [],
    callParks: [group()],
    ...overrides,
  };
}

const SUPPORT: HealthHuntGroup = { id: "H1", name: "Support", locationId: "L1", agentCount: 4 };
const EMPTY: HealthHuntGroup = { id: "H2", name: "Sales", locationId: "L1", agentCount: 0 };
const ELSEWHERE: HealthHuntGroup = { id: "H3", name: "London Support", locationId: "L2", agentCount: 2 };
const UNKNOWN_AGENTS: HealthHuntGroup = { id: "H4", name: "Mirrored", locationId: "L1", agentCount: null };
const HUNT_GROUPS = [SUPPORT, EMPTY, ELSEWHERE, UNKNOWN_AGENTS];

const findingsOf = (locations: HealthLocation[], huntGroups = HUNT_GROUPS) => callParkHealthFindings({ locations, huntGroups });
const kindsOf = (input: HealthLocation[], huntGroups = HUNT_GROUPS) => findingsOf(input, huntGroups).map((f) => f.kind);

describe("a healthy configuration", () => {
  it("has no findings", () => {
    expect(findingsOf([location()])).toEqual([]);
  });

  it("with hunt groups of its own location that have agents, in settings and in groups, has none either", () => {
    const withHunt = { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "H1" } as const;
    const input = location({
      settings: { recall: withHunt, huntWaitTime: 120 },
      callParks: [group({ recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H1" } })],
    });
    expect(findingsOf([input])).toEqual([]);
  });
});

describe("GROUP_CANNOT_PARK", () => {
  it("a group with no call park extensions that does not park on its members", () => {
    const findings = findingsOf([location({ callParks: [group({ callParkExtensions: 0, members: 2 })] })]);
    expect(findings).toEqual([
      {
        kind: "GROUP_CANNOT_PARK",
        severity: "ERROR",
        locationId: "L1",
        locationName: "San Jose HQ",
        objectType: "CALL_PARK",
        objectId: "G1",
        objectName: "Dock team",
        members: 2,
      },
    ]);
  });

  it("is not a group parking on its members, nor one with a call park extension", () => {
    expect(kindsOf([location({ callParks: [group({ callParkExtensions: 0, parkOnAgentsEnabled: true })] })])).toEqual([]);
    expect(kindsOf([location({ callParks: [group({ callParkExtensions: 1, members: 1 })] })])).toEqual([]);
  });
});

describe("FEWER_DESTINATIONS_THAN_MEMBERS", () => {
  it("a group with fewer call park extensions than members: some cannot park when all park at once", () => {
    const [finding] = findingsOf([location({ callParks: [group({ members: 5, callParkExtensions: 2 })] })]);
    expect(finding).toMatchObject({ kind: "FEWER_DESTINATIONS_THAN_MEMBERS", severity: "WARNING", objectType: "CALL_PARK", members: 5, destinations: 2 });
  });

  it("is not a group with as many or more, one parking on its members, nor one that cannot park at all (that is GROUP_CANNOT_PARK)", () => {
    expect(kindsOf([location({ callParks: [group({ members: 3, callParkExtensions: 3 })] })])).toEqual([]);
    expect(kindsOf([location({ callParks: [group({ members: 2, callParkExtensions: 7 })] })])).toEqual([]);
    expect(kindsOf([location({ callParks: [group({ members: 9, callParkExtensions: 0, parkOnAgentsEnabled: true })] })])).toEqual([]);
    expect(kindsOf([location({ callParks: [group({ members: 4, callParkExtensions: 0 })] })])).toEqual(["GROUP_CANNOT_PARK"]);
  });
});

describe("RECALL_WITHOUT_HUNT_GROUP", () => {
  it("the location's recall needs a hunt group and has none", () => {
    const input = location({ settings: { recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: null }, huntWaitTime: 45 } });
    expect(findingsOf([input])).toEqual([
      {
        kind: "RECALL_WITHOUT_HUNT_GROUP",
        severity: "ERROR",
        locationId: "L1",
        locationName: "San Jose HQ",
        objectType: "LOCATION",
        objectId: "L1",
        objectName: "San Jose HQ",
        recallOption: "ALERT_HUNT_GROUP_ONLY",
        reason: "MISSING",
      },
    ]);
  });

  it("a group's recall names a hunt group that no longer exists", () => {
    const input = location({ callParks: [group({ recall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "gone" } })] });
    expect(findingsOf([input])).toEqual([
      expect.objectContaining({ kind: "RECALL_WITHOUT_HUNT_GROUP", objectType: "CALL_PARK", objectId: "G1", reason: "MISSING", recallOption: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP" }),
    ]);
  });

  it("a hunt group of another location, in the settings and in a group, named unless the viewer may not see it", () => {
    const other = { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H3" } as const;
    const input = location({ settings: { recall: other, huntWaitTime: 45 }, callParks: [group({ recall: other })] });
    expect(findingsOf([input])).toEqual([
      expect.objectContaining({ objectType: "LOCATION", reason: "OTHER_LOCATION", huntGroupId: "H3", huntGroupName: "London Support" }),
      expect.objectContaining({ objectType: "CALL_PARK", reason: "OTHER_LOCATION", huntGroupId: "H3", huntGroupName: "London Support" }),
    ]);
    const hidden = findingsOf([input], [{ ...ELSEWHERE, name: null }]);
    expect(hidden.map((f) => f.kind)).toEqual(["RECALL_WITHOUT_HUNT_GROUP", "RECALL_WITHOUT_HUNT_GROUP"]);
    for (const finding of hidden) expect(finding).not.toHaveProperty("huntGroupName");
  });

  it("is not an option that never reaches a hunt group, even with one left stored", () => {
    const input = location({
      settings: { recall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: "gone" }, huntWaitTime: 45 },
      callParks: [group({ recall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: "H3" } })],
    });
    expect(findingsOf([input])).toEqual([]);
  });
});

describe("HUNT_GROUP_WITHOUT_AGENTS", () => {
  it("the location's recall or a group's goes to a hunt group with no agents", () => {
    const empty = { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "H2" } as const;
    const input = location({ settings: { recall: empty, huntWaitTime: 45 }, callParks: [group({ recall: { ...empty, option: "ALERT_HUNT_GROUP_ONLY" } })] });
    expect(findingsOf([input])).toEqual([
      {
        kind: "HUNT_GROUP_WITHOUT_AGENTS",
        severity: "ERROR",
        locationId: "L1",
        locationName: "San Jose HQ",
        objectType: "LOCATION",
        objectId: "L1",
        objectName: "San Jose HQ",
        recallOption: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP",
        huntGroupId: "H2",
        huntGroupName: "Sales",
      },
      expect.objectContaining({ kind: "HUNT_GROUP_WITHOUT_AGENTS", objectType: "CALL_PARK", objectId: "G1", recallOption: "ALERT_HUNT_GROUP_ONLY", huntGroupName: "Sales" }),
    ]);
  });

  it("is not a hunt group with agents, one whose agents are not known, nor a recall that never reaches it", () => {
    const to = (huntGroupId: string) => location({ settings: { recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId }, huntWaitTime: 45 } });
    expect(kindsOf([to("H1")])).toEqual([]);
    expect(kindsOf([to("H4")])).toEqual([]);
    expect(kindsOf([location({ settings: { recall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: "H2" }, huntWaitTime: 45 } })])).toEqual([]);
  });

  it("is found beside OTHER_LOCATION when another location's hunt group has no agents either", () => {
    const input = location({ callParks: [group({ recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H3" } })] });
    expect(kindsOf([input], [{ ...ELSEWHERE, agentCount: 0 }])).toEqual(["RECALL_WITHOUT_HUNT_GROUP", "HUNT_GROUP_WITHOUT_AGENTS"]);
  });
});

describe("HUNT_WAIT_UNUSED", () => {
  it("a wait time of its own while neither the location's option nor any group alerts the parker first, then a hunt group", () => {
    const input = location({
      settings: { recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H1" }, huntWaitTime: 120 },
      callParks: [group(), group({ id: "G2", name: "Hunt only", recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H1" } })],
    });
    expect(findingsOf([input])).toEqual([
      {
        kind: "HUNT_WAIT_UNUSED",
        severity: "WARNING",
        locationId: "L1",
        locationName: "San Jose HQ",
        objectType: "LOCATION",
        objectId: "L1",
        objectName: "San Jose HQ",
        huntWaitTime: 120,
        recallOption: "ALERT_HUNT_GROUP_ONLY",
      },
    ]);
  });

  it("is not the default wait time, nor one the location's option or a group of the location uses", () => {
    expect(kindsOf([location({ settings: { recall: PARKER_ONLY, huntWaitTime: DEFAULT_CALL_PARK_SETTINGS.huntWaitTime } })])).toEqual([]);
    const thenHunt = { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "H1" } as const;
    expect(kindsOf([location({ settings: { recall: thenHunt, huntWaitTime: 300 } })])).toEqual([]);
    expect(kindsOf([location({ settings: { recall: PARKER_ONLY, huntWaitTime: 300 }, callParks: [group({ recall: thenHunt })] })])).toEqual([]);
  });

  it("is not used by another location's group", () => {
    const thenHunt = { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "H3" } as const;
    const here = location({ settings: { recall: PARKER_ONLY, huntWaitTime: 300 }, callParks: [] });
    const there = location({ id: "L2", name: "London", callParks: [group({ id: "G9", recall: thenHunt })] });
    expect(findingsOf([here, there]).map((f) => [f.kind, f.locationId])).toEqual([["HUNT_WAIT_UNUSED", "L1"]]);
  });
});

describe("LOCATION_NEAR_LIMIT", () => {
  it(`from ${NEAR_LIMIT_FROM} call park extensions up to the cap of ${MAX_CALL_PARK_EXTENSIONS_PER_LOCATION}`, () => {
    expect(NEAR_LIMIT_FROM).toBe(90);
    for (const count of [NEAR_LIMIT_FROM, 95, MAX_CALL_PARK_EXTENSIONS_PER_LOCATION]) {
      expect(findingsOf([location({ callParkExtensionCount: count })])).toEqual([
        {
          kind: "LOCATION_NEAR_LIMIT",
          severity: "WARNING",
          locationId: "L1",
          locationName: "San Jose HQ",
          objectType: "LOCATION",
          objectId: "L1",
          objectName: "San Jose HQ",
          count,
          limit: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION,
        },
      ]);
    }
  });

  it("is not a location below it", () => {
    expect(kindsOf([location({ callParkExtensionCount: NEAR_LIMIT_FROM - 1 })])).toEqual([]);
    expect(kindsOf([location({ callParkExtensionCount: 0, callParks: [] })])).toEqual([]);
  });
});

describe("EXTENSION_IN_NO_GROUP", () => {
  const park = (n: number) => ({ id: `E${n}`, name: `Park ${n}`, extension: String(5000 + n) });

  it("one finding per location, as information: how many of its call park extensions no group parks on, the first five named in extension order", () => {
    // Twelve, handed over in no particular order.
    const twelve = [7, 3, 12, 1, 9, 5, 2, 11, 4, 8, 10, 6].map(park);
    expect(findingsOf([location({ extensionsInNoGroup: twelve })])).toEqual([
      {
        kind: "EXTENSION_IN_NO_GROUP",
        severity: "INFO",
        locationId: "L1",
        locationName: "San Jose HQ",
        objectType: "LOCATION",
        objectId: "L1",
        objectName: "San Jose HQ",
        count: 12,
        extensions: [1, 2, 3, 4, 5].map(park),
      },
    ]);
    expect(EXTENSIONS_NAMED).toBe(5);
  });

  it("names them all when there are five or fewer, and one when there is one", () => {
    const [three] = findingsOf([location({ extensionsInNoGroup: [park(3), park(1), park(2)] })]);
    expect(three).toMatchObject({ count: 3, extensions: [park(1), park(2), park(3)] });
    const [one] = findingsOf([location({ extensionsInNoGroup: [park(9)] })]);
    expect(one).toMatchObject({ count: 1, extensions: [park(9)] });
  });

  it("orders extensions as the call park extension list does (character by character), whatever their names", () => {
    const odd = [
      { id: "A", name: "Zulu", extension: "9" },
      { id: "B", name: "alpha", extension: "10" },
      { id: "C", name: "Mike", extension: "100" },
    ];
    const [finding] = findingsOf([location({ extensionsInNoGroup: odd })]);
    expect(finding).toMatchObject({ extensions: [odd[1], odd[2], odd[0]] });
  });

  it("is one finding for a full location, not a hundred", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => park(i + 1));
    const findings = findingsOf([location({ callParkExtensionCount: 100, callParks: [], extensionsInNoGroup: hundred })]);
    expect(findings.map((f) => f.kind)).toEqual(["LOCATION_NEAR_LIMIT", "EXTENSION_IN_NO_GROUP"]);
    expect(findings[1]).toMatchObject({ count: 100, extensions: [1, 2, 3, 4, 5].map(park) });
  });

  it("is not reported when every call park extension is in a group", () => {
    expect(kindsOf([location({ extensionsInNoGroup: [] })])).toEqual([]);
  });
});

describe("the list of findings", () => {
  const everything: HealthInput = {
    huntGroups: [...HUNT_GROUPS, { id: "H5", name: "Vertrieb", locationId: "L2", agentCount: 0 }],
    locations: [
      location({
        id: "L2",
        name: "Zürich",
        callParkExtensionCount: 99,
        extensionsInNoGroup: [{ id: "E9", name: "Park 9", extension: "5009" }],
        settings: { recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: null }, huntWaitTime: 200 },
        callParks: [
          group({ id: "G3", name: "Bravo", members: 4, callParkExtensions: 1 }),
          group({ id: "G4", name: "alpha", callParkExtensions: 0, recall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H5" } }),
        ],
      }),
      location({ id: "L1", name: "Ålesund", extensionsInNoGroup: [{ id: "E1", name: "Park 1", extension: "5001" }] }),
    ],
  };

  it("finds each kind, most severe first, then by location (accents aside), kind and object", () => {
    const findings = callParkHealthFindings(everything);
    expect(findings.map((f) => [f.severity, f.locationName, f.kind, f.objectName])).toEqual([
      ["ERROR", "Zürich", "GROUP_CANNOT_PARK", "alpha"],
      ["ERROR", "Zürich", "RECALL_WITHOUT_HUNT_GROUP", "Zürich"],
      ["ERROR", "Zürich", "HUNT_GROUP_WITHOUT_AGENTS", "alpha"],
      ["WARNING", "Zürich", "FEWER_DESTINATIONS_THAN_MEMBERS", "Bravo"],
      ["WARNING", "Zürich", "HUNT_WAIT_UNUSED", "Zürich"],
      ["WARNING", "Zürich", "LOCATION_NEAR_LIMIT", "Zürich"],
      ["INFO", "Ålesund", "EXTENSION_IN_NO_GROUP", "Ålesund"],
      ["INFO", "Zürich", "EXTENSION_IN_NO_GROUP", "Zürich"],
    ]);
    expect([...findings].sort(compareFindings)).toEqual(findings);
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(HEALTH_KINDS));
  });

  it("gives findings the API's schema accepts as they are", () => {
    for (const finding of callParkHealthFindings(everything)) expect(callParkHealthFindingSchema.parse(finding)).toEqual(finding);
  });

  it("counts each kind, zero for kinds not found", () => {
    const counts = countByKind(callParkHealthFindings(everything));
    expect(counts).toEqual({
      GROUP_CANNOT_PARK: 1,
      RECALL_WITHOUT_HUNT_GROUP: 1,
      HUNT_GROUP_WITHOUT_AGENTS: 1,
      FEWER_DESTINATIONS_THAN_MEMBERS: 1,
      HUNT_WAIT_UNUSED: 1,
      LOCATION_NEAR_LIMIT: 1,
      EXTENSION_IN_NO_GROUP: 2,
    });
    expect(countByKind([])).toEqual(Object.fromEntries(HEALTH_KINDS.map((k) => [k, 0])));
  });
});
