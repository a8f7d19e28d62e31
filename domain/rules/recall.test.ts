import { describe, expect, it } from "vitest";
import { DEFAULT_CALL_PARK_SETTINGS, huntWaitTimeInUse, huntWaitTimeSet } from "./recall";

describe("the Alert Hunt Group Wait Time", () => {
  it("is in use by the location's own option alerting the parker first, then a hunt group, or by a group of the location", () => {
    expect(huntWaitTimeInUse("ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", 0)).toBe(true);
    expect(huntWaitTimeInUse("ALERT_PARKING_USER_ONLY", 1)).toBe(true);
    expect(huntWaitTimeInUse("ALERT_PARKING_USER_ONLY", 0)).toBe(false);
    expect(huntWaitTimeInUse("ALERT_HUNT_GROUP_ONLY", 0)).toBe(false);
  });

  it("is set when it differs from the default a location starts with", () => {
    expect(huntWaitTimeSet(DEFAULT_CALL_PARK_SETTINGS.huntWaitTime)).toBe(false);
    expect(huntWaitTimeSet(30)).toBe(true);
    expect(huntWaitTimeSet(600)).toBe(true);
  });
});
