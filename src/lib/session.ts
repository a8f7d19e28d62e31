import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@domain/api/endpoints";
import { canImport, canSeeLocation, canWrite } from "@domain/rules/access";
import type { Me, Session } from "@domain/schemas/auth";
import { ApiError, callApi, setCsrfToken } from "./api-client";
import { SIGN_IN_PATH } from "./paths";
import { queryRoots } from "./query-keys";

// The signed-in administrator. The root route loads the session before any screen
// (lib/session-guard), so screens read it synchronously from the cache; without one
// the app goes to the sign-in page.


/** Sets the CSRF token the API client echoes, from a session the server handed out. */
export function adoptSession(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
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

export function useAbility(): Ability {
  return abilityOf(useSession()?.me);
}

/** Whether an error means the session is gone (expired, signed out elsewhere); not a wrong password. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === "unauthorized";
}

/** Leaves for the sign-in page, coming back here afterwards; whatever was cached goes. */
export function goToSignIn() {
  const { pathname, search } = window.location;
  window.location.assign(signInUrl(pathname + search));
}

/** The sign-in page's address, coming back to `path` (only a path of this app) afterwards. */
export function signInUrl(path: string): string {
  return path && path !== "/" && !path.startsWith(SIGN_IN_PATH) ? `${SIGN_IN_PATH}?next=${encodeURIComponent(path)}` : SIGN_IN_PATH;
}

/** A `next` parameter made safe: a path of this app, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
