import { inScope, type LocationScope } from "@domain/rules/access";
import {
  callParkHealthFindings,
  type HealthHuntGroup,
  type HealthKind,
  type HealthLocation,
} from "@domain/rules/call-park-health";
import { DEFAULT_CALL_PARK_SETTINGS } from "@domain/rules/recall";
import type { CallParkHealth } from "@domain/schemas/call-park-health";
import type { Db } from "@server/db/database";
import * as repo from "./call-park-health.repository";

// The health check over the organisation as the viewer may see it: the configuration read
// in three queries, the findings decided by the pure rule (domain/rules/call-park-health.ts).

export interface HealthRequest {
  scope: LocationScope;
  locationId?: string;
  kind?: HealthKind;
}

interface HuntGroupColumns {
  hunt_group_id: string | null;
  hunt_group_name: string | null;
  hunt_group_location_id: string | null;
  hunt_group_agent_count: number | null;
}

export async function callParkHealth(db: Db, { scope, locationId, kind }: HealthRequest): Promise<CallParkHealth> {
  const filter = { scope, locationId };
  // The one read that grows with every call park extension is skipped when its kind is not asked for.
  const withExtensions = kind === undefined || kind === "EXTENSION_IN_NO_GROUP";
  const [locationRows, groupRows, extensionRows] = await Promise.all([
    repo.locationsWithSettings(db, filter),
    repo.callParksWithCounts(db, filter),
    withExtensions ? repo.extensionsInNoGroup(db, filter) : Promise.resolve([]),
  ]);

  // The hunt groups the recalls name; one of a location the viewer may not see keeps its name to itself.
  const huntGroups = new Map<string, HealthHuntGroup>();
  const noteHuntGroup = (row: HuntGroupColumns) => {
    if (!row.hunt_group_id || !row.hunt_group_location_id) return;
    huntGroups.set(row.hunt_group_id, {
      id: row.hunt_group_id,
      name: inScope(scope, row.hunt_group_location_id) ? (row.hunt_group_name ?? "") : null,
      locationId: row.hunt_group_location_id,
      agentCount: row.hunt_group_agent_count === null ? null : Number(row.hunt_group_agent_count),
    });
  };

  const locations = new Map<string, HealthLocation>();
  for (const row of locationRows) {
    noteHuntGroup(row);
    locations.set(row.id, {
      id: row.id,
      name: row.name,
      settings: {
        recall: { option: row.recall_option ?? DEFAULT_CALL_PARK_SETTINGS.recallOption, huntGroupId: row.recall_hunt_group_id },
        huntWaitTime: row.hunt_wait_time ?? DEFAULT_CALL_PARK_SETTINGS.huntWaitTime,
      },
      callParkExtensionCount: Number(row.call_park_extension_count),
      extensionsInNoGroup: [],
      callParks: [],
    });
  }
  for (const row of groupRows) {
    noteHuntGroup(row);
    locations.get(row.location_id)?.callParks.push({
      id: row.id,
      name: row.name,
      recall: { option: row.recall_option, huntGroupId: row.recall_hunt_group_id },
      members: Number(row.members ?? 0),
      callParkExtensions: Number(row.destinations ?? 0),
      parkOnAgentsEnabled: Boolean(row.park_on_agents_enabled),
    });
  }
  for (const row of extensionRows) {
    locations.get(row.location_id)?.extensionsInNoGroup.push({ id: row.id, name: row.name, extension: row.extension });
  }

  const findings = callParkHealthFindings({ locations: [...locations.values()], huntGroups: [...huntGroups.values()] });
  return { findings: kind ? findings.filter((finding) => finding.kind === kind) : findings };
}
