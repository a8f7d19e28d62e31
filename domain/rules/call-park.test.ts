import { describe, expect, it } from "vitest";
import {
  callParkIssues,
  type CallParkRuleInput,
  recallHuntGroupId,
  repeatedIndexes,
} from "./call-park";

const draft = (over: Partial<CallParkRuleInput> = {}): CallParkRuleInput => ({
  recall: { option: "ALERT_PARKING_USER_ONLY" },
  agents: [],
  parkOnAgentsEnabled: false,
  callParkExtensions: [],
  ...over,
});

describe("repeatedIndexes", () => {
  it("names every repeat after the first occurrence", () => {
    expect(repeatedIndexes(["a", "b", "a", "c", "b", "a"])).toEqual([2, 4, 5]);
    expect(repeatedIndexes(["a", "b"])).toEqual([]);
  });
});

describe("callParkIssues", () => {
  it("accepts a plain group, and one parking on its members with no call park extensions", () => {
    expect(callParkIssues(draft({ agents: ["p1"], callParkExtensions: ["c1", "c2"] }))).toEqual([]);
    expect(callParkIssues(draft({ agents: ["p1"], parkOnAgentsEnabled: true }))).toEqual([]);
  });

  it.each(["ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", "ALERT_HUNT_GROUP_ONLY"] as const)(
    "wants a hunt group for %s, and is satisfied by one",
    (option) => {
      expect(callParkIssues(draft({ recall: { option } }))).toEqual([
        { path: ["recall", "huntGroupId"], code: "huntGroupRequired" },
      ]);
      expect(callParkIssues(draft({ recall: { option, huntGroupId: "" } }))[0]?.code).toBe("huntGroupRequired");
      expect(callParkIssues(draft({ recall: { option, huntGroupId: "h1" } }))).toEqual([]);
    },
  );

  it("refuses parking on members while call park extensions are listed", () => {
    expect(callParkIssues(draft({ parkOnAgentsEnabled: true, callParkExtensions: ["c1"] }))).toEqual([
      { path: ["parkOnAgentsEnabled"], code: "parkOnAgentsWithDestinations" },
    ]);
  });

  it("points at each repeated member and destination by position", () => {
    expect(callParkIssues(draft({ agents: ["p1", "p2", "p1"], callParkExtensions: ["c1", "c1"] }))).toEqual([
      { path: ["agents", 2], code: "duplicateInList" },
      { path: ["callParkExtensions", 1], code: "duplicateInList" },
    ]);
  });
});

describe("recallHuntGroupId", () => {
  it("keeps the hunt group only for options that reach one", () => {
    expect(recallHuntGroupId({ option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "h1" })).toBe("h1");
    expect(recallHuntGroupId({ option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "h1" })).toBe("h1");
    expect(recallHuntGroupId({ option: "ALERT_PARKING_USER_ONLY", huntGroupId: "h1" })).toBeUndefined();
    expect(recallHuntGroupId({ option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "" })).toBeUndefined();
  });
});
