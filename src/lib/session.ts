import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@domain/api/addresses";
import { canImport, canSeeLocation, canWrite } from "@domain/rules/access";
import type { Me, Session } from "@domain/schemas/auth";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { callApi } from "./api-client";
import { adoptSession } from "./signed-in";
import { queryRoots } from "./query-keys";

export { adoptSession, goToSignIn, isSignedOut, mayBeSignedIn, rememberSignedIn, safeNext, signInUrl } from "./signed-in";

// The signed-in administrator. The root route loads the session before any screen
// (app/router.tsx: requireSession), so screens read it synchronously from the cache; without one
// the app goes to the sign-in page.

export const sessionQuery = () =>
  queryOptions({
    queryKey: queryRoots.session,
    queryFn: async ({ signal }) => adoptSession((await callApi(api.session.get, { signal })).data),
    staleTime: Infinity,
    retry: false,
  });

export function useSession(): Session | undefined {
  return useQuery(sessionQuery()).data;
}

/** What the signed-in administrator may do; nothing until the session is known. */
export interface Ability {
  me: Me | undefined;
  /** May change call park data; with a location, data of that location. */
  canWrite: (locationId?: string) => boolean;
  /** May run a bulk import. */
  canImport: boolean;
  canSeeLocation: (locationId: string) => boolean;
}

export function abilityOf(me: Me | undefined): Ability {
  return {
    me,
    canWrite: (locationId) => (me ? canWrite(me, locationId) : false),
    canImport: me ? canImport(me) : false,
    canSeeLocation: (locationId) => (me ? canSeeLocation(me, locationId) : false),
  };
}

/** How often the gateway's status is read: every 5 s while a synchronisation runs (to see it end), else every minute. */
export const GATEWAY_POLL_MS = { syncing: 5_000, idle: 60_000 } as const;

/**
 * Which organisation the server manages (its own, or one in Webex) and how its Webex
 * mirror stands. Read by the ability below (a Webex token without the write scope makes
 * the app read-only), the top bar and the audit log, so it lives here rather than in a
 * feature (features/gateway builds on it). A standalone server stays standalone while it
 * runs: it is read once. In Webex mode it is read again every minute, every 5 s while a
 * synchronisation runs, and whenever the window comes back into focus.
 */
export const gatewayStatusQuery = () =>
  queryOptions({
    queryKey: [...queryRoots.gateway, "status"] as const,
    queryFn: async ({ signal }) => (await callApi(api.gateway.status, { signal })).data,
    refetchInterval: (query) => {
      const status = query.state.data;
      if (status?.mode === "standalone") return false;
      return status?.syncing ? GATEWAY_POLL_MS.syncing : GATEWAY_POLL_MS.idle;
    },
    refetchOnWindowFocus: (query) => (query.state.data?.mode === "standalone" ? false : "always"),
  });

/** The gateway's status once known (never before the session is: it needs a signed-in administrator). */
export function useGatewayStatus(): GatewayStatus | undefined {
  const signedIn = Boolean(useSession());
  return useQuery({ ...gatewayStatusQuery(), enabled: signedIn }).data;
}

/**
 * The ability as the gateway leaves it: in Webex mode, a token lacking a scope the changes
 * need makes every administrator read-only, as a read-only administrator is. Anything
 * else (standalone, no status yet) leaves the ability as the role makes it.
 */
export function withGateway(ability: Ability, gateway: GatewayStatus | undefined): Ability {
  if (gateway?.mode !== "webex" || !gateway.readOnly) return ability;
  return { ...ability, canWrite: () => false, canImport: false };
}

export function useAbility(): Ability {
  const me = useSession()?.me;
  const gateway = useGatewayStatus();
  return withGateway(abilityOf(me), gateway);
}

