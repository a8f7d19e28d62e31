// The session as the sign-in page needs it, without TanStack Query or the router: the page is
// its own entry (src/sign-in.tsx), with only React and i18n beside it. lib/session.ts, the
// app's, builds on it.
import { api } from "@domain/api/addresses";
import type { Session } from "@domain/schemas/auth";
import { ApiError, callApi, setCsrfToken } from "./api-client";
import { SIGNED_IN_NOTE } from "./early-fetch";
import { SIGN_IN_PATH } from "./paths";

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

/** Where signing in leads from a page at `search`: its `next`, made safe (safeNext), else home. */
export function nextAfterSignIn(search: string): string {
  return safeNext(new URLSearchParams(search).get("next"));
}

/**
 * Whether this browser still holds a session (then adopted), for the sign-in page to go
 * straight on. Asked with the API client alone, and only of a browser that noted holding one;
 * one found gone is forgotten. Any other failure leaves the form to sign in with.
 */
export async function stillSignedIn(): Promise<boolean> {
  if (!mayBeSignedIn()) return false;
  try {
    adoptSession((await callApi(api.session.get)).data);
    return true;
  } catch (error) {
    if (isSignedOut(error)) rememberSignedIn(false);
    return false;
  }
}
