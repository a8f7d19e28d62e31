import type { Db } from "@server/db/database";

/** The location's hunt groups with their extensions: where a recall can go, and who it alerts. */
export async function huntGroupsWithExtensions(db: Db, locationId: string) {
  return db
    .selectFrom("hunt_groups")
    .select(["id", "name", "extension"])
    .where("location_id", "=", locationId)
    .orderBy("name")
    .orderBy("id")
    .execute();
}
