import { inScope, type LocationScope } from "@domain/rules/access";
import { callParkIssues, type CallParkRuleInput, recallHuntGroupId } from "@domain/rules/call-park";
import { searchKey } from "@domain/rules/text";
import type { FieldIssue } from "@domain/schemas/issues";
import type { Db } from "@server/db/database";
import { type ErrorKey, HttpError, type MessageParams } from "@server/http/errors";
import * as repo from "./call-parks.repository";

/** What a create or an update proposes: the group as it would be, and which parts the request sent. */
export interface Proposal {
  locationId: string;
  /** The group being edited; undefined when creating. */
  callParkId?: string;
  draft: CallParkRuleInput;
  sent: { name?: string; recall: boolean; agents: boolean; callParkExtensions: boolean };
  /** The locations its proposer may see: objects outside them are reported as not found. */
  scope: LocationScope;
}

interface Conflict {
  key: ErrorKey;
  params: MessageParams;
  issue: FieldIssue;
}

/** Refusals a request can fix by itself (400): repeats, a missing hunt group, ids that do not fit. */
async function invalidIssues(db: Db, p: Proposal): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = callParkIssues(p.draft).filter(
    (i) => i.code !== "parkOnAgentsWithDestinations" && (i.path[0] !== "recall" || p.sent.recall),
  );
  const huntGroupId = recallHuntGroupId(p.draft.recall);
  if (p.sent.recall && huntGroupId) {
    const path = ["recall", "huntGroupId"];
    const huntGroup = await repo.findHuntGroup(db, huntGroupId);
    if (!huntGroup || !inScope(p.scope, huntGroup.location_id)) issues.push({ path, code: "huntGroupNotFound" });
    else if (huntGroup.location_id !== p.locationId) {
      issues.push({ path, code: "huntGroupOtherLocation", params: { name: huntGroup.name } });
    }
  }
  return issues;
}

/** Looks up the members and destinations sent, sorting what is wrong into 400 issues and 409 conflicts. */
async function listIssues(db: Db, p: Proposal, invalid: FieldIssue[], conflicts: Conflict[]) {
  if (p.sent.agents) {
    const found = new Map((await repo.membersByIds(db, p.draft.agents)).map((m) => [m.id, m]));
    p.draft.agents.forEach((id, index) => {
      const path = ["agents", index];
      const member = found.get(id);
      if (!member || !inScope(p.scope, member.location_id)) return invalid.push({ path, code: "memberNotFound" });
      const memberName = member.display_name;
      if (member.location_id !== p.locationId) return invalid.push({ path, code: "memberOtherLocation", params: { memberName } });
      if (member.call_park_id && member.call_park_id !== p.callParkId) {
        const params = { memberName, callParkName: member.call_park_name ?? "" };
        conflicts.push({ key: "callParkMemberTaken", params, issue: { path, code: "memberInOtherGroup", params } });
      }
    });
  }
  if (p.sent.callParkExtensions) {
    const found = new Map((await repo.callParkExtensionsByIds(db, p.draft.callParkExtensions)).map((c) => [c.id, c]));
    p.draft.callParkExtensions.forEach((id, index) => {
      const path = ["callParkExtensions", index];
      const extension = found.get(id);
      if (!extension || !inScope(p.scope, extension.location_id)) {
        return invalid.push({ path, code: "destinationNotFound" });
      }
      const named = { name: extension.name, extension: extension.extension };
      if (extension.location_id !== p.locationId) return invalid.push({ path, code: "destinationOtherLocation", params: named });
      if (extension.call_park_id && extension.call_park_id !== p.callParkId) {
        const params = { ...named, callParkName: extension.call_park_name ?? "" };
        conflicts.push({ key: "callParkExtensionInGroup", params, issue: { path, code: "destinationInOtherGroup", params } });
      }
    });
  }
}

/**
 * Every rule a group must keep, checked against the database as it is now. Throws the
 * 400 (all fixable issues) or else the 409 (named after the first conflict, listing all).
 * Run before writing for a clear answer, and again after the database refused a write
 * that a concurrent request made invalid, so the loser hears the same answer.
 */
export async function assertAcceptable(db: Db, p: Proposal): Promise<void> {
  const invalid = await invalidIssues(db, p);
  const conflicts: Conflict[] = [];
  await listIssues(db, p, invalid, conflicts);
  if (invalid.length) throw new HttpError("validation", {}, invalid);

  if (p.sent.name !== undefined) {
    const holder = await repo.findCallParkByNameKey(db, p.locationId, searchKey(p.sent.name));
    if (holder && holder.id !== p.callParkId) {
      const params = { name: holder.name };
      conflicts.unshift({ key: "callParkNameTaken", params, issue: { path: ["name"], code: "nameTaken", params } });
    }
  }
  if (p.draft.parkOnAgentsEnabled && p.draft.callParkExtensions.length > 0) {
    const issue: FieldIssue = { path: ["parkOnAgentsEnabled"], code: "parkOnAgentsWithDestinations" };
    conflicts.push({ key: "parkOnAgentsWithDestinations", params: {}, issue });
  }
  if (conflicts.length) {
    throw new HttpError(conflicts[0].key, conflicts[0].params, conflicts.map((c) => c.issue));
  }
}

export function parkOnAgentsConflict() {
  return new HttpError("parkOnAgentsWithDestinations", {}, [
    { path: ["parkOnAgentsEnabled"], code: "parkOnAgentsWithDestinations" },
  ]);
}
