import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { type Db, openDatabase } from "@server/db/database";
import { seedDemoOrganization } from "@server/db/seed";
import { createPostgresDatabase, dropPostgresDatabase, TEST_DATABASE_URL, testDatabaseUrl } from "@server/test/test-database";
import { buildTestApp, locationIdOf, type TestApp } from "@server/test/test-server";
import { runCommand } from "./run-command";

// npm run db:backup and db:restore, on each database: a backup restored into a new database
// answers the same lists, through the real app, as the database it was taken from.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-backup-"));
const databases: string[] = [];
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const name of databases) await dropPostgresDatabase(name);
});

/** A new database's URL: an SQLite file not there yet, or a PostgreSQL database just created (empty). */
type Fresh = () => Promise<string>;
const freshSqlite: Fresh = async () => `sqlite:${path.join(dir, `${Math.random().toString(36).slice(2)}.sqlite`)}`;
const freshPostgres: Fresh = async () => {
  const name = await createPostgresDatabase();
  databases.push(name);
  return testDatabaseUrl(name);
};

/** What the admin's screens list: every call park extension, group and location, and the audit log. */
async function lists(app: TestApp) {
  const urls = [
    urlOf(api.callParkExtensions.list, {}, { max: 1000 }),
    urlOf(api.callParks.orgList, {}, { max: 1000 }),
    urlOf(api.locations.list, {}, { include: "callParkCounts" }),
    urlOf(api.auditEvents.list, {}, { max: 1000 }),
  ];
  const answers: Record<string, unknown> = {};
  for (const url of urls) {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    answers[url] = res.json();
  }
  return answers;
}

async function createExtension(app: TestApp, locationId: string, name: string, extension: string) {
  const res = await app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId }), payload: { name, extension } });
  expect(res.statusCode, res.body).toBe(201);
}

/** An app over the database at `url`, until `use` is done. */
async function withApp<T>(url: string, use: (app: TestApp, db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(url);
  const app = await buildTestApp(db);
  try {
    return await use(app, db);
  } finally {
    await app.close();
    await db.destroy();
  }
}

const cases: [string, Fresh | undefined, RegExp][] = [
  ["SQLite", freshSqlite, /holds a database already: give --force/],
  [
    TEST_DATABASE_URL ? "PostgreSQL" : "PostgreSQL (skipped: TEST_DATABASE_URL names no PostgreSQL server)",
    TEST_DATABASE_URL ? freshPostgres : undefined,
    /is not empty: restore into a new database .* or give --force/,
  ],
];

describe.each(cases)("backing up and restoring on %s", (_, fresh, notEmpty) => {
  it.skipIf(!fresh)("restores into a new database what the backup holds, the same lists through the app; into a used one only with --force", async () => {
    const originalUrl = await fresh!();
    const backupFile = path.join(dir, `${Math.random().toString(36).slice(2)}.backup`);
    const original = await openDatabase(originalUrl);
    await seedDemoOrganization(original);
    const app = await buildTestApp(original);
    let before: Record<string, unknown>;
    try {
      const locationId = await locationIdOf(original, "São Paulo");
      await createExtension(app, locationId, "Backed up", "6001");
      before = await lists(app);
      expect(JSON.stringify(before)).toContain("Backed up");

      // Taken while the app is open on the database (SQLite's backup is an online one).
      const backedUp = await runCommand("backup", originalUrl, [backupFile]);
      expect(backedUp.status, backedUp.stderr).toBe(0);
      expect(backedUp.stdout).toContain(`into ${backupFile}`);
      // A second backup into the same file would replace the first: refused without --force.
      const again = await runCommand("backup", originalUrl, [backupFile]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("exists already");

      // A change after the backup, which a restore of it must not bring back.
      await createExtension(app, locationId, "After the backup", "6002");
      expect(JSON.stringify(await lists(app))).toContain("After the backup");
    } finally {
      await app.close();
      await original.destroy();
    }

    const restoredUrl = await fresh!();
    const restored = await runCommand("restore", restoredUrl, [backupFile]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(await withApp(restoredUrl, lists)).toEqual(before);
    // And it goes on from there: a change is the audit log's newest entry (its order's
    // counter, a sequence on PostgreSQL, came back too).
    await withApp(restoredUrl, async (restoredApp, db) => {
      await createExtension(restoredApp, await locationIdOf(db, "São Paulo"), "After the restore", "6003");
      const log = await restoredApp.inject({ method: "GET", url: urlOf(api.auditEvents.list, {}, { max: 1 }) });
      expect(JSON.stringify(log.json().items[0])).toContain("After the restore");
    });

    // Restoring over a database that holds one is refused, unless told to replace it.
    const refused = await runCommand("restore", originalUrl, [backupFile]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(notEmpty);
    expect(refused.stderr).toContain("Stop every server using it first");
    expect(JSON.stringify(await withApp(originalUrl, lists))).toContain("After the backup");

    const replaced = await runCommand("restore", originalUrl, [backupFile, "--force"]);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(await withApp(originalUrl, lists)).toEqual(before);
    // Seven commands, each a process of its own: a ceiling for a busy machine, not a measure.
  }, 300_000);
});

describe("backing up and restoring refuses", () => {
  it("a backup file that is not there, or not a backup, and a missing file argument", async () => {
    const target = await freshSqlite();
    const missing = await runCommand("restore", target, [path.join(dir, "nothing-here.backup")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("There is no backup at");

    const notABackup = path.join(dir, "notes.txt");
    fs.writeFileSync(notABackup, "not a database");
    const wrong = await runCommand("restore", target, [notABackup]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("is not a backup of a Call Park Admin SQLite database");
    expect(fs.existsSync(target.slice("sqlite:".length))).toBe(false);

    const usage = await runCommand("backup", target, []);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain("Usage: npm run db:backup -- <file>");
  });

  it("a database that is not there (SQLite), or kept in memory", async () => {
    const absent = await runCommand("backup", await freshSqlite(), [path.join(dir, "absent.backup")]);
    expect(absent.status).toBe(1);
    expect(absent.stderr).toContain("There is no database at");
    const memory = await runCommand("backup", "sqlite::memory:", [path.join(dir, "memory.backup")]);
    expect(memory.status).toBe(1);
    expect(memory.stderr).toContain("in-memory database");
  });
});
