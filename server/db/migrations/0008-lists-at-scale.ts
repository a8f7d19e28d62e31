import { type Kysely, sql } from "kysely";

// Lists whose cost does not grow with the organisation (issue 14). SQLite only: FTS5 and
// triggers (on PostgreSQL the same would be pg_trgm and triggers in PL/pgSQL).
//
// 1. A call park extension carries its location's name and search key, kept in step by
//    triggers (whoever writes: the API, imports, the Webex mirror, a seed), so that the
//    list sorted by name or by location (each then by the other) is one index read in order.
// 2. The distinct name keys of call park extensions with how many hold each, kept by
//    triggers, with an FTS5 trigram index on them: a name search looks at the distinct
//    names (through the index from 3 characters on) and counts from the kept counts.
// 3. The locations' call park extension counts in an index: the list's total summed from it.
// 4. Call park groups: the organisation's list in name order from an index, and a location's
//    group counts (all, and those using the hunt wait time) from an index alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("call_park_extensions")
    .addColumn("location_name_key", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("call_park_extensions")
    .addColumn("location_name", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await sql`update call_park_extensions set
    location_name_key = coalesce((select l.name_key from locations l where l.id = call_park_extensions.location_id), ''),
    location_name = coalesce((select l.name from locations l where l.id = call_park_extensions.location_id), '')`.execute(db);
  await sql`create trigger call_park_extensions_location_name_on_insert after insert on call_park_extensions
    when new.location_name_key is not coalesce((select l.name_key from locations l where l.id = new.location_id), '')
      or new.location_name is not coalesce((select l.name from locations l where l.id = new.location_id), '')
    begin
      update call_park_extensions set
        location_name_key = coalesce((select l.name_key from locations l where l.id = new.location_id), ''),
        location_name = coalesce((select l.name from locations l where l.id = new.location_id), '')
      where id = new.id;
    end`.execute(db);
  await sql`create trigger call_park_extensions_location_name_on_update
    after update of location_id, location_name_key, location_name on call_park_extensions
    when new.location_name_key is not coalesce((select l.name_key from locations l where l.id = new.location_id), '')
      or new.location_name is not coalesce((select l.name from locations l where l.id = new.location_id), '')
    begin
      update call_park_extensions set
        location_name_key = coalesce((select l.name_key from locations l where l.id = new.location_id), ''),
        location_name = coalesce((select l.name from locations l where l.id = new.location_id), '')
      where id = new.id;
    end`.execute(db);
  await sql`create trigger locations_name_to_call_park_extensions after update of name, name_key on locations
    when new.name is not old.name or new.name_key is not old.name_key
    begin
      update call_park_extensions set location_name_key = new.name_key, location_name = new.name where location_id = new.id;
    end`.execute(db);

  // One index per sort the screens and Webex clients use, each ending in the list's tiebreak.
  await db.schema.dropIndex("call_park_extensions_name_key").execute();
  await db.schema
    .createIndex("call_park_extensions_by_name")
    .on("call_park_extensions")
    .columns(["name_key", "name", "location_name_key", "location_name", "extension", "id"])
    .execute();
  await db.schema
    .createIndex("call_park_extensions_by_location")
    .on("call_park_extensions")
    .columns(["location_name_key", "location_name", "name_key", "name", "extension", "id"])
    .execute();
  // An extension search: a complete extension's rows in the list's order (by name), a
  // prefix's found in it; a sort by extension then location sorts each extension's rows.
  await db.schema
    .createIndex("call_park_extensions_by_extension")
    .on("call_park_extensions")
    .columns(["extension", "name_key", "name", "location_name_key", "location_name", "id"])
    .execute();

  await db.schema
    .createTable("call_park_extension_names")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name_key", "text", (c) => c.notNull().unique())
    .addColumn("extensions", "integer", (c) => c.notNull())
    .addCheckConstraint("call_park_extension_names_extensions", sql`extensions > 0`)
    .execute();
  await sql`create virtual table call_park_extension_names_search using fts5(
    name_key, content = 'call_park_extension_names', content_rowid = 'id', tokenize = 'trigram')`.execute(db);
  await sql`create trigger call_park_extension_names_search_on_insert after insert on call_park_extension_names begin
      insert into call_park_extension_names_search (rowid, name_key) values (new.id, new.name_key);
    end`.execute(db);
  await sql`create trigger call_park_extension_names_search_on_delete after delete on call_park_extension_names begin
      insert into call_park_extension_names_search (call_park_extension_names_search, rowid, name_key) values ('delete', old.id, old.name_key);
    end`.execute(db);
  await sql`create trigger call_park_extension_names_search_on_update after update of name_key on call_park_extension_names begin
      insert into call_park_extension_names_search (call_park_extension_names_search, rowid, name_key) values ('delete', old.id, old.name_key);
      insert into call_park_extension_names_search (rowid, name_key) values (new.id, new.name_key);
    end`.execute(db);
  await sql`insert into call_park_extension_names (name_key, extensions)
    select name_key, count(*) from call_park_extensions group by name_key order by name_key`.execute(db);

  await sql`create trigger call_park_extensions_name_on_insert after insert on call_park_extensions begin
      insert into call_park_extension_names (name_key, extensions) values (new.name_key, 1)
        on conflict (name_key) do update set extensions = extensions + 1;
    end`.execute(db);
  await sql`create trigger call_park_extensions_name_on_delete after delete on call_park_extensions begin
      delete from call_park_extension_names where name_key = old.name_key and extensions = 1;
      update call_park_extension_names set extensions = extensions - 1 where name_key = old.name_key;
    end`.execute(db);
  await sql`create trigger call_park_extensions_name_on_update after update of name_key on call_park_extensions
    when new.name_key is not old.name_key
    begin
      delete from call_park_extension_names where name_key = old.name_key and extensions = 1;
      update call_park_extension_names set extensions = extensions - 1 where name_key = old.name_key;
      insert into call_park_extension_names (name_key, extensions) values (new.name_key, 1)
        on conflict (name_key) do update set extensions = extensions + 1;
    end`.execute(db);

  // The list's total: the locations' counts summed from an index alone.
  await db.schema
    .createIndex("locations_call_park_extension_count")
    .on("locations")
    .column("call_park_extension_count")
    .execute();

  await db.schema.createIndex("call_parks_by_name").on("call_parks").columns(["name_key", "name"]).execute();
  await db.schema.dropIndex("call_parks_location").execute();
  await db.schema
    .createIndex("call_parks_location_recall")
    .on("call_parks")
    .columns(["location_id", "recall_option"])
    .execute();
}
