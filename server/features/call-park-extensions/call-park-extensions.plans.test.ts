import BetterSqlite3 from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocationScope } from "@domain/rules/access";
import type { SortKey } from "@domain/schemas/call-park-extension";
import { withStatementCache } from "@server/db/database";
import { migrateToLatest } from "@server/db/migrations";
import type { Database } from "@server/db/schema";
import { buildOrganization, DEMO_LOCATIONS, insertOrganization } from "@server/db/seed";
import { listCallParks } from "@server/features/call-parks/call-parks.repository";
import { listLocations } from "@server/features/locations/locations.repository";
import { type ListFilter, listCallParkExtensions } from "./call-park-extensions.repository";

// How the lists read the database, from SQLite's own query plans (EXPLAIN QUERY PLAN of
// each statement a call runs): through indexes, in their order, and totals from kept
// counts, never a count(*) over a join. Speed itself is measured by `npm run bench`.

const ALL: LocationScope = { all: true };
const CHECKPOINT = 256;

let sqlite: BetterSqlite3.Database;
let db: Kysely<Database>;
const ran: CompiledQuery[] = [];

beforeAll(async () => {
  sqlite = new BetterSqlite3(":memory:");
  sqlite.pragma("foreign_keys = ON");
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log: (event) => void ran.push(event.query) });
  await migrateToLatest(db as Kysely<unknown>);
  const locations = Array.from({ length: 20 }, (_, i) => ({ ...DEMO_LOCATIONS[i % 5], name: `${DEMO_LOCATIONS[i % 5].name} ${i + 1}` }));
  await insertOrganization(db, buildOrganization({ locations, peoplePerLocation: 1, callParkExtensionsPerLocation: 40 }));
});
afterAll(() => db?.destroy());

interface Statement {
  sql: string;
  parameters: readonly unknown[];
  plan: string[];
}

/** Each statement `work` runs, with its query plan. */
async function statementsOf(work: () => Promise<unknown>): Promise<Statement[]> {
  ran.length = 0;
  await work();
  return ran.map(({ sql, parameters }) => ({
    sql,
    parameters,
    plan: /^\s*select/i.test(sql) ? sqlite.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])).map((r) => (r as { detail: string }).detail) : [],
  }));
}

const list = (filter: Omit<ListFilter, "scope"> & { scope?: LocationScope }, order?: SortKey[], start = 0, max = 25) =>
  statementsOf(() => listCallParkExtensions(db, { scope: ALL, ...filter }, order, start, max));

const planLines = (statements: Statement[]) => statements.flatMap((s) => s.plan);
/** The plan's steps on call_park_extensions (aliased c): none reads the table itself, each an index of ours. */
const readsOfExtensions = (statements: Statement[]) => planLines(statements).filter((line) => /^(SCAN|SEARCH) c\b/.test(line));

function expectIndexOnly(statements: Statement[]) {
  const reads = readsOfExtensions(statements).filter((line) => !/USING INDEX sqlite_autoindex_call_park_extensions_1 \(id=\?\)/.test(line));
  expect(reads.length).toBeGreaterThan(0);
  for (const line of reads) expect(line).toMatch(/USING COVERING INDEX call_park_extensions_by_(name|location|extension)\b/);
}

function expectNoCountOfExtensions(statements: Statement[]) {
  for (const { sql } of statements) expect(sql).not.toMatch(/count\([^)]*\)[^]*from "call_park_extensions"/i);
}

/** The screens' sorts by name and by location, each an index's order. */
const SPA_ORDERS: SortKey[][] = [
  [{ field: "name", direction: "asc" }, { field: "locationName", direction: "asc" }],
  [{ field: "locationName", direction: "asc" }, { field: "name", direction: "asc" }],
];

describe("the call park extension list reads", () => {
  it("an unfiltered page in the order of an index, the total from the locations' counts", async () => {
    for (const order of [undefined, ...SPA_ORDERS]) {
      const statements = await list({}, order);
      expectIndexOnly(statements);
      expect(planLines(statements).filter((line) => line.includes("TEMP B-TREE")), JSON.stringify(order)).toEqual([]);
      expectNoCountOfExtensions(statements);
      expect(statements.map((s) => s.sql)).toContainEqual(expect.stringMatching(/sum\("call_park_extension_count"\)/));
    }
  });

  it("the card's count (max=1) and a location administrator's total from the locations' counts, in their scope", async () => {
    const [one, two] = (await db.selectFrom("locations").select("id").orderBy("id").limit(2).execute()).map((l) => l.id);
    for (const statements of [await list({}, undefined, 0, 1), await list({ scope: { all: false, locationIds: [one, two] } }), await list({ locationId: one })]) {
      expectNoCountOfExtensions(statements);
      const total = statements.find((s) => /sum\("call_park_extension_count"\)/.test(s.sql));
      expect(total?.plan.join(" ")).not.toMatch(/call_park_extensions/);
    }
  });

  it("a deep page from a kept checkpoint: a seek to its key, then fewer than CHECKPOINT rows skipped", async () => {
    for (const order of [undefined, ...SPA_ORDERS]) {
      await list({}, order, 700, 25);
      const statements = await list({}, order, 700, 25);
      const page = statements.find((s) => s.sql.includes(" offset ?"))!;
      expect(page.sql).toMatch(/\("c"\."[a-z_]+"(, "c"\."[a-z_]+")*\) > \(\?(, \?)*\)/);
      expect(page.parameters.at(-1)).toBeLessThan(CHECKPOINT);
      expect(page.plan.join(" ")).toMatch(/SEARCH c USING COVERING INDEX call_park_extensions_by_\w+ \(\([a-z_,]+\)>\(/);
      expectIndexOnly(statements);
      // Kept: the checkpoint is not looked for again while nothing changed, nor the total counted.
      expect(statements.filter((s) => s.sql.includes(" offset ?"))).toHaveLength(1);
      expect(statements.filter((s) => /sum\("call_park_extension_count"\)/.test(s.sql))).toEqual([]);
    }
  });

  it("a deep page's checkpoints kept while other tables are written, found again once a call park extension is", async () => {
    const offsets = (statements: Statement[]) => statements.filter((s) => s.sql.includes(" offset ?"));
    await list({}, undefined, 700, 25);
    await sql`update locations set routing_prefix = routing_prefix`.execute(db);
    await sql`update import_jobs set status = status`.execute(db);
    expect(offsets(await list({}, undefined, 700, 25)), "the page alone").toHaveLength(1);
    await sql`update call_park_extensions set name = name where id = (select min(id) from call_park_extensions)`.execute(db);
    expect(offsets(await list({}, undefined, 700, 25)), "the checkpoint looked for again, then the page").toHaveLength(2);
  });

  it("a name search: the distinct names through the trigram index, the rows through the name index, the total from the names' counts", async () => {
    for (const filter of [{ q: "park 0" }, { name: "estacionamento 1" }]) {
      const statements = await list(filter);
      expect(planLines(statements)).toContainEqual(expect.stringMatching(/^SCAN call_park_extension_names_search VIRTUAL TABLE INDEX \d+:M/));
      expectIndexOnly(statements);
      expect(readsOfExtensions(statements).filter((line) => line.startsWith("SCAN"))).toEqual([]);
      expect(statements.map((s) => s.sql)).toContainEqual(expect.stringMatching(/sum\("extensions"\)/));
    }
    // Under three characters the trigram index cannot help: a LIKE over the distinct names, not the rows.
    const short = await list({ q: "pa" });
    expect(planLines(short).join(" ")).not.toMatch(/VIRTUAL TABLE/);
    expect(readsOfExtensions(short).filter((line) => line.startsWith("SCAN"))).toEqual([]);
  });

  it("an extension search through the extension index", async () => {
    for (const filter of [{ q: "5004" }, { extension: "50" }]) {
      const statements = await list(filter);
      expect(planLines(statements)).toContainEqual(expect.stringMatching(/^SEARCH c USING COVERING INDEX call_park_extensions_by_extension \(extension>\? AND extension<\?\)/));
      expect(readsOfExtensions(statements).filter((line) => line.startsWith("SCAN"))).toEqual([]);
    }
    // A complete extension: its rows are one stretch of the extension index, already in the list's order.
    const statements = await list({ q: "5004" });
    expect(planLines(statements)).toContainEqual(expect.stringMatching(/^SEARCH c USING COVERING INDEX call_park_extensions_by_extension \(extension=\?\)$/));
  });

  it("a sort by extension through the extension index, each extension's rows sorted by location", async () => {
    for (const order of [[{ field: "extension", direction: "asc" }, { field: "locationName", direction: "asc" }], [{ field: "extension", direction: "desc" }]] as SortKey[][]) {
      const statements = await list({}, order);
      expect(planLines(statements)).toContainEqual(expect.stringMatching(/^SCAN c USING COVERING INDEX call_park_extensions_by_extension/));
      expect(planLines(statements).filter((line) => line.includes("TEMP B-TREE"))).toEqual([expect.stringMatching(/^USE TEMP B-TREE FOR (LAST \d+ TERMS|LAST TERM|RIGHT PART) OF ORDER BY/)]);
      expectNoCountOfExtensions(statements);
    }
  });

  it("a sort by location through the location index, descending too", async () => {
    for (const order of [[{ field: "locationName", direction: "desc" }], [{ field: "locationName", direction: "desc" }, { field: "name", direction: "asc" }]] as SortKey[][]) {
      const statements = await list({}, order);
      expect(planLines(statements)).toContainEqual(expect.stringMatching(/^SCAN c USING COVERING INDEX call_park_extensions_by_location/));
      expectNoCountOfExtensions(statements);
    }
  });
});

describe("the other large lists", () => {
  it("count the organisation's call park groups without a join, and sort them by name through an index", async () => {
    const statements = await statementsOf(() => listCallParks(db, { scope: ALL }, undefined, 0, 1));
    const count = statements.find((s) => /count\(\*\)/.test(s.sql))!;
    expect(count.sql).not.toMatch(/join/i);
    expect(planLines(statements)).toContainEqual(expect.stringMatching(/^SCAN p USING INDEX call_parks_by_name/));
  });

  it("count each location's call park groups from an index alone", async () => {
    const statements = await statementsOf(() => listLocations(db, { scope: ALL }, 0, 1000, { withCounts: true }));
    const counts = planLines(statements).filter((line) => /\bg\b/.test(line));
    expect(counts.length).toBeGreaterThan(0);
    for (const line of counts) expect(line).toMatch(/SEARCH g USING COVERING INDEX call_parks_location_recall/);
  });
});
