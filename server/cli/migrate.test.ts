import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrateToLatest, migrationsFor } from "@server/db/migrations";
import { createPostgresDatabase, dropPostgresDatabase, TEST_DATABASE_URL, testDatabaseUrl } from "@server/test/test-database";
import { runCommand } from "./run-command";

// npm run db:migrate: runs on DATABASE_URL the migrations it has not run, says which, and exits.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-migrate-"));
const databases: string[] = [];
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const name of databases) await dropPostgresDatabase(name);
});

const NAMES = Object.keys(MIGRATIONS).sort();
/** The migrations of the first three releases, as a database left by an older version has run. */
const OLDER = NAMES.slice(0, 3);

interface Case {
  /** A new database's URL. */
  fresh(): Promise<string>;
  /** Runs the first migrations only on the database, as an older version left it. */
  migrateOlder(url: string): Promise<void>;
}

const onlyOlder = (all: typeof MIGRATIONS) => Object.fromEntries(OLDER.map((name) => [name, all[name]!]));

const sqlite: Case = {
  async fresh() {
    return `sqlite:${path.join(dir, `${Math.random().toString(36).slice(2)}.sqlite`)}`;
  },
  async migrateOlder(url) {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(url.slice("sqlite:".length)) }) });
    await migrateToLatest(db, onlyOlder(MIGRATIONS));
    await db.destroy();
  },
};

const postgres: Case = {
  async fresh() {
    const name = await createPostgresDatabase();
    databases.push(name);
    return testDatabaseUrl(name);
  },
  async migrateOlder(url) {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    await migrateToLatest(db, onlyOlder(migrationsFor("postgres")));
    await db.destroy();
  },
};

const cases: [string, Case | undefined][] = [
  ["SQLite", sqlite],
  [TEST_DATABASE_URL ? "PostgreSQL" : "PostgreSQL (skipped: TEST_DATABASE_URL names no PostgreSQL server)", TEST_DATABASE_URL ? postgres : undefined],
];

describe.each(cases)("npm run db:migrate on %s", (_, db) => {
  it.skipIf(!db)("runs every migration on a new database, then none, saying so each time", async () => {
    const url = await db!.fresh();
    const first = await runCommand("migrate", url);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`ran ${NAMES.length} of ${NAMES.length} migrations`);
    expect(first.stdout.match(/^ {2}\S+$/gm)?.map((line) => line.trim())).toEqual(NAMES);

    const again = await runCommand("migrate", url);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.trim()).toMatch(new RegExp(`is up to date \\(${NAMES.length} migrations\\)\\.$`));
  });

  it.skipIf(!db)("runs only what a database left by an older version lacks", async () => {
    const url = await db!.fresh();
    await db!.migrateOlder(url);
    const run = await runCommand("migrate", url);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`ran ${NAMES.length - OLDER.length} of ${NAMES.length} migrations`);
    expect(run.stdout.match(/^ {2}\S+$/gm)?.map((line) => line.trim())).toEqual(NAMES.slice(OLDER.length));
  });
});

describe("npm run db:migrate refuses", () => {
  it("a DATABASE_URL that names no database it can use, without touching anything", async () => {
    const run = await runCommand("migrate", "mysql://localhost/callpark");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Invalid configuration");
    expect(run.stderr).toContain("DATABASE_URL");
  });

  it("arguments it does not take", async () => {
    const run = await runCommand("migrate", await sqlite.fresh(), ["--everything"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Usage: npm run db:migrate");
  });
});
