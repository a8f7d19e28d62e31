import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { DEFAULT_MIGRATION_TABLE, sql } from "kysely";
import pg from "pg";
import { openDatabase, sqliteFileOf } from "@server/db/database";
import { isPostgresUrl } from "@server/db/dialect";
// eslint-disable-next-line no-restricted-imports -- scripts/ has no alias: the tests' throwaway cluster finds PostgreSQL's programs the same way
import { findPostgresProgram } from "../../scripts/pg-cluster.mjs";

// What `npm run db:migrate`, `db:backup` and `db:restore` do (server/cli/migrate.ts, backup.ts,
// restore.ts), on the database DATABASE_URL names: SQLite or PostgreSQL alike.

/** A refusal or failure told to the operator as it is, without a stack trace. */
export class DatabaseToolError extends Error {}

/**
 * Ends a command that failed. The operator reads what went wrong in words (a refusal, the
 * configuration's or the database's message, such as a PostgreSQL database whose collation is
 * not C, or a connection refused); a stack trace only for what is not an error at all.
 */
export function exitWithFailure(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** A command's `<file> [--force]`, refused with its usage line when it is anything else. */
export function fileArguments(usage: string, args = process.argv.slice(2)): { file: string; force: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { force: { type: "boolean" } }, allowPositionals: true });
  } catch (error) {
    throw new DatabaseToolError(`${(error as Error).message}\n${usage}`);
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) throw new DatabaseToolError(usage);
  return { file, force: parsed.values.force === true };
}

/** The database's URL as it may be printed: without its password. */
export function shownUrl(databaseUrl: string): string {
  if (!isPostgresUrl(databaseUrl)) return databaseUrl;
  const url = new URL(databaseUrl);
  url.password = "";
  return url.toString();
}

/** An SQLite database's file, or a refusal for an in-memory one (nothing to keep there). */
function sqliteFile(databaseUrl: string, doing: string): string {
  const file = sqliteFileOf(databaseUrl);
  if (file === ":memory:") throw new DatabaseToolError(`DATABASE_URL names an in-memory database: there is nothing to ${doing}.`);
  return file;
}

/** The migrations a database has run, by name; none for a database that does not exist yet. */
async function appliedMigrations(databaseUrl: string): Promise<string[]> {
  if (isPostgresUrl(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ present: boolean }>("select to_regclass($1) is not null as present", [DEFAULT_MIGRATION_TABLE]);
      if (!rows[0]?.present) return [];
      return (await client.query<{ name: string }>(`select name from "${DEFAULT_MIGRATION_TABLE}" order by name`)).rows.map((row) => row.name);
    } finally {
      await client.end();
    }
  }
  const file = sqliteFileOf(databaseUrl);
  if (file === ":memory:" || !fs.existsSync(file)) return [];
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(DEFAULT_MIGRATION_TABLE);
    return table ? (sqlite.prepare(`select name from "${DEFAULT_MIGRATION_TABLE}" order by name`).pluck().all() as string[]) : [];
  } finally {
    sqlite.close();
  }
}

/**
 * Runs the migrations the database has not run yet, as the server does at start (the same
 * checks: a PostgreSQL database's collation, a database newer than this version); resolves
 * to the names of those it ran and how many it has run in all.
 */
export async function migrate(databaseUrl: string): Promise<{ ran: string[]; total: number }> {
  const before = new Set(await appliedMigrations(databaseUrl));
  const db = await openDatabase(databaseUrl, { poolSize: 1 });
  try {
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(db);
    return { ran: rows.map((row) => row.name).filter((name) => !before.has(name)), total: rows.length };
  } finally {
    await db.destroy();
  }
}

/** A PostgreSQL client program, or a refusal that says how to install it. */
function postgresProgram(name: string): string {
  const found = findPostgresProgram(name);
  if (!found) {
    throw new DatabaseToolError(
      `${name} was not found (neither on PATH nor in /usr/lib/postgresql/<version>/bin). Install PostgreSQL's client programs ` +
        "(Debian, Ubuntu: apt-get install postgresql-client), of the server's version or newer.",
    );
  }
  return found;
}

/**
 * Runs a PostgreSQL client program on the database: the URL in its arguments has no password
 * (every user of the machine may read a process's arguments), the password goes in PGPASSWORD.
 */
function runOnPostgres(name: string, databaseUrl: string, args: string[]): void {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const run = spawnSync(postgresProgram(name), [...args, `--dbname=${url.toString()}`], { env, encoding: "utf8" });
  if (run.error) throw new DatabaseToolError(`${name} could not run: ${run.error.message}`);
  if (run.status !== 0) throw new DatabaseToolError(`${name} failed (exit ${run.status}):\n${`${run.stdout}${run.stderr}`.trim()}`);
}

/** Writes `file` through a temporary file beside it, renamed into place once `write` succeeded. */
async function writeWhole(file: string, write: (partial: string) => Promise<void> | void): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  try {
    await write(partial);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Backs the database up into `file`: SQLite's online backup (consistent while the server
 * writes), or pg_dump's custom format. An existing `file` is kept unless `force`.
 */
export async function backup(databaseUrl: string, file: string, { force = false } = {}): Promise<void> {
  if (fs.existsSync(file) && !force) throw new DatabaseToolError(`${file} exists already: give another file, or --force to replace it.`);
  if (isPostgresUrl(databaseUrl)) {
    await writeWhole(file, (partial) => runOnPostgres("pg_dump", databaseUrl, ["--format=custom", `--file=${partial}`]));
    return;
  }
  const source = sqliteFile(databaseUrl, "back up");
  if (!fs.existsSync(source)) throw new DatabaseToolError(`There is no database at ${source}.`);
  const sqlite = new BetterSqlite3(source, { fileMustExist: true, timeout: 5000 });
  try {
    await writeWhole(file, async (partial) => {
      await sqlite.backup(partial);
    });
  } finally {
    sqlite.close();
  }
}

const STOP_FIRST = "Stop every server using it first.";

/** Whether a PostgreSQL database holds any table (of any schema but the system's). */
async function postgresHasTables(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
    );
    return Number(rows[0]?.n) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup made by `backup` into the database: one that holds nothing yet (a new
 * database), or, with `force`, one whose content it replaces. SQLite: the backup copied into
 * place page by page through SQLite (its write-ahead log included, so none of the replaced
 * database survives). PostgreSQL: pg_restore in one transaction, which replaces what the
 * backup holds and changes nothing when it fails.
 */
export async function restore(databaseUrl: string, file: string, { force = false } = {}): Promise<void> {
  if (!fs.existsSync(file)) throw new DatabaseToolError(`There is no backup at ${file}.`);
  if (isPostgresUrl(databaseUrl)) {
    if ((await postgresHasTables(databaseUrl)) && !force) {
      throw new DatabaseToolError(
        `${shownUrl(databaseUrl)} is not empty: restore into a new database (createdb --template=template0 --locale=C <name>), ` +
          `or give --force to replace its content. ${STOP_FIRST}`,
      );
    }
    runOnPostgres("pg_restore", databaseUrl, ["--no-owner", "--no-acl", "--clean", "--if-exists", "--single-transaction", "--exit-on-error", file]);
    return;
  }
  const target = sqliteFile(databaseUrl, "restore into");
  let source: BetterSqlite3.Database;
  try {
    source = new BetterSqlite3(file, { fileMustExist: true });
    const table = source.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(DEFAULT_MIGRATION_TABLE);
    if (!table) throw new Error("it has no migrations table");
  } catch (error) {
    throw new DatabaseToolError(`${file} is not a backup of a Call Park Admin SQLite database (${(error as Error).message}).`);
  }
  try {
    if (fs.existsSync(target) && !force) {
      const existing = new BetterSqlite3(target, { fileMustExist: true });
      const tables = existing.prepare("select count(*) from sqlite_master").pluck().get() as number;
      existing.close();
      if (tables > 0) throw new DatabaseToolError(`${target} holds a database already: give --force to replace it. ${STOP_FIRST}`);
    }
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await source.backup(target);
  } finally {
    source.close();
  }
}
