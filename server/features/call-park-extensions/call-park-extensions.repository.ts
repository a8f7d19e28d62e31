import { type Kysely, sql } from "kysely";
import type { LocationScope } from "@domain/rules/access";
import type { SortKey } from "@domain/schemas/call-park-extension";
import { esn, type NumberOwner, type NumberOwnerType } from "@domain/rules/numbering-plan";
import type { Database } from "@server/db/schema";
import { keyContains, startsWith, withinScope } from "@server/db/search";

type Executor = Kysely<Database>;

export interface ListFilter {
  /** The locations the viewer may see. */
  scope: LocationScope;
  locationId?: string;
  name?: string;
  extension?: string;
  locationName?: string;
  /** Name contains, or extension starts with. */
  q?: string;
}

function filtered(db: Executor, f: ListFilter) {
  let query = db
    .selectFrom("call_park_extensions as c")
    .innerJoin("locations as l", "l.id", "c.location_id");
  query = withinScope(query, "c.location_id", f.scope);
  if (f.locationId) query = query.where("c.location_id", "=", f.locationId);
  if (f.name) query = query.where(keyContains("c.name_key", f.name));
  if (f.extension) query = query.where(startsWith("c.extension", f.extension));
  if (f.locationName) query = query.where(keyContains("l.name_key", f.locationName));
  if (f.q) {
    const q = f.q;
    query = query.where((eb) => eb.or([keyContains("c.name_key", q), startsWith("c.extension", q)]));
  }
  return query;
}

const SORT_COLUMNS = {
  name: ["c.name_key", "c.name"],
  extension: ["c.extension"],
  locationName: ["l.name_key", "l.name"],
} as const;

const DEFAULT_ORDER: SortKey[] = [
  { field: "name", direction: "asc" },
  { field: "locationName", direction: "asc" },
];

export async function listCallParkExtensions(
  db: Executor,
  filter: ListFilter,
  order: SortKey[] | undefined,
  start: number,
  max: number,
) {
  let query = filtered(db, filter).select([
    "c.id",
    "c.name",
    "c.extension",
    "c.location_id",
    "l.name as location_name",
    "l.routing_prefix",
  ]);
  for (const { field, direction } of order?.length ? order : DEFAULT_ORDER) {
    for (const column of SORT_COLUMNS[field]) query = query.orderBy(column, direction);
  }
  // A stable tiebreak, so paging never shows a row twice or skips one.
  query = query.orderBy("c.extension").orderBy("c.id");
  const [rows, count] = await Promise.all([
    query.limit(max).offset(start).execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      extension: r.extension,
      ...(r.routing_prefix ? { routingPrefix: r.routing_prefix, esn: esn(r.routing_prefix, r.extension) } : {}),
      locationId: r.location_id,
      locationName: r.location_name,
    })),
  };
}

export async function findCallParkExtension(db: Executor, locationId: string, id: string) {
  return db
    .selectFrom("call_park_extensions as c")
    .innerJoin("locations as l", "l.id", "c.location_id")
    .select(["c.id", "c.name", "c.extension", "c.location_id", "l.routing_prefix"])
    .where("c.id", "=", id)
    .where("c.location_id", "=", locationId)
    .executeTakeFirst();
}

/** Who holds each of these extensions in the location, named. */
export async function findNumberOwners(
  db: Executor,
  locationId: string,
  extensions: readonly string[],
): Promise<Map<string, NumberOwner>> {
  if (extensions.length === 0) return new Map();
  const rows = await db
    .selectFrom("location_numbers as n")
    .leftJoin("members as m", "m.id", "n.owner_id")
    .leftJoin("hunt_groups as h", "h.id", "n.owner_id")
    .leftJoin("call_park_extensions as c", "c.id", "n.owner_id")
    .select([
      "n.extension",
      "n.owner_type",
      "n.owner_id",
      sql<string>`coalesce(${sql.ref("m.display_name")}, ${sql.ref("h.name")}, ${sql.ref("c.name")}, '')`.as("owner_name"),
    ])
    .where("n.location_id", "=", locationId)
    .where("n.extension", "in", [...new Set(extensions)])
    .execute();
  return new Map(
    rows.map((r) => [r.extension, { type: r.owner_type, id: r.owner_id, name: r.owner_name }]),
  );
}

export async function claimNumber(
  db: Executor,
  locationId: string,
  extension: string,
  ownerType: NumberOwnerType,
  ownerId: string,
) {
  await db
    .insertInto("location_numbers")
    .values({ location_id: locationId, extension, owner_type: ownerType, owner_id: ownerId })
    .execute();
}

export async function releaseNumber(db: Executor, ownerType: NumberOwnerType, ownerId: string) {
  await db.deleteFrom("location_numbers").where("owner_type", "=", ownerType).where("owner_id", "=", ownerId).execute();
}

/** Moves the location's call park extension count; the CHECK constraint refuses going past the cap. */
export async function adjustCount(db: Executor, locationId: string, delta: number) {
  await db
    .updateTable("locations")
    .set((eb) => ({ call_park_extension_count: eb("call_park_extension_count", "+", delta) }))
    .where("id", "=", locationId)
    .execute();
}

export async function countInLocation(db: Executor, locationId: string) {
  const row = await db
    .selectFrom("locations")
    .select("call_park_extension_count")
    .where("id", "=", locationId)
    .executeTakeFirst();
  return row?.call_park_extension_count ?? 0;
}

export async function insertCallParkExtension(
  db: Executor,
  row: { id: string; location_id: string; name: string; name_key: string; extension: string },
) {
  await db
    .insertInto("call_park_extensions")
    .values({ ...row, created_at: new Date().toISOString() })
    .execute();
}

export async function updateCallParkExtension(
  db: Executor,
  id: string,
  changes: { name?: string; name_key?: string; extension?: string },
) {
  const result = await db.updateTable("call_park_extensions").set(changes).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteCallParkExtension(db: Executor, id: string) {
  const result = await db.deleteFrom("call_park_extensions").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows);
}
