import { randomUUID } from "node:crypto";
import { ADMIN_ROLES, type AdminRole } from "@domain/rules/access";
import { searchKey } from "@domain/rules/text";
import type { Db } from "@server/db/database";
import { encodeId } from "@server/lib/ids";
import { hashPassword } from "./password";

// An administrator account made from the command line (`npm run admin:create`): the
// first one of a Webex-mode server (which has no demo accounts), or any later one.

export const MIN_PASSWORD_LENGTH = 12;

export interface NewAdministrator {
  email: string;
  name: string;
  role: AdminRole;
  password: string;
  /** A location administrator's locations, by name (as the Locations screen shows them). */
  locations?: string[];
}

export class CreateAdminError extends Error {}

export async function createAdministrator(db: Db, input: NewAdministrator): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new CreateAdminError(`"${input.email}" is not an email address.`);
  if (!name) throw new CreateAdminError("The name is empty.");
  if (!ADMIN_ROLES.includes(input.role)) throw new CreateAdminError(`The role must be one of ${ADMIN_ROLES.join(", ")}.`);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new CreateAdminError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const locations = input.locations ?? [];
  if (input.role === "LOCATION_ADMIN" && locations.length === 0) throw new CreateAdminError("A location administrator needs at least one --location.");
  if (input.role !== "LOCATION_ADMIN" && locations.length > 0) throw new CreateAdminError("Only a location administrator (LOCATION_ADMIN) takes --location.");

  const org = await db.selectFrom("organizations").select("id").orderBy("created_at").executeTakeFirst();
  if (!org) {
    throw new CreateAdminError(
      "The database holds no organisation yet. Start the server once (in Webex mode it learns the organisation from Webex), then run this again.",
    );
  }
  if (await db.selectFrom("admins").select("id").where("email", "=", email).executeTakeFirst()) {
    throw new CreateAdminError(`An administrator with the email ${email} already exists.`);
  }
  const locationIds: string[] = [];
  for (const wanted of locations) {
    const found = await db.selectFrom("locations").select(["id", "name"]).where("name_key", "=", searchKey(wanted)).execute();
    const match = found.find((l) => l.name === wanted) ?? (found.length === 1 ? found[0] : undefined);
    if (!match) throw new CreateAdminError(`No location is named "${wanted}".`);
    locationIds.push(match.id);
  }

  const id = encodeId("PEOPLE", randomUUID());
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("admins")
      .values({ id, org_id: org.id, email, display_name: name, role: input.role, password_hash: passwordHash, created_at: new Date().toISOString() })
      .execute();
    for (const locationId of locationIds) await trx.insertInto("admin_locations").values({ admin_id: id, location_id: locationId }).execute();
  });
  return { id };
}
