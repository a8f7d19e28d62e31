import { describe, expect, it } from "vitest";
import { DEFAULT_CALL_PARK_SETTINGS } from "./recall";
import { recallSummary } from "./recall-summary";

const settings = { ringPattern: "LONG_LONG" as const, recallTime: 45, huntWaitTime: 90 };

describe("recallSummary", () => {
  it("Alert parking user only: rings the parking user after the Recall Timer, and again each time it lapses", () => {
    expect(recallSummary({ option: "ALERT_PARKING_USER_ONLY", ...settings, huntGroupName: "Support" })).toEqual([
      { key: "parkingUserOnly", params: { recallTime: 45, ringPattern: "LONG_LONG" } },
      { key: "parkingUserAgain", params: { recallTime: 45, ringPattern: "LONG_LONG" } },
    ]);
  });

  it("Alert parking user first, then hunt group: the parking user after the Recall Timer, the hunt group after the wait time", () => {
    expect(
      recallSummary({ option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", ...settings, huntGroupName: "Support" }),
    ).toEqual([
      {
        key: "parkingUserThenHuntGroup",
        params: { recallTime: 45, huntWaitTime: 90, ringPattern: "LONG_LONG", huntGroupName: "Support" },
      },
      { key: "huntGroupRouting", params: { recallTime: 45, ringPattern: "LONG_LONG" } },
    ]);
  });

  it("Alert hunt group only: the hunt group after the Recall Timer, never the parking user, and no wait time", () => {
    const sentences = recallSummary({ option: "ALERT_HUNT_GROUP_ONLY", ...settings, huntGroupName: "Vendas" });
    expect(sentences).toEqual([
      { key: "huntGroupOnly", params: { recallTime: 45, ringPattern: "LONG_LONG", huntGroupName: "Vendas" } },
      { key: "huntGroupRouting", params: { recallTime: 45, ringPattern: "LONG_LONG" } },
    ]);
    expect(sentences[0].params).not.toHaveProperty("huntWaitTime");
  });

  it("speaks of the hunt group still to be chosen when a hunt-group option has none yet", () => {
    expect(recallSummary({ option: "ALERT_HUNT_GROUP_ONLY", ...settings })[0]).toEqual({
      key: "huntGroupOnlyUnchosen",
      params: { recallTime: 45, ringPattern: "LONG_LONG" },
    });
    expect(recallSummary({ option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", ...settings, huntGroupName: "" })[0]).toEqual({
      key: "parkingUserThenHuntGroupUnchosen",
      params: { recallTime: 45, huntWaitTime: 90, ringPattern: "LONG_LONG" },
    });
  });

  it("tells a new location's defaults: the parking user after 45 s, with a normal ring", () => {
    const { recallOption, ...rest } = DEFAULT_CALL_PARK_SETTINGS;
    expect(recallSummary({ option: recallOption, ...rest })[0]).toEqual({
      key: "parkingUserOnly",
      params: { recallTime: 45, ringPattern: "NORMAL" },
    });
  });
});
