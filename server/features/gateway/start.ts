import type { FastifyBaseLogger } from "fastify";
import type { Db } from "@server/db/database";
import type { Env } from "@server/env";
import { dbRefreshTokenStore, refreshingToken, staticToken, type TokenSource } from "./credentials";
import { Gateway } from "./gateway";
import { Upstream } from "./upstream";

/**
 * Calls to Webex in flight at once: enough to hide a distant API's latency during a
 * synchronisation (a location takes five calls), few enough not to provoke its rate limits.
 */
export const UPSTREAM_CONCURRENCY = 16;

/** Webex mode's gateway from the environment, or undefined in standalone mode (no WEBEX_API_URL). */
export function gatewayFromEnv(env: Env, db: Db, log?: FastifyBaseLogger): Gateway | undefined {
  const apiUrl = env.WEBEX_API_URL?.replace(/\/+$/, "");
  if (!apiUrl) return undefined;
  const tokens: TokenSource = env.WEBEX_ACCESS_TOKEN
    ? staticToken(env.WEBEX_ACCESS_TOKEN)
    : refreshingToken({
        baseUrl: apiUrl,
        clientId: env.WEBEX_CLIENT_ID ?? "",
        clientSecret: env.WEBEX_CLIENT_SECRET ?? "",
        refreshToken: env.WEBEX_REFRESH_TOKEN ?? "",
        store: dbRefreshTokenStore(db),
      });
  const upstream = new Upstream({ baseUrl: apiUrl, tokens, concurrency: UPSTREAM_CONCURRENCY, ...(env.WEBEX_ORG_ID ? { orgId: env.WEBEX_ORG_ID } : {}) });
  return new Gateway(db, upstream, tokens, {
    apiUrl,
    ...(env.WEBEX_ORG_ID ? { orgId: env.WEBEX_ORG_ID } : {}),
    ...(env.WEBEX_ORG_NAME ? { orgName: env.WEBEX_ORG_NAME } : {}),
    syncIntervalSeconds: env.WEBEX_SYNC_INTERVAL,
  }, log);
}
