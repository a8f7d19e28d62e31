import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrateToLatest } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

/** Resolves `sqlite:path`, `file:path`, `sqlite::memory:` or a bare path to a file name. */
export function sqliteFileOf(databaseUrl: string): string {
  const file = databaseUrl.replace(/^(sqlite|file):(\/\/)?/, "");
  return file === "" ? ":memory:" : file;
}

/** Opens (creating if need be) and migrates the database. */
export async function openDatabase(databaseUrl: string): Promise<Db> {
  const file = sqliteFileOf(databaseUrl);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db as Kysely<unknown>);
  return db;
}
