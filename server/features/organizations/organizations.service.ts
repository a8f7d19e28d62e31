import type { Db } from "@server/db/database";
import * as repo from "./organizations.repository";

/** The organisations an administrator manages: this server holds one, which every administrator belongs to. */
export function listManagedOrganizations(db: Db) {
  return repo.listOrganizations(db);
}

/** Whether a Webex `orgId` names an organisation the administrator manages (here, this server's own). */
export function isManagedOrganization(db: Db, orgId: string) {
  return repo.organizationExists(db, orgId);
}
