import { type Kysely, sql } from "kysely";

// 0008 on PostgreSQL: the same columns, counts and indexes as 0008-lists-at-scale.ts, which is
// SQLite's (FTS5 and SQLite triggers), with its two SQLite-only parts in PostgreSQL's terms:
// the triggers in PL/pgSQL, and the name search through a pg_trgm trigram index read by the
// LIKE itself. Run under the same name, in 0008's place (migrations/index.ts).
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
  // A call park extension carries its location's name and search key, whoever writes it.
  await sql`create function call_park_extensions_location_name() returns trigger language plpgsql as $$
    begin
      select coalesce(l.name_key, ''), coalesce(l.name, '') into new.location_name_key, new.location_name
        from locations l where l.id = new.location_id;
      new.location_name_key := coalesce(new.location_name_key, '');
      new.location_name := coalesce(new.location_name, '');
      return new;
    end $$`.execute(db);
  await sql`create trigger call_park_extensions_location_name
    before insert or update of location_id, location_name_key, location_name on call_park_extensions
    for each row execute function call_park_extensions_location_name()`.execute(db);
  await sql`create function locations_name_to_call_park_extensions() returns trigger language plpgsql as $$
    begin
      update call_park_extensions set location_name_key = new.name_key, location_name = new.name where location_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger locations_name_to_call_park_extensions after update of name, name_key on locations
    for each row when (new.name is distinct from old.name or new.name_key is distinct from old.name_key)
    execute function locations_name_to_call_park_extensions()`.execute(db);

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
  await db.schema
    .createIndex("call_park_extensions_by_extension")
    .on("call_park_extensions")
    .columns(["extension", "name_key", "name", "location_name_key", "location_name", "id"])
    .execute();

  // The distinct names with how many hold each, kept by a trigger; searched through trigrams.
  await db.schema
    .createTable("call_park_extension_names")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("name_key", "text", (c) => c.notNull().unique())
    .addColumn("extensions", "integer", (c) => c.notNull())
    .addCheckConstraint("call_park_extension_names_extensions", sql`extensions > 0`)
    .execute();
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index call_park_extension_names_search on call_park_extension_names using gin (name_key gin_trgm_ops)`.execute(db);
  await sql`insert into call_park_extension_names (name_key, extensions)
    select name_key, count(*) from call_park_extensions group by name_key order by name_key`.execute(db);
  await sql`create function call_park_extension_names_count() returns trigger language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        delete from call_park_extension_names where name_key = old.name_key and extensions = 1;
        update call_park_extension_names set extensions = extensions - 1 where name_key = old.name_key;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into call_park_extension_names (name_key, extensions) values (new.name_key, 1)
          on conflict (name_key) do update set extensions = call_park_extension_names.extensions + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger call_park_extensions_name_on_insert_or_delete after insert or delete on call_park_extensions
    for each row execute function call_park_extension_names_count()`.execute(db);
  await sql`create trigger call_park_extensions_name_on_update after update of name_key on call_park_extensions
    for each row when (new.name_key is distinct from old.name_key) execute function call_park_extension_names_count()`.execute(db);

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
