import { type Kysely, type Migration, Migrator } from "kysely";
import * as initial from "./0001-initial";
import * as callParkGroupsAndSettings from "./0002-call-park-groups-and-settings";
import * as importJobs from "./0003-import-jobs";
import * as administratorsAndAudit from "./0004-administrators-and-audit";
import * as auditEventsObjectIdIndex from "./0005-audit-events-object-id-index";
import * as callParkIdFollowsName from "./0006-call-park-id-follows-name";
import * as webexGateway from "./0007-webex-gateway";
import * as listsAtScale from "./0008-lists-at-scale";
import * as listsAtScalePostgres from "./0008-lists-at-scale.postgres";
import * as severalInstances from "./0009-several-instances";
import * as huntGroupAgents from "./0010-hunt-group-agents";
import * as callParkImportJobs from "./0011-call-park-import-jobs";
import * as callParkExtensionChanges from "./0012-call-park-extension-changes";

// Migrations are append-only. A shipped migration already ran on databases we cannot
// reach, so it is never edited (SHIPPED.sha256 and its test hold them to that): a change
// of schema, constraint or constant is a new file here and a new line below and in
// SHIPPED.sha256. Each file holds literal values and imports only kysely, so that
// changing a domain constant cannot silently change what a migration does.
// Written with Kysely's schema builder so that they also run on PostgreSQL.
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-call-park-groups-and-settings": callParkGroupsAndSettings,
  "0003-import-jobs": importJobs,
  "0004-administrators-and-audit": administratorsAndAudit,
  "0005-audit-events-object-id-index": auditEventsObjectIdIndex,
  "0006-call-park-id-follows-name": callParkIdFollowsName,
  "0007-webex-gateway": webexGateway,
  "0008-lists-at-scale": listsAtScale,
  "0009-several-instances": severalInstances,
  "0010-hunt-group-agents": huntGroupAgents,
  "0011-call-park-import-jobs": callParkImportJobs,
  "0012-call-park-extension-changes": callParkExtensionChanges,
};

/**
 * The migrations a dialect runs: the same list, by the same names, but for 0008, whose search
 * index is SQLite's FTS5 there and PostgreSQL's pg_trgm here (its one counterpart file).
 */
export function migrationsFor(dialect: "sqlite" | "postgres"): Readonly<Record<string, Migration>> {
  return dialect === "sqlite" ? MIGRATIONS : { ...MIGRATIONS, "0008-lists-at-scale": listsAtScalePostgres };
}

/** The last migration of the first release: the oldest database an upgrade starts from. */
export const FIRST_RELEASE = "0003-import-jobs";

/** Runs, in name order, every migration the database has not run yet (Kysely records them). */
export async function migrateToLatest(db: Kysely<unknown>, migrations = MIGRATIONS): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
