// Call park recall: what happens to a parked call nobody retrieves. Shared by a
// location's Call Park Settings (Call Park Direct) and each call park group (Recall To).

export const RECALL_OPTIONS = [
  "ALERT_PARKING_USER_ONLY",
  "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP",
  "ALERT_HUNT_GROUP_ONLY",
] as const;
export type RecallOption = (typeof RECALL_OPTIONS)[number];

export const RING_PATTERNS = ["NORMAL", "LONG_LONG", "SHORT_SHORT_LONG", "SHORT_LONG_SHORT"] as const;
export type RingPattern = (typeof RING_PATTERNS)[number];

/** Recall Timer and Alert Hunt Group Wait Time, in seconds (Webex: 30–600). */
export const RECALL_TIME_MIN = 30;
export const RECALL_TIME_MAX = 600;

export const DEFAULT_CALL_PARK_SETTINGS = {
  recallOption: "ALERT_PARKING_USER_ONLY" as RecallOption,
  ringPattern: "NORMAL" as RingPattern,
  recallTime: 45,
  huntWaitTime: 45,
};

/** Whether a recall option sends the call to a hunt group (and so needs one chosen). */
export function needsHuntGroup(option: RecallOption): boolean {
  return option !== "ALERT_PARKING_USER_ONLY";
}

/** Whether the Alert Hunt Group Wait Time matters for this option. */
export function usesHuntWaitTime(option: RecallOption): boolean {
  return option === "ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP";
}

/**
 * Whether a location's Alert Hunt Group Wait Time is in use: by its own recall option (Call
 * Park Direct), or by any of its call park groups' (`groupsUsingIt` of them use it).
 */
export function huntWaitTimeInUse(locationOption: RecallOption, groupsUsingIt: number): boolean {
  return usesHuntWaitTime(locationOption) || groupsUsingIt > 0;
}

/** Whether an Alert Hunt Group Wait Time was set to a value of its own (a location never changed has the default). */
export function huntWaitTimeSet(seconds: number): boolean {
  return seconds !== DEFAULT_CALL_PARK_SETTINGS.huntWaitTime;
}
