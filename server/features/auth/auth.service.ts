import type { AccessToken, AccessTokenCreate, AccessTokenCreated, Me, SignInInput } from "@domain/schemas/auth";
import { MAX_ACCESS_TOKENS } from "@domain/schemas/auth";
import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { newId } from "@server/lib/ids";
import { recordAudit } from "@server/features/audit-events/audit-events.repository";
import * as repo from "./auth.repository";
import { verifyPassword } from "./password";
import type { Actor, Principal } from "./principal";
import { ADMIN_TOKEN_ACTOR_ID } from "./principal";
import { newSecret, sha256 } from "./secrets";
import type { SignInLimiter } from "./sign-in-limiter";

export const SESSION_HOURS = 12;
export const ACCESS_TOKEN_PREFIX = "cpa_";

export function toMe(principal: Principal): Me {
  return {
    id: principal.id,
    emails: [principal.email],
    displayName: principal.displayName,
    orgId: principal.orgId,
    role: principal.role,
    locationIds: principal.locationIds,
  };
}

/**
 * Checks the password and opens a session. The attempt is counted by the limiter (in the
 * database, shared by every instance) before the (deliberately slow) password check, in
 * the same transaction as asking it, so a burst of parallel guesses cannot all be
 * checked; only a success takes it back.
 * An attempt that fails in any way (wrong password, or an error) stays counted.
 */
export async function signIn(db: Db, limiter: SignInLimiter, input: SignInInput & { email: string }, sourceIp: string) {
  const limit = await limiter.reserve(db, input.email, sourceIp);
  if ("retryAfter" in limit) throw new HttpError("tooManySignInAttempts", { seconds: limit.retryAfter });
  const admin = await repo.findAdminByEmail(db, input.email);
  if (!(await verifyPassword(input.password, admin?.password_hash)) || !admin) throw new HttpError("invalidCredentials");
  await limiter.succeeded(db, limit.reservation);
  const token = newSecret();
  const csrfToken = newSecret();
  const now = new Date();
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await repo.deleteExpiredSessions(db, now.toISOString());
  await repo.insertSession(db, { tokenHash: sha256(token), adminId: admin.id, csrfToken, now: now.toISOString(), expires, sourceIp });
  return { token, csrfToken, expires, adminId: admin.id };
}

export async function signOut(db: Db, principal: Principal) {
  if (principal.session) await repo.deleteSession(db, principal.session.tokenHash);
}

function toAccessToken(row: repo.AccessTokenRow): AccessToken {
  return {
    id: row.id,
    name: row.name,
    hint: row.hint,
    created: row.created_at,
    ...(row.last_used_at ? { lastUsed: row.last_used_at } : {}),
  };
}

export async function listAccessTokens(db: Db, principal: Principal) {
  return (await repo.listAccessTokens(db, principal.id)).map(toAccessToken);
}

/** A new personal access token: the only time its value is ever returned. */
export async function createAccessToken(db: Db, principal: Principal, input: AccessTokenCreate & { name: string }, actor: Actor): Promise<AccessTokenCreated> {
  // ADMIN_TOKEN before any administrator account exists has no account to hold tokens.
  if (principal.id === ADMIN_TOKEN_ACTOR_ID) throw new HttpError("forbidden");
  if ((await repo.countAccessTokens(db, principal.id)) >= MAX_ACCESS_TOKENS) {
    throw new HttpError("accessTokenLimit", { max: MAX_ACCESS_TOKENS });
  }
  const token = newSecret(ACCESS_TOKEN_PREFIX);
  const row = {
    id: newId("ACCESS_TOKEN"),
    admin_id: principal.id,
    name: input.name,
    token_hash: sha256(token),
    hint: token.slice(-4),
    created_at: new Date().toISOString(),
    last_used_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertAccessToken(trx, row);
    const after = { name: row.name, hint: row.hint };
    await recordAudit(trx, actor, { action: "CREATE", objectType: "accessToken", objectId: row.id, objectName: row.name, after });
  });
  return { ...toAccessToken(row), token };
}

export async function revokeAccessToken(db: Db, principal: Principal, id: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findAccessToken(trx, principal.id, id);
    if (!row || (await repo.deleteAccessToken(trx, id)) === 0) throw new HttpError("accessTokenNotFound", { id });
    const before = { name: row.name, hint: row.hint };
    await recordAudit(trx, actor, { action: "DELETE", objectType: "accessToken", objectId: row.id, objectName: row.name, before });
  });
}
