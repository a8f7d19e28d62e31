import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  callParkSettingsFormSchema,
  callParkSettingsUpdateSchema,
  huntGroupIssue,
  recallSecondsSchema,
  toSettingsForm,
} from "./call-park-settings";
import { toFieldIssues, VALIDATION_CODES } from "./issues";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error, input);
}

const range = { min: 30, max: 600 };

describe("recallSecondsSchema", () => {
  it.each([30, 45, 600])("accepts %d seconds", (value) => {
    expect(recallSecondsSchema.parse(value)).toBe(value);
  });

  it.each([29, 601, 0, -45, 100000])("refuses %d as secondsRange 30–600", (value) => {
    expect(issuesOf(recallSecondsSchema, value)).toEqual([{ path: [], code: "secondsRange", params: range }]);
  });

  it("refuses a fraction as notInteger", () => {
    expect(issuesOf(recallSecondsSchema, 45.5)).toEqual([{ path: [], code: "notInteger" }]);
  });

  it("refuses text, null and booleans as invalidType, and an empty number field (NaN) as required", () => {
    expect(issuesOf(recallSecondsSchema, "45")).toEqual([{ path: [], code: "invalidType" }]);
    expect(issuesOf(recallSecondsSchema, null)).toEqual([{ path: [], code: "invalidType" }]);
    expect(issuesOf(recallSecondsSchema, true)).toEqual([{ path: [], code: "invalidType" }]);
    expect(issuesOf(recallSecondsSchema, Number.NaN)).toEqual([{ path: [], code: "required" }]);
    expect(issuesOf(recallSecondsSchema, Number.POSITIVE_INFINITY)[0].code).toBe("invalidType");
  });
});

describe("callParkSettingsUpdateSchema (PUT body)", () => {
  it("accepts an empty body, either part alone, and any field alone", () => {
    expect(callParkSettingsUpdateSchema.parse({})).toEqual({});
    expect(callParkSettingsUpdateSchema.parse({ callParkSettings: { recallTime: 60 } })).toEqual({
      callParkSettings: { recallTime: 60 },
    });
    expect(callParkSettingsUpdateSchema.parse({ callParkRecall: { huntGroupId: "H1" } })).toEqual({
      callParkRecall: { huntGroupId: "H1" },
    });
  });

  it("accepts Webex's example body, huntGroupName included", () => {
    const body = {
      callParkRecall: { huntGroupId: "H1", huntGroupName: "Technical Support Group", option: "ALERT_HUNT_GROUP_ONLY" },
      callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
    };
    expect(callParkSettingsUpdateSchema.parse(body)).toEqual(body);
  });

  it("refuses unknown enums as invalidValue, by field", () => {
    expect(
      issuesOf(callParkSettingsUpdateSchema, {
        callParkRecall: { option: "ALERT_EVERYONE" },
        callParkSettings: { ringPattern: "LOUD" },
      }),
    ).toEqual([
      { path: ["callParkRecall", "option"], code: "invalidValue" },
      { path: ["callParkSettings", "ringPattern"], code: "invalidValue" },
    ]);
  });

  it("refuses out-of-range, fractional and text seconds, each on its field", () => {
    expect(issuesOf(callParkSettingsUpdateSchema, { callParkSettings: { recallTime: 29, huntWaitTime: 601 } })).toEqual([
      { path: ["callParkSettings", "recallTime"], code: "secondsRange", params: range },
      { path: ["callParkSettings", "huntWaitTime"], code: "secondsRange", params: range },
    ]);
    expect(issuesOf(callParkSettingsUpdateSchema, { callParkSettings: { recallTime: 30.5, huntWaitTime: "45" } })).toEqual([
      { path: ["callParkSettings", "recallTime"], code: "notInteger" },
      { path: ["callParkSettings", "huntWaitTime"], code: "invalidType" },
    ]);
  });

  it("refuses unknown fields at every level, naming them", () => {
    expect(issuesOf(callParkSettingsUpdateSchema, { callParkRecall: { option: "ALERT_PARKING_USER_ONLY", hunt: "x" } })).toEqual([
      { path: ["callParkRecall"], code: "unknownField", params: { keys: "hunt" } },
    ]);
    expect(issuesOf(callParkSettingsUpdateSchema, { callParkSettings: {}, settings: {} })).toEqual([
      { path: [], code: "unknownField", params: { keys: "settings" } },
    ]);
  });

  it("refuses an empty hunt group id as huntGroupRequired", () => {
    expect(issuesOf(callParkSettingsUpdateSchema, { callParkRecall: { huntGroupId: "" } })).toEqual([
      { path: ["callParkRecall", "huntGroupId"], code: "huntGroupRequired" },
    ]);
  });
});

describe("huntGroupIssue", () => {
  it("asks for a hunt group for both hunt-group options, and only for them", () => {
    const issue = { path: ["callParkRecall", "huntGroupId"], code: "huntGroupRequired" };
    expect(huntGroupIssue({ option: "ALERT_HUNT_GROUP_ONLY" })).toEqual(issue);
    expect(huntGroupIssue({ option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: null })).toEqual(issue);
    expect(huntGroupIssue({ option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "H1" })).toBeUndefined();
    expect(huntGroupIssue({ option: "ALERT_PARKING_USER_ONLY" })).toBeUndefined();
    expect(VALIDATION_CODES).toContain(issue.code);
  });
});

describe("callParkSettingsFormSchema", () => {
  const valid = {
    callParkRecall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: "" },
    callParkSettings: { ringPattern: "NORMAL", recallTime: 45, huntWaitTime: 45 },
  };

  it("accepts a user-only recall without a hunt group", () => {
    expect(callParkSettingsFormSchema.parse(valid)).toEqual(valid);
  });

  it("asks for the hunt group on its field when a hunt-group option has none", () => {
    const input = { ...valid, callParkRecall: { option: "ALERT_HUNT_GROUP_ONLY", huntGroupId: "" } };
    expect(issuesOf(callParkSettingsFormSchema, input)).toEqual([
      { path: ["callParkRecall", "huntGroupId"], code: "huntGroupRequired" },
    ]);
  });

  it("reports the hunt group and a bad timer together", () => {
    const input = {
      callParkRecall: { option: "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP", huntGroupId: "" },
      callParkSettings: { ringPattern: "NORMAL", recallTime: 601, huntWaitTime: Number.NaN },
    };
    expect(issuesOf(callParkSettingsFormSchema, input)).toEqual([
      { path: ["callParkRecall", "huntGroupId"], code: "huntGroupRequired" },
      { path: ["callParkSettings", "recallTime"], code: "secondsRange", params: range },
      { path: ["callParkSettings", "huntWaitTime"], code: "required" },
    ]);
  });

  it("starts from what GET answers, with an empty hunt group when there is none", () => {
    expect(
      toSettingsForm({
        callParkRecall: { option: "ALERT_PARKING_USER_ONLY" },
        callParkSettings: { ringPattern: "SHORT_LONG_SHORT", recallTime: 120, huntWaitTime: 45 },
      }),
    ).toEqual({
      callParkRecall: { option: "ALERT_PARKING_USER_ONLY", huntGroupId: "" },
      callParkSettings: { ringPattern: "SHORT_LONG_SHORT", recallTime: 120, huntWaitTime: 45 },
    });
  });
});
