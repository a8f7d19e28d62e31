import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@domain/api/addresses";
import { canImport, canSeeLocation, canWrite } from "@domain/rules/access";
import type { Me, Session } from "@domain/schemas/auth";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { ApiError, callApi, setCsrfToken } from "./api-client";
import { SIGNED_IN_NOTE } from "./early-fetch";
import { SIGN_IN_PATH } from "./paths";
import { queryRoots } from "./query-keys";

// The signed-in administrator. The root route loads the session before any screen
// (lib/session-guard), so screens read it synchronously from the cache; without one
// the app goes to the sign-in page.


/** Sets the CSRF token the API client echoes, from a session the server handed out. */
export function adoptSession(session: Session): Session {
  setCsrfToken(session.csrfToken);
  rememberSignedIn(true);
  return session;
}

// The session cookie is httpOnly: the page cannot see it. This browser's note that it held
// a session lets the sign-in page skip asking for one a visitor never had, whose expected
// 401 the browser would log as a console error. A note left by a session that has since
// expired costs one such 401, after which it is gone. (The key: lib/early-fetch.ts.)

/** Notes (or forgets) that this browser holds a session. */
export function rememberSignedIn(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_NOTE, "1");
    else localStorage.removeItem(SIGNED_IN_NOTE);
  } catch {
    // Storage refused (private mode, full): the sign-in page then asks the server, as before.
  }
}

/** Whether this browser may hold a session: false only when it is known not to. */
export function mayBeSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_NOTE) === "1";
  } catch {
    return true;
  }
}

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

/** Whether an error means the session is gone (expired, signed out elsewhere); not a wrong password. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === "unauthorized";
}

/** Leaves for the sign-in page, coming back here afterwards; whatever was cached goes. */
export function goToSignIn() {
  rememberSignedIn(false);
  const { pathname, search } = window.location;
  window.location.assign(signInUrl(pathname + search));
}

/** The sign-in page's address, coming back to `path` (only a path of this app) afterwards. */
export function signInUrl(path: string): string {
  return path && path !== "/" && !path.startsWith(SIGN_IN_PATH) ? `${SIGN_IN_PATH}?next=${encodeURIComponent(path)}` : SIGN_IN_PATH;
}

// Controls (C0, DEL, C1) and line/paragraph separators are in no path this app makes.
// URL parsing drops some of them ("/\t/evil.example" is "//evil.example", another
// site), and a redirect cannot carry them in its Location header. U+FFFD is what
// percent-encoding that is not UTF-8 became when the parameter was decoded.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_NEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/;
const THIS_APP = "http://this-app.invalid";

/**
 * A `next` parameter made safe: a path of this app, never another site, in its
 * percent-encoded form; anything else (control characters, plain or encoded, or
 * percent-encoding that does not decode) is home, `/`. Never throws.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  try {
    if (UNSAFE_IN_NEXT.test(next) || UNSAFE_IN_NEXT.test(decodeURIComponent(next))) return "/";
    const url = new URL(next, THIS_APP);
    return url.origin === THIS_APP ? url.pathname + url.search + url.hash : "/";
  } catch {
    // decodeURIComponent: percent-encoding that does not decode.
    return "/";
  }
}
