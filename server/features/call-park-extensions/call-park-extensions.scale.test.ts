import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { LightMyRequestResponse } from "fastify";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import type { LocationScope } from "@domain/rules/access";
import { esn } from "@domain/rules/numbering-plan";
import { searchKey } from "@domain/rules/text";
import { callParkExtensionListSchema, type SortKey } from "@domain/schemas/call-park-extension";
import { type Db, openDatabase } from "@server/db/database";
import type { Database } from "@server/db/schema";
import { buildOrganization, DEMO_LOCATIONS, insertOrganization } from "@server/db/seed";
import { csvOf, runImport } from "@server/features/import-jobs/test-helpers";
import { expectListIndexesInStep } from "@server/test/list-indexes";
import { openTestDatabase } from "@server/test/test-database";
import { buildTestApp, locationIdOf, TEST_ACTOR } from "@server/test/test-server";
import { type ListFilter, listCallParkExtensions } from "./call-park-extensions.repository";
import * as service from "./call-park-extensions.service";

// The list reads indexes, kept counts and checkpoints now; it must answer exactly what the
// plain query it replaced answered (copied below as it stood: a join, LIKE, count(*),
// OFFSET) for every filter, order and page, and keep doing so while the data changes.

type Executor = Kysely<Database>;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeContains = (column: string, text: string) => sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(searchKey(text))}%`} escape '\\'`;
const likeStarts = (column: string, text: string) => sql<boolean>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;

/** The list as it was read before issue 14. */
async function referenceList(db: Executor, f: ListFilter, order: SortKey[] | undefined, start: number, max: number) {
  const filtered = () => {
    let query = db.selectFrom("call_park_extensions as c").innerJoin("locations as l", "l.id", "c.location_id");
    if (!f.scope.all) query = f.scope.locationIds.length ? query.where("c.location_id", "in", [...f.scope.locationIds]) : query.where(sql<boolean>`1 = 0`);
    if (f.locationId) query = query.where("c.location_id", "=", f.locationId);
    if (f.name) query = query.where(likeContains("c.name_key", f.name));
    if (f.extension) query = query.where(likeStarts("c.extension", f.extension));
    if (f.locationName) query = query.where(likeContains("l.name_key", f.locationName));
    if (f.q) {
      const q = f.q;
      query = query.where((eb) => eb.or([likeContains("c.name_key", q), likeStarts("c.extension", q)]));
    }
    return query;
  };
  const columns = { name: ["c.name_key", "c.name"], extension: ["c.extension"], locationName: ["l.name_key", "l.name"] } as const;
  let query = filtered().select(["c.id", "c.name", "c.extension", "c.location_id", "l.name as location_name", "l.routing_prefix"]);
  const keys: SortKey[] = order?.length ? order : [{ field: "name", direction: "asc" }, { field: "locationName", direction: "asc" }];
  for (const { field, direction } of keys) for (const column of columns[field]) query = query.orderBy(column, direction);
  query = query.orderBy("c.extension").orderBy("c.id");
  const rows = await query.limit(max).offset(start).execute();
  const count = await filtered().select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
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

const LOCATIONS = 12;
const PER_LOCATION = 50;
const ALL: LocationScope = { all: true };

let db: Db;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let scoped: LocationScope;
let london: string;

beforeAll(async () => {
  db = await openTestDatabase();
  const locations = Array.from({ length: LOCATIONS }, (_, i) => ({ ...DEMO_LOCATIONS[i % 5], name: `${DEMO_LOCATIONS[i % 5].name} ${String(i + 1).padStart(2, "0")}` }));
  await insertOrganization(db, buildOrganization({ locations, peoplePerLocation: 2, callParkExtensionsPerLocation: PER_LOCATION }));
  london = await locationIdOf(db, "London 05");
  const saoPaulo = await locationIdOf(db, "São Paulo 03");
  // Names that test the matching rules: case, accents, LIKE's wildcards, FTS5's quote, one or two characters.
  const awkward = ["50% Off", "Park_5", 'Dock "Quoted"', "ÅNGSTRÖM Dock", "Café Dock", "İstanbul", "PARK 01", "park 5004", "Ç", "Zé", "Estacionamento Ção", "Bay 7"];
  for (const [i, name] of awkward.entries()) {
    await service.createCallParkExtension(db, i % 2 ? london : saoPaulo, { name, extension: String(7001 + i) }, TEST_ACTOR);
  }
  // Not an extension the API takes, but LIKE matches letters in either case: so must the list.
  await sql`insert into call_park_extensions (id, location_id, name, name_key, extension, created_at) values ('cpe-letters', ${london}, 'Lettered', 'lettered', 'A123', '2026-01-05T09:00:00.000Z')`.execute(db);
  await sql`update locations set call_park_extension_count = call_park_extension_count + 1 where id = ${london}`.execute(db);
  scoped = { all: false, locationIds: [london, saoPaulo] };
  app = await buildTestApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
});

const ORDERS: (SortKey[] | undefined)[] = [
  undefined,
  [{ field: "name", direction: "desc" }],
  [{ field: "name", direction: "desc" }, { field: "locationName", direction: "asc" }],
  [{ field: "extension", direction: "asc" }],
  [{ field: "extension", direction: "desc" }, { field: "locationName", direction: "asc" }],
  [{ field: "extension", direction: "asc" }, { field: "locationName", direction: "asc" }],
  [{ field: "locationName", direction: "asc" }],
  [{ field: "locationName", direction: "desc" }],
  [{ field: "locationName", direction: "asc" }, { field: "name", direction: "asc" }],
  [{ field: "locationName", direction: "desc" }, { field: "name", direction: "asc" }],
  [{ field: "locationName", direction: "asc" }, { field: "extension", direction: "asc" }],
  [{ field: "name", direction: "asc" }, { field: "name", direction: "desc" }, { field: "extension", direction: "desc" }],
];

const TEXTS = [
  "park 0", "5004", "50", "5", "pa", "p", "P", "park", "PARK 01", "park 01 ", "%", "_", "50%", "k_5", '"', 'quoted"', "ção", "CAO", "cafe", "CAFÉ",
  "angstrom", "istanbul", "i", "ç", "ze", "a1", "A12", "a", "zzz", "k 0", "estacionamento 1", "5 ", " ", "7", "70",
];

async function expectSame(filter: ListFilter, order: SortKey[] | undefined, start: number, max: number) {
  const label = JSON.stringify({ filter, order, start, max });
  expect(await listCallParkExtensions(db, filter, order, start, max), label).toEqual(await referenceList(db, filter, order, start, max));
}

describe("the call park extension list answers exactly as the plain query did", () => {
  it("for every search (q, name, extension), in several orders and pages", async () => {
    for (const text of TEXTS) {
      for (const filter of [{ q: text }, { name: text }, { extension: text }] as const) {
        for (const order of [ORDERS[0], ORDERS[1], ORDERS[4], ORDERS[8]]) {
          for (const [start, max] of [[0, 25], [7, 5], [0, 1000]]) await expectSame({ scope: ALL, ...filter }, order, start, max);
        }
      }
    }
  });

  it("with searches combined, a location, a location's name and a location administrator's scope", async () => {
    const filters: Omit<ListFilter, "scope">[] = [
      {},
      { locationId: london },
      { locationId: "bm93aGVyZQ" },
      { locationName: "sao" },
      { locationName: "LONDON 05" },
      { locationName: "o", q: "park 0" },
      { q: "park", name: "0", extension: "50" },
      { q: "50", locationId: london },
      { name: "estac", locationName: "florian" },
      { extension: "5", name: "park 1" },
    ];
    for (const scope of [ALL, scoped, { all: false, locationIds: [] } as LocationScope]) {
      for (const filter of filters) {
        for (const order of ORDERS) for (const [start, max] of [[0, 25], [30, 7], [0, 1000]]) await expectSame({ scope, ...filter }, order, start, max);
      }
    }
  });

  it("deep in a list (past its checkpoints), on every page boundary near them, in every order", async () => {
    const total = LOCATIONS * PER_LOCATION + 13;
    const starts = [255, 256, 257, 300, 511, 512, 513, 600, total - 1, total, total + 5];
    for (const scope of [ALL, scoped]) {
      for (const order of ORDERS) {
        for (const start of starts) for (const max of [1, 25, 300]) await expectSame({ scope }, order, start, max);
        await expectSame({ scope, locationId: london }, order, 256, 25);
      }
    }
  });

  it("far past the end at once: an empty page and the total, no checkpoint looked for past the list's end", async () => {
    await expectSame({ scope: ALL }, undefined, 10 ** 12, 25);
    await expectSame({ scope: ALL }, undefined, Number.MAX_SAFE_INTEGER - 1000, 1000);
  });

  it("deep in a list after each kind of change: a row added, renamed, removed, a location renamed", async () => {
    const deep = async () => {
      for (const order of [ORDERS[0], ORDERS[5], ORDERS[8]]) for (const start of [256, 300, 520]) await expectSame({ scope: ALL }, order, start, 25);
    };
    await deep();
    const { id } = await service.createCallParkExtension(db, london, { name: "Aardvark", extension: "7100" }, TEST_ACTOR);
    await deep();
    await service.updateCallParkExtension(db, london, id, { name: "Zebra", extension: "1000" }, TEST_ACTOR);
    await deep();
    await service.deleteCallParkExtension(db, london, id, TEST_ACTOR);
    await deep();
    await sql`update locations set name = 'Aaa London', name_key = 'aaa london' where id = ${london}`.execute(db);
    await deep();
    await sql`update locations set name = 'London 05', name_key = 'london 05' where id = ${london}`.execute(db);
    await deep();
    await expectListIndexesInStep(db);
  });

  it("visits every row exactly once, in order, by following the links of a Webex client", async () => {
    const reference = await referenceList(db, { scope: ALL }, undefined, 0, 10_000);
    const seen: string[] = [];
    let url: string | undefined = urlOf(api.callParkExtensions.list, {}, { max: 97 });
    while (url) {
      const res: LightMyRequestResponse = await app.inject({ url });
      expect(res.headers["x-total-count"]).toBe(String(reference.total));
      seen.push(...callParkExtensionListSchema.parse(res.json()).callParkExtensions.map((i) => i.id));
      const link: URL | undefined = res.headers.link ? new URL(/^<([^>]+)>/.exec(String(res.headers.link))![1]) : undefined;
      url = link && `${link.pathname}${link.search}`;
    }
    expect(seen).toEqual(reference.items.map((i) => i.id));
  });

  it("after an import (it writes through the same repository): names, counts and searches in step", async () => {
    const job = await runImport(
      app,
      csvOf([
        { location: "London 05", name: "Imported Café", extension: "7300", action: "ADD" },
        { location: "London 05", name: "Renamed by import", extension: "5001", action: "ADD" },
        { location: "London 05", name: "", extension: "5002", action: "DELETE" },
      ]),
    );
    expect(job).toMatchObject({ latestExecutionExitCode: "COMPLETED" });
    await expectListIndexesInStep(db);
    for (const q of ["imported cafe", "renamed", "park 0", "7300", "500"]) {
      for (const [start, max] of [[0, 25], [0, 1000]]) await expectSame({ scope: ALL, q }, undefined, start, max);
    }
    await expectSame({ scope: ALL }, undefined, 300, 25);
  });
});

describe("a deep page after another connection to the database file wrote (another process)", () => {
  it("answers as the plain query", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-lists-"));
    const file = path.join(dir, "lists.sqlite");
    const fileDb = await openDatabase(`sqlite:${file}`);
    try {
      const locations = DEMO_LOCATIONS.map((l, i) => ({ ...l, name: `${l.name} ${i}` }));
      await insertOrganization(fileDb, buildOrganization({ locations, peoplePerLocation: 1, callParkExtensionsPerLocation: 80 }));
      const expectSameDeep = async () => {
        for (const start of [256, 300]) expect(await listCallParkExtensions(fileDb, { scope: ALL }, undefined, start, 25)).toEqual(await referenceList(fileDb, { scope: ALL }, undefined, start, 25));
      };
      await expectSameDeep();
      const other = new BetterSqlite3(file);
      other.prepare("update call_park_extensions set name = 'Aaa', name_key = 'aaa' where extension = '5080'").run();
      other.close();
      await expectSameDeep();
    } finally {
      await fileDb.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
