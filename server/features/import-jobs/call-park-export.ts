import { inScope, type LocationScope } from "@domain/rules/access";
import { recallHuntGroupId } from "@domain/rules/call-park";
import type { CallParkExport } from "@domain/schemas/call-park-import";
import type { Db } from "@server/db/database";
import { withinScope } from "@server/db/search";
import { HttpError } from "@server/http/errors";

// The call park groups as the bulk-manage CSV has them, for its export: every group the
// caller sees (or one location's) in three queries, whatever the organisation's size.
// A person is named by email, as the import finds them; a workspace, a virtual line or a
// person without email by name.

export async function exportCallParks(db: Db, scope: LocationScope, locationId?: string): Promise<CallParkExport> {
  if (locationId !== undefined && !inScope(scope, locationId)) throw new HttpError("locationNotFound", { id: locationId });
  let groups = db
    .selectFrom("call_parks as p")
    .innerJoin("locations as l", "l.id", "p.location_id")
    .leftJoin("hunt_groups as h", "h.id", "p.recall_hunt_group_id")
    .select(["p.id", "p.name", "p.recall_option", "p.recall_hunt_group_id", "p.park_on_agents_enabled", "l.name as location", "h.name as hunt_group"]);
  let agents = db
    .selectFrom("call_park_agents as a")
    .innerJoin("call_parks as p", "p.id", "a.call_park_id")
    .innerJoin("members as m", "m.id", "a.member_id")
    .select(["a.call_park_id", "m.email", "m.display_name"]);
  let destinations = db
    .selectFrom("call_park_destinations as d")
    .innerJoin("call_parks as p", "p.id", "d.call_park_id")
    .innerJoin("call_park_extensions as c", "c.id", "d.call_park_extension_id")
    .select(["d.call_park_id", "c.extension"]);
  if (locationId !== undefined) {
    groups = groups.where("p.location_id", "=", locationId);
    agents = agents.where("p.location_id", "=", locationId);
    destinations = destinations.where("p.location_id", "=", locationId);
  }
  const [groupRows, agentRows, destinationRows] = await Promise.all([
    withinScope(groups, "p.location_id", scope).orderBy("l.name_key").orderBy("l.id").orderBy("p.name_key").execute(),
    withinScope(agents, "p.location_id", scope).orderBy("a.call_park_id").orderBy("a.position").execute(),
    withinScope(destinations, "p.location_id", scope).orderBy("d.call_park_id").orderBy("d.position").execute(),
  ]);
  const membersOf = new Map<string, string[]>();
  for (const a of agentRows) membersOf.set(a.call_park_id, [...(membersOf.get(a.call_park_id) ?? []), a.email || a.display_name]);
  const extensionsOf = new Map<string, string[]>();
  for (const d of destinationRows) extensionsOf.set(d.call_park_id, [...(extensionsOf.get(d.call_park_id) ?? []), d.extension]);
  return {
    callParks: groupRows.map((g) => {
      const huntGroupId = recallHuntGroupId({ option: g.recall_option, huntGroupId: g.recall_hunt_group_id });
      return {
        name: g.name,
        location: g.location,
        recallOption: g.recall_option,
        ...(huntGroupId && g.hunt_group ? { huntGroup: g.hunt_group } : {}),
        members: membersOf.get(g.id) ?? [],
        parkOnAgentsEnabled: g.park_on_agents_enabled === 1,
        extensions: extensionsOf.get(g.id) ?? [],
      };
    }),
  };
}
