import { ALL_LOCATIONS } from "@domain/rules/access";
import { type CallParkRuleInput, recallHuntGroupId } from "@domain/rules/call-park";
import {
  simulate,
  type SimulationConfig,
  simulationDestinations,
  simulationParticipants,
} from "@domain/rules/call-park-simulation";
import { needsHuntGroup } from "@domain/rules/recall";
import { huntGroupIssue } from "@domain/schemas/call-park-settings";
import type { FieldIssue } from "@domain/schemas/issues";
import type { SimulationRequestBody, SimulationResult } from "@domain/schemas/simulation";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import type { Actor } from "@server/features/auth/principal";
import { getCallParkSettings, huntGroupIssues } from "@server/features/call-park-settings/call-park-settings.service";
import { assertAcceptable } from "@server/features/call-parks/call-parks.checks";
import * as callParks from "@server/features/call-parks/call-parks.repository";
import { getCallPark, updateProposal } from "@server/features/call-parks/call-parks.service";
import { requireLocation } from "@server/features/locations/locations.service";
import { huntGroupsWithExtensions } from "./simulation.repository";

// The simulator over a location's saved configuration, read through the same services as
// its screens (in Webex mode: the mirror, like every read). Overrides are checked by the
// same rules as the PUTs they stand for, and nothing is written.

type Overrides = NonNullable<SimulationRequestBody["overrides"]>;

/** The location as the simulator reads it. */
async function configOf(db: Db, locationId: string): Promise<SimulationConfig> {
  const settings = await getCallParkSettings(db, locationId);
  const [list, members, extensions, huntGroups] = await Promise.all([
    callParks.listCallParks(db, { locationId, scope: ALL_LOCATIONS }, undefined, 0, 10_000),
    callParks.membersIn(db, locationId),
    callParks.callParkExtensionsIn(db, locationId, { includeAssigned: true }, 0, 10_000),
    huntGroupsWithExtensions(db, locationId),
  ]);
  const groups = await Promise.all(list.items.map((item) => getCallPark(db, locationId, item.id)));
  return {
    settings: {
      recall: { option: settings.callParkRecall.option, huntGroupId: settings.callParkRecall.huntGroupId ?? null },
      ...settings.callParkSettings,
    },
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      recall: { option: g.recall.option, huntGroupId: g.recall.huntGroupId ?? null },
      members: g.agents.map((a) => a.id),
      callParkExtensions: g.callParkExtensions.map((c) => c.id),
      parkOnAgentsEnabled: g.parkOnAgentsEnabled,
    })),
    members: members.map((m) => ({ id: m.id, name: m.display_name, type: m.type, extension: m.extension })),
    callParkExtensions: extensions.rows.map((c) => ({ id: c.id, name: c.name, extension: c.extension })),
    huntGroups,
  };
}

const within = (prefix: (string | number)[], issues: readonly FieldIssue[]) => issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/** The settings as the PUT of Call Park Settings would leave them: the body's fields over the location's. */
async function withSettings(db: Db, locationId: string, config: SimulationConfig, body: Overrides["callParkSettings"], actor: Actor) {
  if (!body) return;
  const prefix = ["overrides", "callParkSettings"];
  const recall = body.callParkRecall;
  if (recall && (recall.option !== undefined || recall.huntGroupId !== undefined)) {
    const issues = recall.huntGroupId !== undefined ? await huntGroupIssues(db, locationId, recall.huntGroupId, actor) : [];
    const option = recall.option ?? config.settings.recall.option;
    const huntGroupId = recall.huntGroupId ?? config.settings.recall.huntGroupId;
    const missing = issues.length ? undefined : huntGroupIssue({ option, huntGroupId });
    if (missing) issues.push(missing);
    if (issues.length) throw new HttpError("validation", {}, within(prefix, issues));
    config.settings.recall = { option, huntGroupId: needsHuntGroup(option) ? huntGroupId : null };
  }
  const { ringPattern, recallTime, huntWaitTime } = body.callParkSettings ?? {};
  if (ringPattern !== undefined) config.settings.ringPattern = ringPattern;
  if (recallTime !== undefined) config.settings.recallTime = recallTime;
  if (huntWaitTime !== undefined) config.settings.huntWaitTime = huntWaitTime;
}

/** Each group as its PUT would leave it, refused (with the issues under the override's path) as that PUT would be. */
async function withGroups(db: Db, locationId: string, config: SimulationConfig, overrides: Overrides["callParks"], actor: Actor) {
  for (const [index, { id, ...sent }] of (overrides ?? []).entries()) {
    const group = config.groups.find((g) => g.id === id);
    if (!group) throw new HttpError("callParkNotFound", { id });
    const current: CallParkRuleInput = {
      recall: group.recall,
      agents: group.members,
      parkOnAgentsEnabled: group.parkOnAgentsEnabled,
      callParkExtensions: group.callParkExtensions,
    };
    const proposal = updateProposal(locationId, id, current, sent, actor);
    const { draft } = proposal;
    try {
      await assertAcceptable(db, proposal);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      throw new HttpError(error.key, error.params, within(["overrides", "callParks", index], error.issues));
    }
    Object.assign(group, {
      name: sent.name ?? group.name,
      recall: { option: draft.recall.option, huntGroupId: recallHuntGroupId(draft.recall) ?? null },
      members: [...draft.agents],
      callParkExtensions: [...draft.callParkExtensions],
      parkOnAgentsEnabled: draft.parkOnAgentsEnabled,
    });
  }
}

/**
 * Who acts in a step must be a person, workspace or virtual line of this location; so must
 * both ends of a line appearance, two different ones, each pair given once.
 */
function scriptIssues(config: SimulationConfig, body: SimulationRequestBody): FieldIssue[] {
  const members = new Set(config.members.map((m) => m.id));
  const steps = body.steps.flatMap((step, index) => (members.has(step.by) ? [] : [{ path: ["steps", index, "by"], code: "memberNotFound" as const }]));
  const seen = new Set<string>();
  const lines = (body.lineAppearances ?? []).flatMap((line, index): FieldIssue[] => {
    const unknown = (["owner", "shownOn"] as const).flatMap((end) =>
      members.has(line[end]) ? [] : [{ path: ["lineAppearances", index, end], code: "memberNotFound" as const }],
    );
    if (unknown.length) return unknown;
    if (line.owner === line.shownOn) return [{ path: ["lineAppearances", index, "shownOn"], code: "invalidValue" }];
    const key = JSON.stringify([line.owner, line.shownOn]);
    if (seen.has(key)) return [{ path: ["lineAppearances", index], code: "duplicateInList" }];
    seen.add(key);
    return [];
  });
  return [...steps, ...lines];
}

export async function simulateCallPark(db: Db, locationId: string, body: SimulationRequestBody, actor: Actor): Promise<SimulationResult> {
  await requireLocation(db, locationId);
  const config = await configOf(db, locationId);
  const issues = scriptIssues(config, body);
  if (issues.length) throw new HttpError("validation", {}, issues);
  config.lineAppearances = body.lineAppearances ?? [];
  await withSettings(db, locationId, config, body.overrides?.callParkSettings, actor);
  await withGroups(db, locationId, config, body.overrides?.callParks, actor);
  return {
    events: simulate(config, body.steps, body.until),
    participants: simulationParticipants(config),
    destinations: simulationDestinations(config),
    recallTime: config.settings.recallTime,
    huntWaitTime: config.settings.huntWaitTime,
    until: body.until,
  };
}
