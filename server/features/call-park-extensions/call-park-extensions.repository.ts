import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { LocationScope } from "@domain/rules/access";
import type { SortKey } from "@domain/schemas/call-park-extension";
import { esn, type NumberOwner, type NumberOwnerType } from "@domain/rules/numbering-plan";
import { searchKey } from "@domain/rules/text";
import { foldChangeCounts } from "@server/db/database";
import { dialectOf, withoutIndex } from "@server/db/dialect";
import type { Database } from "@server/db/schema";
import { ftsPhrase, isOneOf, keyContains, likeStartsWith, startsWith, trigramSearchable } from "@server/db/search";

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

// The list reads call_park_extensions alone (each row carries its location's name and
// search key, kept by triggers), in the order of an index where one fits, and joins the
// locations for the page's rows only. Totals come from counts the database keeps where
// the filter allows: the locations' call_park_extension_count, the distinct names'.

type Column = "name_key" | "name" | "location_name_key" | "location_name" | "extension" | "id";
type OrderColumn = readonly [Column, "asc" | "desc"];

const SORT_COLUMNS: Record<SortKey["field"], Column[]> = {
  name: ["name_key", "name"],
  extension: ["extension"],
  locationName: ["location_name_key", "location_name"],
};

const DEFAULT_ORDER: SortKey[] = [
  { field: "name", direction: "asc" },
  { field: "locationName", direction: "asc" },
];

/** The columns the list sorts by, each once, ending in a stable tiebreak so that paging never shows a row twice or skips one. */
function orderColumns(order: SortKey[] | undefined): OrderColumn[] {
  const columns: OrderColumn[] = [];
  const add = (column: Column, direction: "asc" | "desc") => {
    if (!columns.some(([c]) => c === column)) columns.push([column, direction]);
  };
  for (const { field, direction } of order?.length ? order : DEFAULT_ORDER) {
    for (const column of SORT_COLUMNS[field]) add(column, direction);
  }
  add("extension", "asc");
  add("id", "asc");
  return columns;
}

/** The distinct name keys that contain the search key of `text`: through the trigram index from 3 characters on, else each one's LIKE. */
function nameKeysContaining(db: Executor, text: string) {
  let query = db.selectFrom("call_park_extension_names as k").select("k.name_key").where(keyContains("k.name_key", text));
  const key = searchKey(text);
  if (trigramSearchable(key) && dialectOf(db) === "postgres") {
    // PostgreSQL reads the LIKE itself through the trigram index (pg_trgm, migration 0008).
    return query;
  }
  if (trigramSearchable(key)) {
    // The index finds candidates (case-folded trigrams); the LIKE above decides, as it always has.
    const found = db
      .selectFrom("call_park_extension_names_search")
      .select("rowid")
      .where(sql<boolean>`call_park_extension_names_search match ${ftsPhrase(key)}`);
    query = query.where("k.id", "in", found);
  }
  return query;
}

// Kysely writes a subquery in parentheses: `in ${subquery}` is `in (select …)`.
const nameContains = (db: Executor, text: string) => sql<SqlBool>`c.name_key in ${nameKeysContaining(db, text)}`;

/** The conditions on where a row is: the viewer's scope, the location asked for, the location's name. */
function locationConditions(db: Executor, f: ListFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (!f.scope.all) conditions.push(isOneOf("c.location_id", f.scope.locationIds));
  if (f.locationId) conditions.push(sql<SqlBool>`c.location_id = ${f.locationId}`);
  if (f.locationName) {
    const locations = db.selectFrom("locations").select("id").where(keyContains("name_key", f.locationName));
    conditions.push(sql<SqlBool>`c.location_id in ${locations}`);
  }
  return conditions;
}

/**
 * `c.extension` starts with `text`. When every extension that does (where the list looks) is
 * one and the same, as a complete extension typed gives, `c.extension = it`: then the
 * extension index (extension, name…) holds those rows in the list's order, and a page of
 * them is read without sorting them all.
 */
async function extensionStarts(db: Executor, located: Expression<SqlBool>[], text: string): Promise<Expression<SqlBool>> {
  const condition = startsWith("c.extension", text);
  if (/[A-Za-z]|\p{Cs}/u.test(text)) return condition;
  const rows = () => rowsWhere(db, [...located, condition]);
  const lowest = rows().select((eb) => eb.fn.min("c.extension").as("e"));
  const highest = rows().select((eb) => eb.fn.max("c.extension").as("e"));
  const { rows: found } = await sql<{ lo: string | null; hi: string | null }>`select ${lowest} as lo, ${highest} as hi`.execute(db);
  const { lo, hi } = found[0];
  return lo !== null && lo === hi ? sql<SqlBool>`c.extension = ${lo}` : condition;
}

/** What the filter asks, as conditions on call_park_extensions (aliased c). */
interface Conditions {
  /** Where a row is: the viewer's scope, the location asked for, the location's name. */
  located: Expression<SqlBool>[];
  /** The row itself: name, extension. */
  row: Expression<SqlBool>[];
  /** `q`: its name or its extension, read as two index lookups. */
  q?: { text: string; named: Expression<SqlBool>; numbered: Expression<SqlBool> };
}

async function conditionsOf(db: Executor, f: ListFilter): Promise<Conditions> {
  const located = locationConditions(db, f);
  const row: Expression<SqlBool>[] = [];
  if (f.name) row.push(nameContains(db, f.name));
  if (f.extension) row.push(await extensionStarts(db, located, f.extension));
  const q = f.q ? { text: f.q, named: nameContains(db, f.q), numbered: await extensionStarts(db, located, f.q) } : undefined;
  return { located, row, q };
}

function rowsWhere(db: Executor, conditions: Expression<SqlBool>[]) {
  let query = db.selectFrom("call_park_extensions as c");
  for (const condition of conditions) query = query.where(condition);
  return query;
}

// Each in every index of an order: a page is read from the index alone, its rows then joined.
const PAGE_COLUMNS = ["c.id", "c.name_key", "c.name", "c.location_name_key", "c.location_name", "c.extension"] as const;

/**
 * One page of rows, in order. A `q` is the union of what its name and its extension find,
 * each read in order (the name's through the index, the extension's sorted) and only as
 * far as the page goes, then merged.
 */
function pageQuery(db: Executor, f: Conditions, columns: OrderColumn[], start: number, max: number, after: Expression<SqlBool>[] = []) {
  const ordered = <Q extends { orderBy(ref: ReturnType<typeof sql.ref>, direction: "asc" | "desc"): Q }>(query: Q) =>
    columns.reduce((q, [column, direction]) => q.orderBy(sql.ref(column), direction), query);
  const select = (extra: Expression<SqlBool>[]) => rowsWhere(db, [...f.located, ...f.row, ...after, ...extra]).select(PAGE_COLUMNS);
  if (!f.q) return ordered(select([])).limit(max).offset(start);
  const upTo = (query: ReturnType<typeof select>, alias: string) =>
    db.selectFrom(ordered(query).limit(start + max).as(alias)).selectAll();
  const union = upTo(select([f.q.named]), "named").union(upTo(select([f.q.numbered]), "numbered"));
  return ordered(union).limit(max).offset(start);
}

const countAll = (query: ReturnType<typeof rowsWhere>) => query.select((eb) => eb.fn.countAll<number>().as("n"));

/**
 * How many rows the filter finds: from the counts the database keeps where the filter
 * allows (the locations' for a whole list or a location's, the distinct names' for a
 * search by name), else one count of call_park_extensions alone, through an index.
 */
async function countOf(db: Executor, f: ListFilter, c: Conditions): Promise<number> {
  if (c.row.length === 0 && !c.q) {
    let query = db.selectFrom("locations").select((eb) => eb.fn.coalesce(eb.fn.sum<number>("call_park_extension_count"), eb.lit(0)).as("n"));
    if (!f.scope.all) query = query.where(isOneOf("id", f.scope.locationIds));
    if (f.locationId) query = query.where("id", "=", f.locationId);
    if (f.locationName) query = query.where(keyContains("name_key", f.locationName));
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
  const text = f.q ?? f.name;
  if (text !== undefined && c.located.length === 0 && c.row.length === (c.q ? 0 : 1)) {
    // The whole organisation by name: the distinct names' counts; for q, plus the rows its
    // extension finds, less those its name found already.
    const named = db
      .selectFrom("call_park_extension_names")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("extensions"), eb.lit(0)).as("n"))
      .where("name_key", "in", nameKeysContaining(db, text));
    if (!c.q) return Number((await named.executeTakeFirstOrThrow()).n);
    const numbered = countAll(rowsWhere(db, [c.q.numbered]));
    const { rows } = await sql<{ named: number; numbered: number }>`select ${named} as named, ${numbered} as numbered`.execute(db);
    const counts = { named: Number(rows[0].named), numbered: Number(rows[0].numbered) };
    if (counts.named === 0 || counts.numbered === 0) return counts.named + counts.numbered;
    // Those found both ways, read from the smaller side: the other's condition is written so
    // that SQLite does not take its index (a unary +; a LIKE alone).
    const byName = counts.named <= counts.numbered;
    const name = byName ? c.q.named : sql<SqlBool>`${withoutIndex(db, "c.name_key")} in ${nameKeysContaining(db, c.q.text)}`;
    const extension = byName ? likeStartsWith("c.extension", c.q.text) : c.q.numbered;
    const both = await countAll(rowsWhere(db, [name, extension])).executeTakeFirstOrThrow();
    return counts.named + counts.numbered - Number(both.n);
  }
  let query = rowsWhere(db, [...c.located, ...c.row]);
  if (c.q) query = query.where((eb) => eb.or([c.q!.named, c.q!.numbered]));
  return Number((await countAll(query).executeTakeFirstOrThrow()).n);
}

// Keyset paging behind start/max. A deep page of an unfiltered list sorted all ascending (the
// screens' sorts) starts from a checkpoint: the key of the row just before a multiple of
// CHECKPOINT, found from the nearest checkpoint before it already found (one statement that
// reads only an index) and kept while call park extensions stand still (migration 0012's
// count of their writes, whoever makes them: another instance, another process). A page then
// reads fewer than CHECKPOINT + max index entries, however deep; a client following the Link
// headers finds each next checkpoint from the one before. Any other list reads an offset,
// through the index of its order where one fits.
const CHECKPOINT = 256;
/** Lists (scope, location and order) whose checkpoints are kept, per database. */
const MAX_KEPT_LISTS = 16;
/** Checkpoints kept per list: past this many, they are found again. */
const MAX_CHECKPOINTS = 4096;
/** PostgreSQL: past this many rows of counted writes, a reader folds them into one. */
const MAX_CHANGE_ROWS = 64;

type Key = Record<Column, string>;
interface Checkpoints {
  version: string;
  /** j ≥ 1: the key of row j × CHECKPOINT − 1, the last before the j-th stretch; null when the list ends before it. */
  keys: Map<number, Key | null>;
  /** The list's total (the locations' counts move only with call park extensions' writes). */
  total?: number;
}
const kept = new WeakMap<Executor, Map<string, Checkpoints>>();

/** How many times call park extensions were written, as the transaction sees it; and in how many rows. */
async function versionOf(db: Executor): Promise<{ version: string; rows: number }> {
  const { rows } = await sql<{ changes: number; rows: number }>`select coalesce(sum(changes), 0) as changes, count(*) as rows
    from call_park_extension_changes`.execute(db);
  return { version: String(rows[0].changes), rows: Number(rows[0].rows) };
}

function checkpointsFor(db: Executor, list: string, version: string): Checkpoints {
  let lists = kept.get(db);
  if (!lists) kept.set(db, (lists = new Map()));
  let found = lists.get(list);
  lists.delete(list);
  if (!found || found.version !== version || found.keys.size >= MAX_CHECKPOINTS) found = { version, keys: new Map() };
  lists.set(list, found);
  if (lists.size > MAX_KEPT_LISTS) lists.delete(lists.keys().next().value!);
  return found;
}

const after = (columns: OrderColumn[], key: Key) =>
  sql<SqlBool>`(${sql.join(columns.map(([c]) => sql.ref(`c.${c}`)))}) > (${sql.join(columns.map(([c]) => key[c]))})`;

/** The key of row j × CHECKPOINT − 1 (null: the list ends before it), from the nearest checkpoint before it. */
async function checkpoint(db: Executor, found: Checkpoints, conditions: Expression<SqlBool>[], columns: OrderColumn[], j: number) {
  const known = found.keys.get(j);
  if (known !== undefined) return known;
  let from = 0;
  for (const [i, key] of found.keys) {
    // A list that ends before an earlier checkpoint ends before this one.
    if (i < j && key === null) return null;
    if (i < j && i > from) from = i;
  }
  const previous = from > 0 ? found.keys.get(from) : undefined;
  let query = rowsWhere(db, previous ? [...conditions, after(columns, previous)] : conditions).select(columns.map(([c]) => `c.${c}` as const));
  for (const [column] of columns) query = query.orderBy(`c.${column}`);
  const key = ((await query.limit(1).offset((j - from) * CHECKPOINT - 1).executeTakeFirst()) as Key | undefined) ?? null;
  found.keys.set(j, key);
  return key;
}

export async function listCallParkExtensions(
  db: Executor,
  filter: ListFilter,
  order: SortKey[] | undefined,
  start: number,
  max: number,
) {
  const columns = orderColumns(order);
  const keyset =
    start >= CHECKPOINT && !db.isTransaction && !filter.q && !filter.name && !filter.extension && !filter.locationName && columns.every(([, d]) => d === "asc");
  let changeRows = 0;
  const read = async (trx: Executor, list?: string) => {
    const conditions = await conditionsOf(trx, filter);
    let page;
    let total: number | undefined;
    if (list) {
      const j = Math.floor(start / CHECKPOINT);
      const { version, rows } = await versionOf(trx);
      changeRows = rows;
      const found = checkpointsFor(db, list, version);
      const key = await checkpoint(trx, found, conditions.located, columns, j);
      // Kept with the checkpoints: only a write to call park extensions moves it.
      total = found.total ??= await countOf(trx, filter, conditions);
      if (!key) return { total, rows: [] };
      page = pageQuery(trx, conditions, columns, start - j * CHECKPOINT, max, [after(columns, key)]);
    } else {
      page = pageQuery(trx, conditions, columns, start, max);
    }
    let query = trx
      .selectFrom(page.as("p"))
      .innerJoin("call_park_extensions as c", "c.id", "p.id")
      .innerJoin("locations as l", "l.id", "c.location_id")
      .select(["p.id", "p.name", "p.extension", "c.location_id", "l.name as location_name", "l.routing_prefix"]);
    for (const [column, direction] of columns) query = query.orderBy(`p.${column}`, direction);
    const [rows, counted] = await Promise.all([query.execute(), total ?? countOf(trx, filter, conditions)]);
    return { total: counted, rows };
  };
  // The checkpoints' version, the page and the total are read in one transaction: one state of
  // the database (PostgreSQL: one snapshot, which a read alone takes at repeatable read).
  const list = JSON.stringify([filter.scope.all ? null : filter.scope.locationIds, filter.locationId ?? null, columns]);
  const { total, rows } = keyset
    ? await db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute((trx) => read(trx, list))
    : await read(db);
  // A fold that fails leaves the sum as it stood: the next read folds.
  if (changeRows > MAX_CHANGE_ROWS && dialectOf(db) === "postgres") await foldChangeCounts(db).catch(() => undefined);
  return {
    total,
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

/** Which of these ids are call park extensions of the location. */
export async function idsInLocation(db: Executor, locationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("call_park_extensions")
    .select("id")
    .where("location_id", "=", locationId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Every park destination of the location's groups that park on any of these call park
 * extensions, with the group's name: a group's whole list, to place each in its hunting order.
 */
export async function destinationsOfGroupsUsing(db: Executor, locationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("call_park_destinations as d")
    .innerJoin("call_parks as p", "p.id", "d.call_park_id")
    .select(["d.call_park_id", "p.name as call_park_name", "d.call_park_extension_id", "d.position"])
    .where("p.location_id", "=", locationId)
    .where("d.call_park_id", "in", (eb) =>
      eb.selectFrom("call_park_destinations as u").select("u.call_park_id").where("u.call_park_extension_id", "in", [...new Set(ids)]),
    )
    .orderBy("d.call_park_id")
    .orderBy("d.position")
    .execute();
}
