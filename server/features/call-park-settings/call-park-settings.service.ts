import { inScope } from "@domain/rules/access";
import { DEFAULT_CALL_PARK_SETTINGS, needsHuntGroup, type RecallOption, type RingPattern } from "@domain/rules/recall";
import {
  type CallParkSettings,
  type CallParkSettingsUpdate,
  HUNT_GROUP_PATH,
  huntGroupIssue,
} from "@domain/schemas/call-park-settings";
import type { FieldIssue } from "@domain/schemas/issues";
import { api } from "@domain/api/endpoints";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import type { IfMatch } from "@server/http/versions";
import { recordAudit } from "@server/features/audit-events/audit-events.repository";
import { assertVersion } from "@server/features/audit-events/version-check";
import type { Actor } from "@server/features/auth/principal";
import { gatewayOf } from "@server/features/gateway/gateway";
import { locationOf, requireLocation } from "@server/features/locations/locations.service";
import * as repo from "./call-park-settings.repository";
import { sameValues } from "@server/lib/same-values";

interface StoredSettings {
  option: RecallOption;
  huntGroupId: string | null;
  huntGroupName: string | null;
  ringPattern: RingPattern;
  recallTime: number;
  huntWaitTime: number;
}

/** Settings as Webex answers them, as the mirror's row holds them. */
function rowOf(s: CallParkSettings): Required<repo.SettingsChanges> {
  return {
    recall_option: s.callParkRecall.option,
    recall_hunt_group_id: s.callParkRecall.huntGroupId ?? null,
    ring_pattern: s.callParkSettings.ringPattern,
    recall_time: s.callParkSettings.recallTime,
    hunt_wait_time: s.callParkSettings.huntWaitTime,
  };
}

function pick<T extends object>(from: T, like: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, from[k as keyof T]])) as Partial<T>;
}

/** What the location holds: its row, or the defaults of a location never changed. */
async function currentSettings(db: Db, locationId: string): Promise<StoredSettings> {
  const row = await repo.findSettings(db, locationId);
  if (!row) {
    const { recallOption, ...rest } = DEFAULT_CALL_PARK_SETTINGS;
    return { option: recallOption, huntGroupId: null, huntGroupName: null, ...rest };
  }
  return {
    option: row.recall_option,
    huntGroupId: row.recall_hunt_group_id,
    huntGroupName: row.hunt_group_name,
    ringPattern: row.ring_pattern,
    recallTime: row.recall_time,
    huntWaitTime: row.hunt_wait_time,
  };
}

export async function getCallParkSettings(db: Db, locationId: string): Promise<CallParkSettings> {
  await requireLocation(db, locationId);
  const s = await currentSettings(db, locationId);
  // A hunt group shows only where the option uses one (and while it still exists).
  const huntGroup =
    needsHuntGroup(s.option) && s.huntGroupId ? { huntGroupId: s.huntGroupId, huntGroupName: s.huntGroupName ?? "" } : {};
  return {
    callParkRecall: { option: s.option, ...huntGroup },
    callParkSettings: { ringPattern: s.ringPattern, recallTime: s.recallTime, huntWaitTime: s.huntWaitTime },
  };
}

/** The hunt group a request names must exist and belong to this location. */
export async function huntGroupIssues(db: Db, locationId: string, huntGroupId: string, actor: Actor): Promise<FieldIssue[]> {
  const huntGroup = await repo.findHuntGroup(db, huntGroupId);
  // One outside the administrator's locations is as unknown as one that does not exist.
  if (!huntGroup || !inScope(actor.scope, huntGroup.location_id)) return [{ path: HUNT_GROUP_PATH, code: "huntGroupNotFound" }];
  if (huntGroup.location_id !== locationId) {
    const params = { name: huntGroup.name, locationName: huntGroup.location_name };
    return [{ path: HUNT_GROUP_PATH, code: "huntGroupOtherLocation", params }];
  }
  return [];
}

/**
 * PUT: changes only what the body carries. The recall it leaves (the body's option and
 * hunt group over the stored ones) must have a hunt group if its option needs one; an
 * option that needs none keeps none.
 */
/** What the audit log keeps of a location's settings. */
export function audited({ callParkRecall, callParkSettings }: CallParkSettings) {
  return {
    recallOption: callParkRecall.option,
    ...(callParkRecall.huntGroupName ? { recallHuntGroup: callParkRecall.huntGroupName } : {}),
    ...callParkSettings,
  };
}

export async function updateCallParkSettings(
  db: Db,
  locationId: string,
  body: CallParkSettingsUpdate,
  actor: Actor,
  ifMatch?: IfMatch,
) {
  const location = await locationOf(db, locationId);
  // Sent with If-Match: only on the version the caller read (checked again in the write, for a race).
  if (ifMatch !== undefined) await assertVersion(db, ifMatch, await getCallParkSettings(db, locationId), locationId);
  const current = await currentSettings(db, locationId);
  const recall = body.callParkRecall;
  const settings = body.callParkSettings ?? {};
  const changes: repo.SettingsChanges = {};

  if (recall && (recall.option !== undefined || recall.huntGroupId !== undefined)) {
    const issues = recall.huntGroupId !== undefined ? await huntGroupIssues(db, locationId, recall.huntGroupId, actor) : [];
    const option = recall.option ?? current.option;
    const huntGroupId = recall.huntGroupId ?? current.huntGroupId;
    const missing = issues.length ? undefined : huntGroupIssue({ option, huntGroupId });
    if (missing) issues.push(missing);
    if (issues.length) throw new HttpError("validation", {}, issues);
    changes.recall_option = option;
    changes.recall_hunt_group_id = needsHuntGroup(option) ? huntGroupId : null;
  }
  if (settings.ringPattern !== undefined) changes.ring_pattern = settings.ringPattern;
  if (settings.recallTime !== undefined) changes.recall_time = settings.recallTime;
  if (settings.huntWaitTime !== undefined) changes.hunt_wait_time = settings.huntWaitTime;

  const gateway = gatewayOf(db);
  if (gateway) {
    // Webex first; the mirror then takes the settings as Webex answers them.
    const params = { locationId };
    const read = () => gateway.read(api.callParkSettings.get, { params }, { locationId, notFound: "locationNotFound" });
    const wanted = { ...changes };
    await gateway.send(
      api.callParkSettings.update,
      { params, body, trackingId: actor.trackingId },
      { locationId, notFound: "locationNotFound", verify: async () => (sameValues(pick(rowOf(await read()), wanted), wanted) ? { answer: undefined } : undefined) },
    );
    Object.assign(changes, rowOf(await read()));
  }
  await db.transaction().execute(async (trx) => {
    const before = await getCallParkSettings(trx, locationId);
    // Webex mode: Webex has taken the change already; the mirror follows it whatever it holds.
    if (!gateway) await assertVersion(trx, ifMatch, before, locationId);
    await repo.upsertSettings(
      trx,
      {
        location_id: locationId,
        recall_option: current.option,
        recall_hunt_group_id: needsHuntGroup(current.option) ? current.huntGroupId : null,
        ring_pattern: current.ringPattern,
        recall_time: current.recallTime,
        hunt_wait_time: current.huntWaitTime,
        ...changes,
      },
      changes,
    );
    const after = await getCallParkSettings(trx, locationId);
    await recordAudit(trx, actor, {
      action: "UPDATE",
      objectType: "callParkSettings",
      objectId: locationId,
      objectName: location.name,
      location,
      before: audited(before),
      after: audited(after),
    });
  });
}
