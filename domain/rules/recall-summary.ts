// What happens to a parked call nobody retrieves, told in plain words: the Call Park
// Settings page shows it under the form. The rules are recall.ts's, the same the
// server applies; the words are translation keys, rendered by the SPA in the user's
// language (domain/ knows no i18n).
import { needsHuntGroup, type RecallOption, type RingPattern, usesHuntWaitTime } from "./recall";

export interface RecallSummaryInput {
  option: RecallOption;
  ringPattern: RingPattern;
  recallTime: number;
  huntWaitTime: number;
  /** The chosen hunt group's name; absent while none is chosen. */
  huntGroupName?: string;
}

export type RecallSummaryKey =
  | "parkingUserOnly"
  | "parkingUserAgain"
  | "parkingUserThenHuntGroup"
  | "parkingUserThenHuntGroupUnchosen"
  | "huntGroupOnly"
  | "huntGroupOnlyUnchosen"
  | "huntGroupRouting";

export interface RecallSummarySentence {
  key: RecallSummaryKey;
  /** Seconds as numbers; `ringPattern` is the RING_PATTERNS value, for the SPA to name. */
  params: { recallTime: number; huntWaitTime?: number; ringPattern: RingPattern; huntGroupName?: string };
}

/**
 * The sentences, in order, that say where a call parked with these settings rings and
 * when: first the parking user or the hunt group after the Recall Timer, then (for
 * "parking user first") the hunt group after the Alert Hunt Group Wait Time.
 */
export function recallSummary(input: RecallSummaryInput): RecallSummarySentence[] {
  const { option, ringPattern, recallTime, huntWaitTime, huntGroupName } = input;
  const base = { recallTime, ringPattern };
  if (!needsHuntGroup(option)) {
    // Not answered, the call keeps coming back to the parking user, timer after timer.
    return [
      { key: "parkingUserOnly", params: base },
      { key: "parkingUserAgain", params: base },
    ];
  }
  const huntGroup = huntGroupName ? { huntGroupName } : {};
  const first: RecallSummarySentence = usesHuntWaitTime(option)
    ? {
        key: huntGroupName ? "parkingUserThenHuntGroup" : "parkingUserThenHuntGroupUnchosen",
        params: { ...base, huntWaitTime, ...huntGroup },
      }
    : { key: huntGroupName ? "huntGroupOnly" : "huntGroupOnlyUnchosen", params: { ...base, ...huntGroup } };
  // Once with the hunt group, the call follows its routing and never reverts.
  return [first, { key: "huntGroupRouting", params: base }];
}
