import { type Kysely, type RawBuilder, sql } from "kysely";

// What an upgrade test compares: the whole schema as SQLite states it. sqlite_master
// holds each table's, index's and trigger's own SQL (CHECK, UNIQUE, DEFAULT and
// REFERENCES included); the pragmas state the same things as SQLite understood them.
// Rows are sorted by name, not by creation order: a migration that only converges two
// kinds of database (0005) may create an object later than a fresh database once did.

type Row = Record<string, unknown>;

export interface TableSchema {
  columns: Row[];
  indexes: Row[];
  foreignKeys: Row[];
}

export interface SchemaSnapshot {
  objects: Row[];
  tables: Record<string, TableSchema>;
}

async function rows<DB>(db: Kysely<DB>, query: RawBuilder<Row>): Promise<Row[]> {
  return (await query.execute(db)).rows;
}

export async function schemaOf<DB>(db: Kysely<DB>): Promise<SchemaSnapshot> {
  const objects = await rows(
    db,
    sql`select type, name, tbl_name as "table", sql from sqlite_master order by type, name`,
  );
  const tables: Record<string, TableSchema> = {};
  for (const { name } of objects.filter((o) => o.type === "table")) {
    const table = String(name);
    const indexes = await rows(
      db,
      sql`select name, "unique", origin, partial from pragma_index_list(${table}) order by name`,
    );
    for (const index of indexes) {
      index.columns = await rows(
        db,
        sql`select seqno, cid, name, "desc", coll, "key" from pragma_index_xinfo(${String(index.name)}) order by seqno`,
      );
    }
    tables[table] = {
      columns: await rows(db, sql`select * from pragma_table_xinfo(${table}) order by cid`),
      indexes,
      foreignKeys: await rows(db, sql`select * from pragma_foreign_key_list(${table}) order by id, seq`),
    };
  }
  return { objects, tables };
}

/** Problems SQLite finds in the data: rows breaking a foreign key, a damaged file. */
export async function integrityProblems<DB>(db: Kysely<DB>): Promise<Row[]> {
  const integrity = await rows(db, sql`pragma integrity_check`);
  const foreignKeys = await rows(db, sql`pragma foreign_key_check`);
  return [...integrity.filter((r) => r.integrity_check !== "ok"), ...foreignKeys];
}

/** Every row of a table, in a stable order, for comparing data before and after. */
export async function rowsOf<DB>(db: Kysely<DB>, table: string): Promise<Row[]> {
  return rows(db, sql`select * from ${sql.table(table)} order by 1, 2`);
}
