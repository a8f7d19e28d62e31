import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { buildApp } from "@server/app";
import { type Db, openDatabase } from "@server/db/database";
import { MIGRATIONS } from "@server/db/migrations";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { integrityProblems, schemaOf } from "./migrations-schema";

// Real database files made by earlier releases (fixtures/README.md says how): the new
// server must open each, migrate it to a fresh database's schema and keep every row.
const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const FIXTURES = fs.readdirSync(FOLDER).filter((file) => file.endsWith(".sqlite.gz"));

interface Opened {
  db: Db;
  /** The file as the release left it, read before the new code touched it. */
  before: { ran: string[]; counts: Record<string, number> };
  close(): Promise<void>;
}

function asTheReleaseLeftIt(file: string): Opened["before"] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const ran = sqlite.prepare("select name from kysely_migration order by name").pluck().all() as string[];
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
    const counts = Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`select count(*) from "${t}"`).pluck().get() as number]));
    return { ran, counts };
  } finally {
    sqlite.close();
  }
}

/** Unpacks a fixture to a temporary folder and opens it as the server does. */
async function openFixture(fixture: string): Promise<Opened> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-release-"));
  const file = path.join(dir, fixture.replace(/\.gz$/, ""));
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(FOLDER, fixture))));
  const before = asTheReleaseLeftIt(file);
  const db = await openDatabase(`sqlite:${file}`);
  return {
    db,
    before,
    async close() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each(FIXTURES)("a database from an earlier release: %s", (fixture) => {
  let opened: Opened;
  let fresh: Db;
  beforeAll(async () => {
    opened = await openFixture(fixture);
    fresh = await openDatabase("sqlite::memory:");
  });
  afterAll(async () => {
    await opened?.close();
    await fresh?.destroy();
  });

  it("migrates to exactly a fresh database's schema", async () => {
    const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(opened.db);
    expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    expect(await schemaOf(opened.db)).toEqual(await schemaOf(fresh));
    expect(await integrityProblems(opened.db)).toEqual([]);
  });

  it("keeps every row", async () => {
    const newMigrations = Object.keys(MIGRATIONS).length - opened.before.ran.length;
    for (const [table, count] of Object.entries(opened.before.counts)) {
      const now = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(opened.db);
      expect(now.rows[0].n, table).toBe(table === "kysely_migration" ? count + newMigrations : count);
    }
  });
});

// The release before migrations were frozen (commit 2e780b9): the demo organisation and
// a little use through its API. The server must serve what it holds and take changes.
describe("the server on a database from release 2026-11", () => {
  const TOKEN = "release-fixture-admin-token";
  let opened: Opened;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    opened = await openFixture("release-2026-11.sqlite.gz");
    app = await buildApp({ db: opened.db, adminToken: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    await opened?.close();
  });

  const get = async (url: string) => {
    const res = await app.inject({ url, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const locationId = async (name: string): Promise<string> =>
    (await get(urlOf(api.locations.list))).items.find((l: { name: string }) => l.name === name).id;

  it("was made by that release: migrations 0001-0004", () => {
    expect(opened.before.ran).toEqual(Object.keys(MIGRATIONS).slice(0, 4));
    expect(opened.before.counts.members).toBeGreaterThan(100);
  });

  it("serves what it holds: extensions, a group, settings, a task and an object's history", async () => {
    const sanJose = await locationId("San Jose HQ");
    const { callParkExtensions } = await get(urlOf(api.callParkExtensions.list, {}, { locationId: sanJose, max: 100 }));
    const dock = callParkExtensions.find((e: { name: string }) => e.name === "Fixture Dock renamed");
    expect(dock).toMatchObject({ extension: "7101" });
    expect(callParkExtensions.some((e: { name: string }) => e.name === "Fixture Gone")).toBe(false);

    const { callParks } = await get(urlOf(api.callParks.list, { locationId: sanJose }));
    expect(callParks.map((g: { name: string }) => g.name)).toEqual(["Fixture Group"]);
    const group = await get(urlOf(api.callParks.get, { locationId: sanJose, callParkId: callParks[0].id }));
    expect(group.agents).toHaveLength(2);
    expect(group.callParkExtensions).toHaveLength(2);

    const settings = await get(urlOf(api.callParkSettings.get, { locationId: await locationId("São Paulo") }));
    expect(settings.callParkSettings).toEqual({ ringPattern: "LONG_LONG", recallTime: 120, huntWaitTime: 60 });

    const { items: jobs } = await get(urlOf(api.importJobs.list));
    expect(jobs).toMatchObject([{ fileName: "fixture.csv", latestExecutionExitCode: "COMPLETED_WITH_ERRORS" }]);

    const { items: history } = await get(urlOf(api.auditEvents.list, {}, { objectId: dock.id }));
    expect(history.map((e: { action: string }) => e.action)).toEqual(["UPDATE", "CREATE"]);
  });

  it("takes a new call park extension and signs in a demo administrator", async () => {
    const london = await locationId("London");
    const created = await app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId: london }),
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { name: "After the upgrade", extension: "7300" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const read = await get(urlOf(api.callParkExtensions.get, { locationId: london, callParkExtensionId: created.json().id }));
    expect(read).toMatchObject({ name: "After the upgrade", extension: "7300" });

    const signIn = await app.inject({
      method: "POST",
      url: urlOf(api.session.signIn),
      payload: { email: DEMO_ADMINS.location.email, password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode, signIn.body).toBe(201);
    expect(signIn.json().me).toMatchObject({ displayName: DEMO_ADMINS.location.displayName, role: "LOCATION_ADMIN" });
  });
});
