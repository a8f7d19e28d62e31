import type { Selectable } from "kysely";
import type { Db } from "@server/db/database";
import type { AccessTokenTable, AdminTable } from "@server/db/schema";

export type AdminRow = Selectable<AdminTable>;
export type AccessTokenRow = Selectable<AccessTokenTable>;

export function findAdminByEmail(db: Db, email: string) {
  return db.selectFrom("admins").selectAll().where("email", "=", email).executeTakeFirst();
}

export function findAdmin(db: Db, id: string) {
  return db.selectFrom("admins").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The administrator that ADMIN_TOKEN stands for: the organisation's first full administrator. */
export function firstFullAdmin(db: Db) {
  return db.selectFrom("admins").selectAll().where("role", "=", "FULL_ADMIN").orderBy("created_at").orderBy("id").executeTakeFirst();
}

export async function locationIdsOf(db: Db, adminId: string): Promise<string[]> {
  const rows = await db.selectFrom("admin_locations").select("location_id").where("admin_id", "=", adminId).orderBy("location_id").execute();
  return rows.map((r) => r.location_id);
}

export async function insertSession(
  db: Db,
  row: { tokenHash: string; adminId: string; csrfToken: string; now: string; expires: string; sourceIp: string },
) {
  await db
    .insertInto("sessions")
    .values({
      token_hash: row.tokenHash,
      admin_id: row.adminId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      expires_at: row.expires,
      source_ip: row.sourceIp,
    })
    .execute();
}

export function findSession(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: string) {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}

export function findAccessTokenByHash(db: Db, tokenHash: string) {
  return db.selectFrom("access_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function touchAccessToken(db: Db, id: string, now: string) {
  await db.updateTable("access_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
}

export function listAccessTokens(db: Db, adminId: string) {
  return db.selectFrom("access_tokens").selectAll().where("admin_id", "=", adminId).orderBy("created_at", "desc").orderBy("id").execute();
}

export async function countAccessTokens(db: Db, adminId: string) {
  const row = await db
    .selectFrom("access_tokens")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("admin_id", "=", adminId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccessToken(db: Db, row: AccessTokenRow) {
  await db.insertInto("access_tokens").values(row).execute();
}

export function findAccessToken(db: Db, adminId: string, id: string) {
  return db.selectFrom("access_tokens").selectAll().where("admin_id", "=", adminId).where("id", "=", id).executeTakeFirst();
}

let revocations = 0;

/**
 * How many access tokens have been revoked so far (in this process). access.ts keeps a
 * token's administrator for a few seconds and drops what it kept before the latest
 * revocation: a revoked token is refused on the very next request.
 */
export function accessTokenRevocations(): number {
  return revocations;
}

export async function deleteAccessToken(db: Db, id: string) {
  // Counted before and after: a token read while the delete was on its way is not kept either.
  revocations++;
  try {
    const result = await db.deleteFrom("access_tokens").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows);
  } finally {
    revocations++;
  }
}

/** The people named in the audit log, for its person filter. */
export function listAdmins(db: Db) {
  return db.selectFrom("admins").select(["id", "display_name", "email"]).orderBy("display_name").execute();
}
