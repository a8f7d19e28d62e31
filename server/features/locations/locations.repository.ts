import type { ExpressionBuilder, Selectable } from "kysely";
import type { LocationScope } from "@domain/rules/access";
import { RECALL_OPTIONS, usesHuntWaitTime } from "@domain/rules/recall";
import type { CallParkCounts, Location, LocationSortField } from "@domain/schemas/location";
import type { OrderKey } from "@domain/schemas/sort-order";
import type { Db } from "@server/db/database";
import type { Database, LocationTable } from "@server/db/schema";
import { keyContains, withinScope } from "@server/db/search";

export interface LocationFilter {
  /** The locations the viewer may see. */
  scope: LocationScope;
  name?: string;
  id?: string;
}

export interface LocationOptions {
  /** Add `callParkCounts` (our addition) to each location. */
  withCounts?: boolean;
}

// Each sort reads an index: locations_name_key, or locations_call_park_extension_count (a
// count the database keeps), so a large organisation's page is not a sort of every location.
const SORT_COLUMNS = {
  name: ["name_key", "name"],
  callParkExtensions: ["call_park_extension_count"],
} as const;

type LocationRow = Selectable<LocationTable> & { call_park_count?: number; hunt_wait_count?: number };

const HUNT_WAIT_OPTIONS = RECALL_OPTIONS.filter(usesHuntWaitTime);

/** Correlated counts of the location's call park groups, all and those using the hunt wait time. */
function groupCounts(eb: ExpressionBuilder<Database, "locations">) {
  const groups = () => eb.selectFrom("call_parks as g").whereRef("g.location_id", "=", "locations.id");
  return [
    groups()
      .select((sub) => sub.fn.countAll<number>().as("n"))
      .as("call_park_count"),
    groups()
      .where("g.recall_option", "in", HUNT_WAIT_OPTIONS)
      .select((sub) => sub.fn.countAll<number>().as("n"))
      .as("hunt_wait_count"),
  ];
}

function countsOf(row: LocationRow): CallParkCounts {
  return {
    callParkExtensions: row.call_park_extension_count,
    callParks: Number(row.call_park_count ?? 0),
    callParksUsingHuntWaitTime: Number(row.hunt_wait_count ?? 0),
  };
}

function toLocation(row: LocationRow, { withCounts = false }: LocationOptions = {}): Location & {
  callParkCounts?: CallParkCounts;
} {
  return {
    id: row.id,
    name: row.name,
    orgId: row.org_id,
    address: {
      address1: row.address1,
      ...(row.address2 ? { address2: row.address2 } : {}),
      city: row.city,
      state: row.state,
      postalCode: row.postal_code,
      country: row.country,
    },
    timeZone: row.time_zone,
    preferredLanguage: row.preferred_language,
    announcementLanguage: row.announcement_language,
    ...(row.latitude ? { latitude: row.latitude } : {}),
    ...(row.longitude ? { longitude: row.longitude } : {}),
    ...(row.notes ? { notes: row.notes } : {}),
    ...(withCounts ? { callParkCounts: countsOf(row) } : {}),
  };
}

function filtered(db: Db, filter: LocationFilter) {
  let query = withinScope(db.selectFrom("locations"), "id", filter.scope);
  if (filter.name) query = query.where(keyContains("name_key", filter.name));
  if (filter.id) query = query.where("id", "=", filter.id);
  return query;
}

export async function listLocations(
  db: Db,
  filter: LocationFilter,
  start: number,
  max: number,
  options: LocationOptions & { order?: OrderKey<LocationSortField>[] } = {},
) {
  let query = filtered(db, filter).selectAll("locations");
  if (options.withCounts) query = query.select(groupCounts);
  // By name unless asked otherwise, then by name and id, so paging never shows a row twice or skips one.
  const keys: OrderKey<LocationSortField>[] = [...(options.order ?? []), { field: "name", direction: "asc" }];
  const seen = new Set<string>();
  for (const { field, direction } of keys) {
    for (const column of SORT_COLUMNS[field]) {
      if (seen.has(column)) continue;
      seen.add(column);
      query = query.orderBy(column, direction);
    }
  }
  query = query.orderBy("id");
  const [rows, count] = await Promise.all([
    query.limit(max).offset(start).execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => toLocation(row, options)), total: Number(count.n) };
}

export async function findLocation(db: Db, id: string, options: LocationOptions = {}) {
  let query = db.selectFrom("locations").selectAll("locations").where("id", "=", id);
  if (options.withCounts) query = query.select(groupCounts);
  const row = await query.executeTakeFirst();
  return row ? { location: toLocation(row, options), routingPrefix: row.routing_prefix, row } : undefined;
}
