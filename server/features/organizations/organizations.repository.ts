import type { Organization } from "@domain/schemas/location";
import type { Db } from "@server/db/database";

/** Every organisation, oldest first, in the Webex shape. */
export async function listOrganizations(db: Db): Promise<Organization[]> {
  const rows = await db.selectFrom("organizations").selectAll().orderBy("created_at").execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, created: r.created_at }));
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom("organizations").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}
