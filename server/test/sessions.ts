import { expect } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import type { TestServer } from "./test-server";

export type DemoRole = keyof typeof DEMO_ADMINS;

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** Headers for a read: the session cookie. */
  read: Record<string, string>;
  /** Headers for a write: the cookie and the CSRF token, as the SPA sends them. */
  write: Record<string, string>;
}

/** Signs a demo account in through the sign-in endpoint, as the sign-in page does. */
export async function signIn(server: TestServer, role: DemoRole): Promise<SignedIn> {
  const res = await server.app.anonymous({
    method: "POST",
    url: urlOf(api.session.signIn),
    payload: { email: DEMO_ADMINS[role].email, password: DEMO_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(201);
  const cookie = res.cookies.find((c) => c.name === "cpa_session");
  if (!cookie) throw new Error("no session cookie");
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const header = `cpa_session=${cookie.value}`;
  return { cookie: header, csrfToken, read: { cookie: header }, write: { cookie: header, "x-csrf-token": csrfToken } };
}
