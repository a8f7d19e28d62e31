import type { Kysely, Selectable } from "kysely";
import type { LocationScope } from "@domain/rules/access";
import type { CallParkAgent, CallParkSortField } from "@domain/schemas/call-park";
import type { OrderKey } from "@domain/schemas/sort-order";
import type { CallParkTable, Database, MemberTable } from "@server/db/schema";
import { keyContains, startsWith, withinScope } from "@server/db/search";

type Executor = Kysely<Database>;

export interface CallParkFilter {
  /** The locations the viewer may see. */
  scope: LocationScope;
  locationId?: string;
  name?: string;
}

/** The groups the filter finds; their locations are joined for the page only (every group has one: a foreign key). */
function filtered(db: Executor, f: CallParkFilter) {
  let query = withinScope(db.selectFrom("call_parks as p"), "p.location_id", f.scope);
  if (f.locationId) query = query.where("p.location_id", "=", f.locationId);
  if (f.name) query = query.where(keyContains("p.name_key", f.name));
  return query;
}

const SORT_COLUMNS = {
  name: ["p.name_key", "p.name"],
  locationName: ["l.name_key", "l.name"],
} as const;

const DEFAULT_ORDER: OrderKey<CallParkSortField>[] = [
  { field: "name", direction: "asc" },
  { field: "locationName", direction: "asc" },
];

export async function listCallParks(
  db: Executor,
  filter: CallParkFilter,
  order: OrderKey<CallParkSortField>[] | undefined,
  start: number,
  max: number,
) {
  let query = filtered(db, filter)
    .innerJoin("locations as l", "l.id", "p.location_id")
    .select(["p.id", "p.name", "p.location_id", "l.name as location_name"]);
  for (const { field, direction } of order?.length ? order : DEFAULT_ORDER) {
    for (const column of SORT_COLUMNS[field]) query = query.orderBy(column, direction);
  }
  // A stable tiebreak, so paging never shows a row twice or skips one.
  query = query.orderBy("p.id");
  const [rows, count] = await Promise.all([
    query.limit(max).offset(start).execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({ id: r.id, name: r.name, locationId: r.location_id, locationName: r.location_name })),
  };
}

export type CallParkRow = Selectable<CallParkTable>;

export async function findCallPark(db: Executor, locationId: string, id: string): Promise<CallParkRow | undefined> {
  return db.selectFrom("call_parks").selectAll().where("id", "=", id).where("location_id", "=", locationId).executeTakeFirst();
}

/** The group of the location whose name has this search key (names are unique by it). */
export async function findCallParkByNameKey(db: Executor, locationId: string, nameKey: string) {
  return db
    .selectFrom("call_parks")
    .select(["id", "name"])
    .where("location_id", "=", locationId)
    .where("name_key", "=", nameKey)
    .executeTakeFirst();
}

/** A person, workspace or virtual line as the call park API shows it; email is required there, so "" when none. */
export function toAgent(m: Selectable<MemberTable>): CallParkAgent {
  const number = { ...(m.phone_number ? { external: m.phone_number } : {}), ...(m.extension ? { extension: m.extension } : {}) };
  return {
    id: m.id,
    firstName: m.first_name,
    lastName: m.last_name,
    displayName: m.display_name,
    type: m.type,
    email: m.email ?? "",
    numbers: Object.keys(number).length ? [number] : [],
  };
}

export async function agentsOf(db: Executor, callParkId: string) {
  return db
    .selectFrom("call_park_agents as a")
    .innerJoin("members as m", "m.id", "a.member_id")
    .selectAll("m")
    .where("a.call_park_id", "=", callParkId)
    .orderBy("a.position")
    .execute();
}

export async function destinationsOf(db: Executor, callParkId: string) {
  return db
    .selectFrom("call_park_destinations as d")
    .innerJoin("call_park_extensions as c", "c.id", "d.call_park_extension_id")
    .select(["c.id", "c.extension", "c.name"])
    .where("d.call_park_id", "=", callParkId)
    .orderBy("d.position")
    .execute();
}

export async function findHuntGroup(db: Executor, id: string) {
  return db.selectFrom("hunt_groups").select(["id", "name", "location_id"]).where("id", "=", id).executeTakeFirst();
}

export async function huntGroupsIn(db: Executor, locationId: string) {
  return db.selectFrom("hunt_groups").select(["id", "name"]).where("location_id", "=", locationId).execute();
}

/** Members with the group each belongs to, if any: of a location, or by id. */
function membersWithGroup(db: Executor) {
  return db
    .selectFrom("members as m")
    .leftJoin("call_park_agents as a", "a.member_id", "m.id")
    .leftJoin("call_parks as p", "p.id", "a.call_park_id")
    .selectAll("m")
    .select(["p.id as call_park_id", "p.name as call_park_name"]);
}

export async function membersByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return membersWithGroup(db).where("m.id", "in", [...new Set(ids)]).execute();
}

export async function membersIn(db: Executor, locationId: string) {
  return membersWithGroup(db).where("m.location_id", "=", locationId).execute();
}

/** Call park extensions with the group each is a destination of, if any. */
function extensionsWithGroup(db: Executor) {
  return db
    .selectFrom("call_park_extensions as c")
    .leftJoin("call_park_destinations as d", "d.call_park_extension_id", "c.id")
    .leftJoin("call_parks as p", "p.id", "d.call_park_id")
    .select(["c.id", "c.name", "c.extension", "c.location_id", "p.id as call_park_id", "p.name as call_park_name"]);
}

export async function callParkExtensionsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return extensionsWithGroup(db).where("c.id", "in", [...new Set(ids)]).execute();
}

export interface ExtensionFilter {
  /** Name contains, or extension starts with: what a search box holds. */
  name?: string;
  extension?: string;
  /** Also those of this group. */
  callParkId?: string;
  /** Also those of every other group. */
  includeAssigned?: boolean;
}

function filteredExtensions(db: Executor, locationId: string, f: ExtensionFilter) {
  let query = extensionsWithGroup(db).where("c.location_id", "=", locationId);
  if (!f.includeAssigned) {
    const own = f.callParkId;
    query = query.where((eb) => (own ? eb.or([eb("p.id", "is", null), eb("p.id", "=", own)]) : eb("p.id", "is", null)));
  }
  if (f.name) {
    const name = f.name;
    query = query.where((eb) => eb.or([keyContains("c.name_key", name), startsWith("c.extension", name)]));
  }
  if (f.extension) query = query.where(startsWith("c.extension", f.extension));
  return query;
}

export async function callParkExtensionsIn(db: Executor, locationId: string, f: ExtensionFilter, start: number, max: number) {
  const [rows, count] = await Promise.all([
    filteredExtensions(db, locationId, f).orderBy("c.name_key").orderBy("c.extension").orderBy("c.id").limit(max).offset(start).execute(),
    filteredExtensions(db, locationId, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertCallPark(db: Executor, row: Omit<CallParkRow, "created_at">) {
  await db.insertInto("call_parks").values({ ...row, created_at: new Date().toISOString() }).execute();
}

/**
 * Writes the group's own row; called first in every edit, so that concurrent edits of
 * one group queue behind its row lock (PostgreSQL) and a group deleted meanwhile is seen.
 */
export async function touchCallPark(
  db: Executor,
  id: string,
  changes: Partial<Pick<CallParkRow, "id" | "name" | "name_key" | "recall_option" | "recall_hunt_group_id" | "park_on_agents_enabled">>,
) {
  const result = await db
    .updateTable("call_parks")
    .set((eb) => ({ name: eb.ref("name"), ...changes }))
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Replaces the members, keeping the order given. */
export async function replaceAgents(db: Executor, callParkId: string, memberIds: readonly string[]) {
  await db.deleteFrom("call_park_agents").where("call_park_id", "=", callParkId).execute();
  if (memberIds.length === 0) return;
  await db
    .insertInto("call_park_agents")
    .values(memberIds.map((member_id, position) => ({ call_park_id: callParkId, member_id, position })))
    .execute();
}

/** Replaces the park destinations, keeping the hunting order given. */
export async function replaceDestinations(db: Executor, callParkId: string, extensionIds: readonly string[]) {
  await db.deleteFrom("call_park_destinations").where("call_park_id", "=", callParkId).execute();
  if (extensionIds.length === 0) return;
  await db
    .insertInto("call_park_destinations")
    .values(extensionIds.map((call_park_extension_id, position) => ({ call_park_id: callParkId, call_park_extension_id, position })))
    .execute();
}

/** Whether the group, as this transaction sees it, parks on members and still lists call park extensions. */
export async function parksOnAgentsWithDestinations(db: Executor, callParkId: string) {
  const row = await db
    .selectFrom("call_parks as p")
    .select((eb) => [
      "p.park_on_agents_enabled",
      eb.selectFrom("call_park_destinations as d").select(eb.fn.countAll<number>().as("n")).whereRef("d.call_park_id", "=", "p.id").as("destinations"),
    ])
    .where("p.id", "=", callParkId)
    .executeTakeFirst();
  return Boolean(row?.park_on_agents_enabled) && Number(row?.destinations ?? 0) > 0;
}

export async function deleteCallPark(db: Executor, id: string) {
  const result = await db.deleteFrom("call_parks").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows);
}
