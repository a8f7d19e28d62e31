import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { DEFAULT_MIGRATION_TABLE, Kysely, type KyselyPlugin, PostgresDialect, SqliteDialect, type SqliteDatabase, sql } from "kysely";
import type pg from "pg";
import { isPostgresUrl } from "./dialect";
import { MIGRATIONS, migrateToLatest, migrationsFor } from "./migrations";
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

// Each database's change counter, read without a round through Kysely (see changeVersionOf).
const changeVersions = new WeakMap<Db, () => string>();

/**
 * A reader of `db`'s state's version: it changes whenever anything is written, on this
 * connection (total_changes(), which counts every inserted, updated or deleted row, a
 * trigger's too, whether or not its transaction commits) or committed by another one (a
 * second process on the same file: data_version). Equal versions mean an unchanged
 * database, so an answer read at one version can be given again at the same version.
 * Read synchronously, outside Kysely's connection queue: a transaction in flight there has
 * its writes counted already, and a read queued behind it runs only once it has ended.
 * Undefined for a database not opened by openDatabase.
 */
export function changeVersionOf(db: Db): (() => string) | undefined {
  return changeVersions.get(db);
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

/**
 * Whether the database has run exactly the migrations this server knows, in order: the
 * usual start, checked with one read instead of the migrator's locking round. Anything
 * else (a new database, a migration to run, one this server does not know) goes to the
 * migrator, which runs what is missing or refuses as it always has.
 */
export function isMigrated(sqlite: BetterSqlite3.Database, names = Object.keys(MIGRATIONS).sort()): boolean {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(DEFAULT_MIGRATION_TABLE);
  if (!table) return false;
  const done = sqlite.prepare(`select name from "${DEFAULT_MIGRATION_TABLE}" order by name`).pluck().all() as string[];
  return done.length === names.length && done.every((name, i) => name === names[i]);
}

// Each database's own bulk-write switch (see duringBulkWrites): what to do when the first
// bulk write begins and once the last one has ended.
interface BulkWrites {
  running: number;
  begin(): void;
  end(): Promise<void>;
}
const bulkWrites = new WeakMap<Db, BulkWrites>();

/** SQLite's default: the log is copied into the database (and the file synced) every ~4 MB. */
const WAL_AUTOCHECKPOINT_PAGES = 1_000;
/** During bulk writes: every ~80 MB. */
const BULK_WAL_AUTOCHECKPOINT_PAGES = 20_000;

/** SQLite: the write-ahead log copied into the database far less often during bulk writes, then once. */
function sqliteBulkWrites(sqlite: BetterSqlite3.Database): BulkWrites {
  return {
    running: 0,
    begin: () => void sqlite.pragma(`wal_autocheckpoint = ${BULK_WAL_AUTOCHECKPOINT_PAGES}`),
    async end() {
      if (!sqlite.open) return;
      sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      sqlite.pragma("wal_checkpoint(PASSIVE)");
    },
  };
}

/**
 * PostgreSQL: VACUUM (ANALYZE) once bulk writes are done, as its documentation advises after
 * populating a database. Until autovacuum comes round (a minute or more later), the tables
 * just written have no statistics and no visibility map, and the plans read them whole:
 * measured at 1,000 locations × 100 call park extensions just written, a page at 90% took
 * 82 ms instead of 11 and a name search 22 ms instead of 3. A synchronisation with Webex
 * rewrites every location, so it leaves the same. A failure (the database closing) leaves
 * the work to autovacuum.
 */
function postgresBulkWrites(db: Db): BulkWrites {
  return {
    running: 0,
    begin: () => undefined,
    // Not in a transaction (VACUUM cannot run in one): duringBulkWrites runs no end for a transaction.
    end: () => sql`vacuum (analyze)`.execute(db).then(() => undefined, () => undefined),
  };
}

/**
 * Runs `work`, which writes many rows (a Webex synchronisation: one transaction per location;
 * a whole organisation seeded), then leaves the database ready to read them. SQLite: its
 * write-ahead log is copied into the database far less often meanwhile, then once. Each copy
 * syncs the file to disk; at the default pace a synchronisation of 1,000 locations paid one
 * nearly every transaction (measured: a third of the writing time). The log's size is
 * bounded all the same. PostgreSQL: statistics and visibility map brought up to date at the
 * end (postgresBulkWrites). Nested or overlapping calls share one switch: the end's work
 * runs once the last is done. A database not opened by openDatabase, or a transaction, runs
 * `work` as it is.
 */
export async function duringBulkWrites<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const bulk = db.isTransaction ? undefined : bulkWrites.get(db);
  if (!bulk) return work();
  if (bulk.running++ === 0) bulk.begin();
  try {
    return await work();
  } finally {
    if (--bulk.running === 0) await bulk.end();
  }
}

/** How often a transaction PostgreSQL refused for a concurrent one's sake is run again. */
export const TRANSACTION_ATTEMPTS = 50;

/** PostgreSQL's serialization failure and deadlock: the transaction may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40001" || code === "40P01";
}

// Random, growing up to 50 ms: rivals that met once spread out instead of meeting again.
const jitter = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

/**
 * PostgreSQL, where each write statement on call_park_extensions adds a row to
 * call_park_extension_changes (migration 0012): folds the rows into one of their sum, in one
 * statement, so that every reader sees the same sum before and after. Rows a concurrent fold
 * holds are skipped, left to it: nobody waits, nothing is counted twice.
 */
export async function foldChangeCounts(db: Kysely<Database>): Promise<void> {
  await sql`with folded as (
      delete from call_park_extension_changes where id in (select id from call_park_extension_changes for update skip locked)
      returning changes)
    insert into call_park_extension_changes (changes) select sum(changes) from folded having count(*) > 0`.execute(db);
}

/** Transactions between two folds of the counted writes (foldChangeCounts), per server. */
export const FOLD_EVERY_TRANSACTIONS = 64;

/**
 * `db`, whose transactions are run again, from the start, when PostgreSQL refuses one for
 * conflicting with a concurrent one (serialization failure, deadlock), after a short random
 * pause: the callback reads afresh, so the next run decides on what its rival committed.
 * After TRANSACTION_ATTEMPTS the refusal goes on (the error handler's 409). So does a copy
 * of `db` with a plugin (Kysely's withPlugin makes a new instance). Every
 * FOLD_EVERY_TRANSACTIONS transactions, once one has committed, the counted writes are folded
 * (outside it: a read of the whole table inside a serializable write would make it conflict
 * with every other writer), so that the table stays a few rows however long nobody lists deep.
 */
function withRetriedTransactions<DB>(db: Kysely<DB>, committed = { count: 0 }): Kysely<DB> {
  const transaction = db.transaction.bind(db);
  const withPlugin = db.withPlugin.bind(db);
  const fold = () => foldChangeCounts(db as unknown as Kysely<Database>).catch(() => undefined);
  return Object.assign(db, {
    transaction() {
      const builder = transaction().setIsolationLevel("serializable");
      const execute = builder.execute.bind(builder);
      return Object.assign(builder, {
        async execute<T>(callback: Parameters<typeof execute<T>>[0]): Promise<T> {
          for (let attempt = 1; ; attempt++) {
            try {
              const result = await execute(callback);
              // A fold that fails leaves the sum as it stood: a later one folds.
              if (++committed.count % FOLD_EVERY_TRANSACTIONS === 0) await fold();
              return result;
            } catch (error) {
              if (!isRetryableConflict(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
              await jitter(attempt);
            }
          }
        },
      });
    },
    withPlugin(plugin: KyselyPlugin) {
      return withRetriedTransactions(withPlugin(plugin), committed);
    },
  });
}

/** Connections a server keeps to PostgreSQL (DATABASE_POOL_SIZE). */
export const DEFAULT_POOL_SIZE = 10;

// PostgreSQL's counts and sums are bigint and numeric, which `pg` hands over as strings:
// as numbers here, as SQLite gives them (every count and sum this app makes is far below 2^53).
const INT8 = 20;
const NUMERIC = 1700;
const pgTypesOf = (types: typeof pg.types) =>
  ({
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
      return types.getTypeParser(oid, format);
    },
  }) as pg.CustomTypesConfig;

/** isMigrated, on PostgreSQL: one read of the migrations table (if there is one). */
async function isMigratedPostgres(db: Db, names: string[]): Promise<boolean> {
  const table = await sql<{ found: string | null }>`select to_regclass(${DEFAULT_MIGRATION_TABLE})::text as found`.execute(db);
  if (!table.rows[0]?.found) return false;
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(db);
  const done = rows.map((row) => row.name);
  return done.length === names.length && done.every((name, i) => name === names[i]);
}

/** The collations whose order is code point order, SQLite's BINARY: the order lists and prefix searches rely on. */
const CODE_POINT_COLLATIONS = new Set(["C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"]);

/**
 * Opens a PostgreSQL database and migrates it. Its default collation must be C (sorting by
 * code point, as SQLite does): lists, paging and prefix searches then agree on both.
 */
async function openPostgres(databaseUrl: string, poolSize: number): Promise<Db> {
  // Every transaction SERIALIZABLE, as SQLite's are (one writer at a time): a read-check-write
  // (a version's If-Match, a count before an insert) then holds against a concurrent one, which
  // PostgreSQL refuses with a serialization failure and withRetriedTransactions runs again. A
  // statement on its own reads one snapshot anyway: it runs at PostgreSQL's default level.
  // Loaded only here: a server on SQLite never runs the PostgreSQL driver's code (nor holds it in memory).
  const { default: pgModule } = await import("pg");
  const pool = new pgModule.Pool({ connectionString: databaseUrl, max: poolSize, types: pgTypesOf(pgModule.types) });
  // An idle connection the server closed (a restart, a failover, an administrator's command)
  // is dropped from the pool and opened again when next needed; without a listener its
  // error would end the process.
  pool.on("error", () => undefined);
  const listeners = new Set<QueryListener>();
  const db = withRetriedTransactions(new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      for (const listener of listeners) listener(event.queryDurationMillis / 1000, event.level === "error");
    },
  }));
  queryListeners.set(db, listeners);
  bulkWrites.set(db, postgresBulkWrites(db));
  try {
    const { rows } = await sql<{ collation: string }>`select datcollate as collation from pg_database where datname = current_database()`.execute(db);
    const collation = rows[0]?.collation ?? "";
    if (!CODE_POINT_COLLATIONS.has(collation)) {
      throw new Error(
        `the PostgreSQL database's collation is ${JSON.stringify(collation)}; Call Park Admin needs C (create it with: createdb --template=template0 --locale=C <name>)`,
      );
    }
    const migrations = migrationsFor("postgres");
    if (!(await isMigratedPostgres(db, Object.keys(migrations).sort()))) await migrateToLatest(db as Kysely<unknown>, migrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * Opens (creating if need be) and migrates the database: SQLite (`sqlite:path`, the
 * default) or PostgreSQL (`postgres://…`, with up to `poolSize` connections).
 */
export async function openDatabase(databaseUrl: string, { poolSize = DEFAULT_POOL_SIZE } = {}): Promise<Db> {
  if (isPostgresUrl(databaseUrl)) return openPostgres(databaseUrl, poolSize);
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
  // Two statements: total_changes() is read in memory, data_version looks at the file (the
  // dearer part); the one statement reading both through pragma_data_version costs more than both.
  const changes = sqlite.prepare("select total_changes()").pluck();
  const dataVersion = sqlite.prepare("pragma data_version").pluck();
  changeVersions.set(db, () => `${changes.get() as number}:${dataVersion.get() as number}`);
  bulkWrites.set(db, sqliteBulkWrites(sqlite));
  if (!isMigrated(sqlite)) await migrateToLatest(db as Kysely<unknown>);
  return db;
}
