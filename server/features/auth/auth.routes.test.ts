import { describe, expect, it } from "vitest";
import { API_BASE, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { signIn } from "@server/test/sessions";
import { locationIdOf, startTestServer, TEST_ADMIN_TOKEN, useTestServer } from "@server/test/test-server";
import { SignInLimiter } from "./sign-in-limiter";

describe("signing in and out", () => {
  const server = useTestServer();

  it("opens a session in an httpOnly, SameSite=Strict cookie and names the administrator", async () => {
    const res = await server.app.anonymous({
      method: "POST",
      url: urlOf(api.session.signIn),
      payload: { email: "  Admin@ACME.example ", password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === "cpa_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    expect(res.headers["cache-control"]).toBe("no-store");
    const body = res.json();
    expect(body.me).toEqual({
      id: expect.any(String),
      emails: [DEMO_ADMINS.full.email],
      displayName: DEMO_ADMINS.full.displayName,
      orgId: expect.any(String),
      role: "FULL_ADMIN",
      locationIds: [],
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    // The session is stored as a hash: the cookie's value is nowhere in the database.
    const stored = await server.db.selectFrom("sessions").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
  });

  it("refuses a wrong password and an unknown address with the same words, in the user's language", async () => {
    const wrong = await server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: DEMO_ADMINS.full.email, password: "nope" } });
    const unknown = await server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: "who@acme.example", password: "nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.cookies).toHaveLength(0);
    const pt = await server.app.anonymous({
      method: "POST",
      url: urlOf(api.session.signIn),
      headers: { "accept-language": "pt-BR" },
      payload: { email: DEMO_ADMINS.full.email, password: "nope" },
    });
    expect(pt.json()).toMatchObject({ code: "invalidCredentials", message: "O endereço de e-mail ou a senha não estão corretos." });
  });

  it("answers bad input with 400 and field issues, never 5xx", async () => {
    for (const payload of [{}, { email: 1, password: [] }, { email: "a@b.c", password: "x".repeat(2000) }, { email: "a@b.c", password: "x", extra: 1 }]) {
      const res = await server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().issues.length).toBeGreaterThan(0);
    }
    const malformed = await server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), headers: { "content-type": "application/json" }, payload: "{" });
    expect(malformed.statusCode).toBe(400);
  });

  it("ends the session on the server at sign-out: the old cookie no longer works", async () => {
    const session = await signIn(server, "readOnly");
    expect((await server.app.inject({ method: "GET", url: urlOf(api.session.get), headers: session.read })).statusCode).toBe(200);
    const out = await server.app.inject({ method: "DELETE", url: urlOf(api.session.signOut), headers: session.write });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "cpa_session")?.value).toBe("");
    const after = await server.app.inject({ method: "GET", url: urlOf(api.session.get), headers: session.read });
    expect(after.statusCode).toBe(401);
    expect(await server.db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("asks for a session or a token everywhere else (401 with WWW-Authenticate)", async () => {
    const res = await server.app.anonymous({ method: "GET", url: urlOf(api.locations.list) });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe("Bearer");
    expect(res.json().code).toBe("unauthorized");
  });
});

describe("repeated failed sign-ins", () => {
  it("are slowed down with 429 and Retry-After, and a success after the wait clears them", async () => {
    let now = 1_000_000;
    const limiter = new SignInLimiter({ perAccount: 3, perClient: 10, windowMs: 60_000 }, () => now);
    const server = await startTestServer({ signInLimiter: limiter });
    try {
      const attempt = (password: string) =>
        server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: DEMO_ADMINS.full.email, password } });
      for (let i = 0; i < 3; i++) expect((await attempt("wrong")).statusCode).toBe(401);
      now += 10_000;
      const limited = await attempt(DEMO_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers["retry-after"]).toBe("50");
      expect(limited.json()).toMatchObject({ code: "tooManySignInAttempts", params: { seconds: 50 } });
      // Another account from another address is not held up by this one's failures.
      const other = await server.app.anonymous({
        method: "POST",
        url: urlOf(api.session.signIn),
        remoteAddress: "10.0.0.9",
        payload: { email: DEMO_ADMINS.readOnly.email, password: DEMO_PASSWORD },
      });
      expect(other.statusCode).toBe(201);
      now += 50_001;
      expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(201);
      expect((await attempt("wrong")).statusCode).toBe(401);
      expect((await attempt("wrong")).statusCode).toBe(401);
      expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(201);
    } finally {
      await server.close();
    }
  });

  it("limits one client address across many accounts", async () => {
    const now = 5_000_000;
    const limiter = new SignInLimiter({ perAccount: 100, perClient: 4, windowMs: 60_000 }, () => now);
    const server = await startTestServer({ signInLimiter: limiter });
    try {
      for (let i = 0; i < 4; i++) {
        const res = await server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: `guess${i}@acme.example`, password: "x" } });
        expect(res.statusCode).toBe(401);
      }
      const res = await server.app.anonymous({ method: "POST", url: urlOf(api.session.signIn), payload: { email: DEMO_ADMINS.full.email, password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe("cross-site request forgery", () => {
  const server = useTestServer();

  it("refuses a cookie-authenticated write without the session's CSRF token, and leaves nothing", async () => {
    const session = await signIn(server, "full");
    const locationId = await locationIdOf(server.db, "London");
    const url = urlOf(api.callParkExtensions.create, { locationId });
    const payload = { name: "Forged", extension: "7777" };
    const missing = await server.app.inject({ method: "POST", url, headers: session.read, payload });
    const wrong = await server.app.inject({ method: "POST", url, headers: { ...session.read, "x-csrf-token": "guess" }, payload });
    const other = await signIn(server, "location");
    const borrowed = await server.app.inject({ method: "POST", url, headers: { ...session.read, "x-csrf-token": other.csrfToken }, payload });
    for (const res of [missing, wrong, borrowed]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe("csrfTokenInvalid");
    }
    const names = await server.db.selectFrom("call_park_extensions").select("name").where("name", "=", "Forged").execute();
    expect(names).toHaveLength(0);
    const ok = await server.app.inject({ method: "POST", url, headers: session.write, payload });
    expect(ok.statusCode).toBe(201);
  });

  it("does not ask a bearer token for one (a browser never sends it on its own)", async () => {
    const locationId = await locationIdOf(server.db, "London");
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }),
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      payload: { name: "Scripted", extension: "7778" },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe("security headers", () => {
  const server = useTestServer("all");

  it("come with every answer: a CSP without inline script, no sniffing, no framing", async () => {
    for (const url of [urlOf(api.locations.list), urlOf(api.session.get), `${API_BASE}/nothing-here`]) {
      const res = await server.app.anonymous({ method: "GET", url });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    }
  });
});
