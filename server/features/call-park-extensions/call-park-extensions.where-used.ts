import { huntingPlaces } from "@domain/rules/where-used";
import type { CallParkUse, WhereUsedResult } from "@domain/schemas/call-park-extension-usage";
import type { Db } from "@server/db/database";
import { requireLocation } from "@server/features/locations/locations.service";
import * as repo from "./call-park-extensions.repository";

/**
 * The groups parking on each of these call park extensions of the location, with the
 * place each holds in the group's hunting order; keyed by id, ids of none of the
 * location's call park extensions absent. Read from the database, which in Webex mode is
 * the mirror, as every other read of groups is.
 */
export async function groupsUsing(db: Db, locationId: string, ids: readonly string[]): Promise<Map<string, CallParkUse[]>> {
  const [known, destinations] = await Promise.all([
    repo.idsInLocation(db, locationId, ids),
    repo.destinationsOfGroupsUsing(db, locationId, ids),
  ]);
  const names = new Map(destinations.map((d) => [d.call_park_id, d.call_park_name]));
  const places = huntingPlaces(
    destinations.map((d) => ({ callParkId: d.call_park_id, callParkExtensionId: d.call_park_extension_id, position: d.position })),
  );
  const uses = new Map<string, CallParkUse[]>();
  for (const id of known) {
    const place = places.get(id);
    uses.set(id, place ? [{ id: place.callParkId, name: names.get(place.callParkId) ?? "", position: place.position, of: place.of }] : []);
  }
  return uses;
}

/** POST …/callParkExtensions/actions/whereUsed/invoke: one item per known id, in the order asked, each once. */
export async function whereUsed(db: Db, locationId: string, ids: readonly string[]): Promise<WhereUsedResult> {
  await requireLocation(db, locationId);
  const uses = await groupsUsing(db, locationId, ids);
  const items = [...new Set(ids)].flatMap((id) => {
    const callParks = uses.get(id);
    return callParks ? [{ id, callParks }] : [];
  });
  return { items };
}
