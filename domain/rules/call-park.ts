// Call park groups: who may park (members), where calls park (destinations, hunted
// from the first), and where an unretrieved call goes back to (recall). Pure checks
// shared by the wizard, the side panel and the server.
import { needsHuntGroup, type RecallOption } from "./recall";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "./limits";

/** A group's name: unique in its location, 1–80 characters (Webex's maximum). */
export const CALL_PARK_NAME_MAX = 80;

/** Who can be a member: a person, a workspace or a virtual line. */
export const CALL_PARK_MEMBER_TYPES = ["PEOPLE", "PLACE", "VIRTUAL_LINE"] as const;
export type CallParkMemberType = (typeof CALL_PARK_MEMBER_TYPES)[number];

/** Members sent in one request; a bound on the request, not a rule of the product. */
export const MAX_CALL_PARK_AGENTS = 1000;

/** A group can hold at most every call park extension of its location. */
export const MAX_CALL_PARK_DESTINATIONS = MAX_CALL_PARK_EXTENSIONS_PER_LOCATION;

export interface CallParkRecallDraft {
  option: RecallOption;
  huntGroupId?: string | null;
}

/** A group as the admin composes it: ids in order, the first destination hunted first. */
export interface CallParkRuleInput {
  recall: CallParkRecallDraft;
  agents: readonly string[];
  parkOnAgentsEnabled: boolean;
  callParkExtensions: readonly string[];
}

export type CallParkRuleCode = "huntGroupRequired" | "parkOnAgentsWithDestinations" | "duplicateInList";

export interface CallParkIssue {
  path: (string | number)[];
  code: CallParkRuleCode;
}

/** Positions of entries that repeat an earlier one (the first occurrence is kept). */
export function repeatedIndexes(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) repeats.push(index);
    seen.add(id);
  });
  return repeats;
}

/** The hunt group a recall keeps: none when its option never reaches a hunt group. */
export function recallHuntGroupId(recall: CallParkRecallDraft): string | undefined {
  return needsHuntGroup(recall.option) ? recall.huntGroupId || undefined : undefined;
}

/**
 * What is wrong with a draft on its own, before any lookup: a repeated member or
 * destination, a hunt-group recall without its hunt group, and parking on members
 * while call park extensions are listed (the two kinds of destination exclude each other).
 */
export function callParkIssues(draft: CallParkRuleInput): CallParkIssue[] {
  const issues: CallParkIssue[] = [];
  for (const index of repeatedIndexes(draft.agents)) issues.push({ path: ["agents", index], code: "duplicateInList" });
  for (const index of repeatedIndexes(draft.callParkExtensions)) {
    issues.push({ path: ["callParkExtensions", index], code: "duplicateInList" });
  }
  if (needsHuntGroup(draft.recall.option) && !draft.recall.huntGroupId) {
    issues.push({ path: ["recall", "huntGroupId"], code: "huntGroupRequired" });
  }
  if (draft.parkOnAgentsEnabled && draft.callParkExtensions.length > 0) {
    issues.push({ path: ["parkOnAgentsEnabled"], code: "parkOnAgentsWithDestinations" });
  }
  return issues;
}
