import type { FastifyInstance, FastifyRequest } from "fastify";
import { API_BASE, type EndpointAccess } from "@domain/api/endpoint";
import { canSeeLocation } from "@domain/rules/access";
import { changeVersionOf, type Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import * as repo from "./auth.repository";
import { ADMIN_TOKEN_ACTOR_ID, type Principal } from "./principal";
import { sameSecret, sha256 } from "./secrets";

// Every API route declares who may call it (config.access, which route() takes from
// the endpoint's entry); a route without a rule stops the server from starting. Each
// request is then authenticated (session cookie or bearer token), cookie-authenticated
// writes must carry the session's CSRF token, read-only administrators may not write,
// and a location administrator's requests about another location answer exactly as
// for a location that does not exist.

export const SESSION_COOKIE = "cpa_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RouteRule {
  method: string;
  url: string;
  access: EndpointAccess;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: EndpointAccess;
  }
  interface FastifyInstance {
    /** Every API route and its access rule, as registered: the route table the access tests walk. */
    routeRules: RouteRule[];
  }
}

export interface AccessOptions {
  db: Db;
  /** ADMIN_TOKEN: a bearer token that acts as the organisation's first full administrator. */
  adminToken?: string;
}

function isApi(url: string) {
  return url === API_BASE || url.startsWith(`${API_BASE}/`);
}

/** The administrator as a request principal, with their locations. */
export async function principalFor(
  db: Db,
  adminId: string,
  via: Principal["via"] = "session",
  session?: Principal["session"],
): Promise<Principal | undefined> {
  const admin = await repo.findAdmin(db, adminId);
  if (!admin) return undefined;
  const locationIds = admin.role === "LOCATION_ADMIN" ? await repo.locationIdsOf(db, admin.id) : [];
  return {
    id: admin.id,
    email: admin.email,
    displayName: admin.display_name,
    role: admin.role,
    locationIds,
    orgId: admin.org_id,
    via,
    ...(session ? { session } : {}),
  };
}


async function adminTokenPrincipal(db: Db): Promise<Principal | undefined> {
  const admin = await repo.firstFullAdmin(db);
  if (admin) return principalFor(db, admin.id, "token");
  const organization = await db.selectFrom("organizations").select("id").orderBy("created_at").executeTakeFirst();
  if (!organization) return undefined;
  return {
    id: ADMIN_TOKEN_ACTOR_ID,
    email: "",
    displayName: "ADMIN_TOKEN",
    role: "FULL_ADMIN",
    locationIds: [],
    orgId: organization.id,
    via: "token",
  };
}

/** How long a bearer token's administrator is kept before it is read again (a revocation drops it at once). */
export const TOKEN_CACHE_MS = 5_000;
const MAX_KEPT_TOKENS = 1000;

interface KeptToken {
  principal: Principal;
  until: number;
  /** accessTokenRevocations() before the token was read: any revocation since drops it. */
  revocations: number;
  /** A personal access token's id and when its use was last recorded (none for ADMIN_TOKEN). */
  token?: { id: string; lastUsedAt: string | null };
}

// Bearer tokens' administrators, by the token's hash, per database: a script's every call
// would otherwise read the token, the administrator and their locations again.
const keptTokens = new WeakMap<Db, Map<string, KeptToken>>();

function keptToken(db: Db, key: string): KeptToken | undefined {
  const kept = keptTokens.get(db)?.get(key);
  if (!kept) return undefined;
  if (kept.until > Date.now() && kept.revocations === repo.accessTokenRevocations()) return kept;
  keptTokens.get(db)?.delete(key);
  return undefined;
}

function keepToken(db: Db, key: string, kept: KeptToken) {
  let tokens = keptTokens.get(db);
  if (!tokens) keptTokens.set(db, (tokens = new Map()));
  tokens.delete(key);
  tokens.set(key, kept);
  if (tokens.size > MAX_KEPT_TOKENS) tokens.delete(tokens.keys().next().value!);
}

/** Records a personal access token's use, at most once a minute, so a busy script does not write on every call. */
async function recordUse(db: Db, token: { id: string; lastUsedAt: string | null }) {
  const now = new Date().toISOString();
  if (!token.lastUsedAt || Date.parse(now) - Date.parse(token.lastUsedAt) > 60_000) {
    await repo.touchAccessToken(db, token.id, now);
    token.lastUsedAt = now;
  }
}

async function fromBearer(db: Db, bearer: string, adminToken: string | undefined): Promise<Principal | undefined> {
  const isAdminToken = Boolean(adminToken && sameSecret(bearer, adminToken));
  // Kept apart: an app without this ADMIN_TOKEN on the same database does not take it.
  const hash = sha256(bearer);
  const key = `${isAdminToken ? "ADMIN_TOKEN" : "token"}:${hash}`;
  const kept = keptToken(db, key);
  if (kept) {
    if (kept.token) await recordUse(db, kept.token);
    return { ...kept.principal, locationIds: [...kept.principal.locationIds] };
  }
  const revocations = repo.accessTokenRevocations();
  let principal: Principal | undefined;
  let token: KeptToken["token"];
  if (isAdminToken) {
    principal = await adminTokenPrincipal(db);
  } else {
    const stored = await repo.findAccessTokenByHash(db, hash);
    if (!stored) return undefined;
    token = { id: stored.id, lastUsedAt: stored.last_used_at };
    await recordUse(db, token);
    principal = await principalFor(db, stored.admin_id, "token");
  }
  // Kept only where the database is this process's alone (SQLite: changeVersionOf): with
  // several instances on PostgreSQL, a token revoked on another is refused here at once.
  if (principal && changeVersionOf(db)) keepToken(db, key, { principal: { ...principal, locationIds: [...principal.locationIds] }, until: Date.now() + TOKEN_CACHE_MS, revocations, token });
  return principal;
}

interface KeptSession {
  principal: Principal;
  /** The database's change version when the session was read (changeVersionOf). */
  version: string;
}

// Sessions' administrators, by the session token's hash, per database: the SPA's every call
// would otherwise read the session, the administrator and their locations again. One is
// kept only while the database is unchanged since it was read, so signing out (the session
// deleted), a changed role or location, a removed administrator: any write drops them all
// at once, and the next request reads its session anew.
const keptSessions = new WeakMap<Db, Map<string, KeptSession>>();
const MAX_KEPT_SESSIONS = 1000;

const copyOf = (principal: Principal): Principal => ({ ...principal, locationIds: [...principal.locationIds] });

async function fromCookie(db: Db, cookie: string): Promise<Principal | undefined> {
  const tokenHash = sha256(cookie);
  const now = new Date().toISOString();
  // Read before the session: a write while it is read makes what is kept never match again.
  const version = changeVersionOf(db)?.();
  let sessions = keptSessions.get(db);
  const kept = sessions?.get(tokenHash);
  // An expired session is refused as the query below refuses it (expires_at > now).
  if (kept && kept.version === version && kept.principal.session!.expires > now) return copyOf(kept.principal);
  sessions?.delete(tokenHash);
  const session = await repo.findSession(db, tokenHash, now);
  if (!session) return undefined;
  const principal = await principalFor(db, session.admin_id, "session", { tokenHash, csrfToken: session.csrf_token, expires: session.expires_at });
  if (principal && version !== undefined) {
    if (!sessions) keptSessions.set(db, (sessions = new Map()));
    sessions.set(tokenHash, { principal: copyOf(principal), version });
    if (sessions.size > MAX_KEPT_SESSIONS) sessions.delete(sessions.keys().next().value!);
  }
  return principal;
}

/** Bearer first (scripts); else the session cookie (the SPA). A bearer that fails is refused outright. */
async function authenticate(request: FastifyRequest, { db, adminToken }: AccessOptions): Promise<Principal | undefined> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(authorization);
    const principal = match ? await fromBearer(db, match[1], adminToken) : undefined;
    if (!principal) throw new HttpError("invalidToken");
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? fromCookie(db, cookie) : undefined;
}

function authorize(request: FastifyRequest, principal: Principal, access: EndpointAccess) {
  if (principal.via === "session" && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !principal.session || !sameSecret(sent, principal.session.csrfToken)) {
      throw new HttpError("csrfTokenInvalid");
    }
  }
  if (access === "write" && principal.role === "READ_ONLY_ADMIN") throw new HttpError("forbidden");
  const locationId = (request.params as Record<string, unknown> | undefined)?.locationId;
  if (typeof locationId === "string" && !canSeeLocation(principal, locationId)) {
    throw new HttpError("locationNotFound", { id: locationId });
  }
}

export function installAccessControl(app: FastifyInstance, options: AccessOptions) {
  app.decorate("routeRules", [] as RouteRule[]);
  app.addHook("onRoute", (route) => {
    if (!isApi(route.url ?? "")) return;
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) throw new Error(`${methods.join(",")} ${route.url} declares no access rule (config.access)`);
    for (const method of methods) app.routeRules.push({ method, url: route.url ?? "", access });
  });

  app.addHook("onRequest", async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!access || !isApi(request.routeOptions.url ?? "")) return;
    let principal: Principal | undefined;
    try {
      principal = await authenticate(request, options);
    } catch (error) {
      reply.header("www-authenticate", 'Bearer error="invalid_token"');
      throw error;
    }
    request.principal = principal;
    if (access === "public") return;
    if (!principal) {
      reply.header("www-authenticate", "Bearer");
      throw new HttpError("unauthorized");
    }
    authorize(request, principal, access);
  });
}
