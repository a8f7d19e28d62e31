import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect, type SqliteDatabase } from "kysely";
import { migrateToLatest } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

/** Told each query's duration in seconds and whether it failed (the metrics' database time). */
export type QueryListener = (seconds: number, failed: boolean) => void;

// Kysely times each statement when given a `log` function; the apps built on a database
// (tests build many on one) subscribe to its timings here and leave on close.
const queryListeners = new WeakMap<Db, Set<QueryListener>>();

/** Calls `listener` after every statement run on `db`; returns the unsubscribe. */
export function onQuery(db: Db, listener: QueryListener): () => void {
  const listeners = queryListeners.get(db);
  listeners?.add(listener);
  return () => listeners?.delete(listener);
}

/** How many prepared statements a database keeps (the least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * The database as Kysely's SqliteDialect uses it, keeping each statement it prepares by its
 * SQL text: Kysely prepares every query on every call, and compiling SQL again costs more
 * than running a short query. A kept statement is reused only when no iteration is running
 * it (better-sqlite3's `busy`); BEGIN, COMMIT and savepoints are statements like any other.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string) {
      const kept = statements.get(sql);
      if (kept?.busy) return sqlite.prepare(sql);
      if (kept) {
        // Map order is the recency order: the most recently used last.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}

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
  const listeners = new Set<QueryListener>();
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    log: (event) => {
      for (const listener of listeners) listener(event.queryDurationMillis / 1000, event.level === "error");
    },
  });
  queryListeners.set(db, listeners);
  await migrateToLatest(db as Kysely<unknown>);
  return db;
}
