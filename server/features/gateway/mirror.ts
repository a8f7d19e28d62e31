import { searchKey } from "@domain/rules/text";
import type { CallPark, CallParkAgent } from "@domain/schemas/call-park";
import type { CallParkSettings } from "@domain/schemas/call-park-settings";
import type { Location } from "@domain/schemas/location";
import type { Db } from "@server/db/database";

// The local mirror of a Webex organisation: the same tables standalone mode keeps, filled
// from Webex's answers. A location is written as a whole (its call park extensions,
// members, hunt groups, settings and groups), in one transaction, with multi-row
// statements so that 1,000 locations take seconds.

/** One location as Webex answers it, with everything call park needs of it. */
export interface LocationSnapshot {
  location: Location;
  /** Of the location's call park extensions (Webex gives it with each of them), if any. */
  routingPrefix: string | null;
  extensions: { id: string; name: string; extension: string }[];
  /** People, workspaces and virtual lines: those free to join a group and those in one. */
  members: CallParkAgent[];
  huntGroups: { id: string; name: string }[];
  settings: CallParkSettings;
  groups: CallPark[];
}

const now = () => new Date().toISOString();

export async function upsertOrganization(db: Db, org: { id: string; displayName: string }) {
  await db
    .insertInto("organizations")
    .values({ id: org.id, display_name: org.displayName, created_at: now() })
    .onConflict((oc) => oc.column("id").doUpdateSet({ display_name: org.displayName }))
    .execute();
}

function locationRow(orgId: string, l: Location, routingPrefix: string | null) {
  return {
    id: l.id,
    org_id: orgId,
    name: l.name,
    name_key: searchKey(l.name),
    address1: l.address.address1,
    address2: l.address.address2 ?? null,
    city: l.address.city,
    state: l.address.state,
    postal_code: l.address.postalCode,
    country: l.address.country,
    time_zone: l.timeZone,
    preferred_language: l.preferredLanguage,
    announcement_language: l.announcementLanguage,
    latitude: l.latitude ?? null,
    longitude: l.longitude ?? null,
    notes: l.notes ?? null,
    routing_prefix: routingPrefix,
  };
}

function memberRow(locationId: string, m: CallParkAgent) {
  const number = m.numbers[0];
  return {
    id: m.id,
    location_id: locationId,
    type: m.type,
    first_name: m.firstName,
    last_name: m.lastName,
    display_name: m.displayName,
    email: m.email || null,
    phone_number: number?.external ?? null,
    extension: number?.extension ?? null,
  };
}

/** Unique by id, the first kept: a member may be both free and named by a group's answer. */
function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/**
 * Writes one location as Webex has it, replacing what the mirror held of it. Runs in
 * the caller's transaction. Groups go first (they name members, hunt groups and call park
 * extensions), then everything else is replaced, then the groups are written back.
 */
export async function replaceLocation(trx: Db, orgId: string, snap: LocationSnapshot) {
  const locationId = snap.location.id;
  const row = locationRow(orgId, snap.location, snap.routingPrefix);
  const { id: _id, ...changes } = row;
  await trx
    .insertInto("locations")
    .values(row)
    .onConflict((oc) => oc.column("id").doUpdateSet(changes))
    .execute();

  await trx.deleteFrom("call_parks").where("location_id", "=", locationId).execute();
  await trx.deleteFrom("location_numbers").where("location_id", "=", locationId).execute();
  await trx.deleteFrom("call_park_extensions").where("location_id", "=", locationId).execute();
  await trx.deleteFrom("location_call_park_settings").where("location_id", "=", locationId).execute();
  await trx.deleteFrom("members").where("location_id", "=", locationId).execute();
  await trx.deleteFrom("hunt_groups").where("location_id", "=", locationId).execute();

  // The groups' own answers complete the lists (an object created between two calls).
  const members = uniqueById([...snap.members, ...snap.groups.flatMap((g) => g.agents)]);
  const extensions = uniqueById([...snap.extensions, ...snap.groups.flatMap((g) => g.callParkExtensions)]);
  const huntGroups = uniqueById([
    ...snap.huntGroups,
    ...[snap.settings.callParkRecall, ...snap.groups.map((g) => g.recall)].flatMap((r) =>
      r.huntGroupId ? [{ id: r.huntGroupId, name: r.huntGroupName ?? "" }] : [],
    ),
  ]);

  for (const chunk of chunks(members.map((m) => memberRow(locationId, m)), 500)) {
    await trx
      .insertInto("members")
      .values(chunk)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          location_id: eb.ref("excluded.location_id"),
          type: eb.ref("excluded.type"),
          first_name: eb.ref("excluded.first_name"),
          last_name: eb.ref("excluded.last_name"),
          display_name: eb.ref("excluded.display_name"),
          email: eb.ref("excluded.email"),
          phone_number: eb.ref("excluded.phone_number"),
          extension: eb.ref("excluded.extension"),
        })),
      )
      .execute();
  }
  if (huntGroups.length) {
    await trx
      .insertInto("hunt_groups")
      .values(huntGroups.map((h) => ({ id: h.id, location_id: locationId, name: h.name, phone_number: null, extension: null })))
      .onConflict((oc) => oc.column("id").doUpdateSet((eb) => ({ location_id: eb.ref("excluded.location_id"), name: eb.ref("excluded.name") })))
      .execute();
  }
  const created = now();
  // The location's name written with each row: the trigger that would copy it (0008) then has
  // nothing to do, rather than updating every row it has just inserted (and its indexes again).
  const locationName = { location_name: row.name, location_name_key: row.name_key };
  for (const chunk of chunks(extensions, 500)) {
    await trx
      .insertInto("call_park_extensions")
      .values(chunk.map((c) => ({ id: c.id, location_id: locationId, name: c.name, name_key: searchKey(c.name), extension: c.extension, created_at: created, ...locationName })))
      .execute();
  }
  const numbers = [
    ...extensions.map((c) => ({ location_id: locationId, extension: c.extension, owner_type: "CALL_PARK_EXTENSION" as const, owner_id: c.id })),
    ...members.flatMap((m) => {
      const extension = m.numbers[0]?.extension;
      return extension ? [{ location_id: locationId, extension, owner_type: m.type, owner_id: m.id }] : [];
    }),
  ];
  for (const chunk of chunks(numbers, 500)) {
    await trx.insertInto("location_numbers").values(chunk).onConflict((oc) => oc.doNothing()).execute();
  }
  await trx.updateTable("locations").set({ call_park_extension_count: extensions.length }).where("id", "=", locationId).execute();

  await writeSettings(trx, locationId, snap.settings);
  for (const group of snap.groups) await insertGroup(trx, locationId, group);
}

/** The location's Call Park Settings as Webex answers them. */
export async function writeSettings(trx: Db, locationId: string, s: CallParkSettings) {
  const row = {
    location_id: locationId,
    recall_option: s.callParkRecall.option,
    recall_hunt_group_id: s.callParkRecall.huntGroupId ?? null,
    ring_pattern: s.callParkSettings.ringPattern,
    recall_time: s.callParkSettings.recallTime,
    hunt_wait_time: s.callParkSettings.huntWaitTime,
  };
  const { location_id: _location, ...changes } = row;
  await trx
    .insertInto("location_call_park_settings")
    .values(row)
    .onConflict((oc) => oc.column("location_id").doUpdateSet(changes))
    .execute();
}

async function insertGroup(trx: Db, locationId: string, g: CallPark) {
  await trx
    .insertInto("call_parks")
    .values({
      id: g.id,
      location_id: locationId,
      name: g.name,
      name_key: searchKey(g.name),
      recall_option: g.recall.option,
      recall_hunt_group_id: g.recall.huntGroupId ?? null,
      park_on_agents_enabled: g.parkOnAgentsEnabled ? 1 : 0,
      created_at: now(),
    })
    .execute();
  if (g.agents.length) {
    await trx
      .insertInto("call_park_agents")
      .values(g.agents.map((a, position) => ({ call_park_id: g.id, member_id: a.id, position })))
      .execute();
  }
  if (g.callParkExtensions.length) {
    await trx
      .insertInto("call_park_destinations")
      .values(g.callParkExtensions.map((c, position) => ({ call_park_id: g.id, call_park_extension_id: c.id, position })))
      .execute();
  }
}

/** Members, call park extensions and hunt groups a group's answer names (perhaps made outside this app since the last synchronisation), so that the group can be written. */
export async function ensureReferences(trx: Db, locationId: string, g: CallPark) {
  for (const chunk of chunks(g.agents.map((a) => memberRow(locationId, a)), 500)) {
    await trx.insertInto("members").values(chunk).onConflict((oc) => oc.column("id").doNothing()).execute();
  }
  if (g.callParkExtensions.length) {
    const created = now();
    await trx
      .insertInto("call_park_extensions")
      .values(g.callParkExtensions.map((c) => ({ id: c.id, location_id: locationId, name: c.name, name_key: searchKey(c.name), extension: c.extension, created_at: created })))
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    await trx
      .insertInto("location_numbers")
      .values(g.callParkExtensions.map((c) => ({ location_id: locationId, extension: c.extension, owner_type: "CALL_PARK_EXTENSION" as const, owner_id: c.id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .updateTable("locations")
      .set((eb) => ({
        call_park_extension_count: eb.selectFrom("call_park_extensions").select(eb.fn.countAll<number>().as("n")).where("location_id", "=", locationId),
      }))
      .where("id", "=", locationId)
      .execute();
  }
  if (g.recall.huntGroupId) {
    await trx
      .insertInto("hunt_groups")
      .values({ id: g.recall.huntGroupId, location_id: locationId, name: g.recall.huntGroupName ?? "", phone_number: null, extension: null })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
}

/** Removes the locations Webex no longer has (with everything in them). */
export async function removeLocationsExcept(db: Db, keep: ReadonlySet<string>) {
  const rows = await db.selectFrom("locations").select("id").execute();
  const gone = rows.map((r) => r.id).filter((id) => !keep.has(id));
  for (const chunk of chunks(gone, 500)) await db.deleteFrom("locations").where("id", "in", chunk).execute();
  return gone.length;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
