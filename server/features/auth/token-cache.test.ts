import { afterEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { buildApp } from "@server/app";
import { DEMO_ADMINS, demoAdminId } from "@server/db/seed";
import { signIn } from "@server/test/sessions";
import { TEST_ADMIN_TOKEN, useTestServer } from "@server/test/test-server";
import { TOKEN_CACHE_MS } from "./access";
import { sha256 } from "./secrets";
import { TEST_DIALECT } from "@server/test/test-database";

// A bearer token's administrator is kept for TOKEN_CACHE_MS instead of being read on every
// call of a script; revoking the token through the API drops it at once.

const server = useTestServer();
afterEach(() => {
  vi.useRealTimers();
});

const me = (authorization: string, app: Pick<typeof server.app, "inject"> = server.app) =>
  app.inject({ method: "GET", url: urlOf(api.people.me), headers: { authorization } });

async function insertToken(token: string, email: string) {
  await server.db
    .insertInto("access_tokens")
    .values({ id: `tok-${token}`, admin_id: demoAdminId(email), name: "script", token_hash: sha256(token), hint: token.slice(-4), created_at: new Date().toISOString(), last_used_at: null })
    .execute();
}

describe("a bearer token's administrator", () => {
  it("is refused on the very next request once the token is revoked through the API, however recently it was used", async () => {
    const session = await signIn(server, "full");
    const created = await server.app.inject({ method: "POST", url: urlOf(api.people.createAccessToken), headers: session.write, payload: { name: "Nightly export" } });
    const { id, token } = created.json() as { id: string; token: string };
    for (let i = 0; i < 3; i++) expect((await me(`Bearer ${token}`)).statusCode).toBe(200);

    const revoked = await server.app.inject({ method: "DELETE", url: urlOf(api.people.revokeAccessToken, { tokenId: id }), headers: session.write });
    expect(revoked.statusCode).toBe(204);
    const next = await me(`Bearer ${token}`);
    expect(next.statusCode).toBe(401);
    expect(next.json().code).toBe("invalidToken");
  });

  // SQLite only: on PostgreSQL (several instances may share it) a token is read on every request.
  it.skipIf(TEST_DIALECT === "postgres")("is kept for a short time, then read again: a change to the account shows within TOKEN_CACHE_MS", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00.000Z"));
    await insertToken("cpa_kept-token", DEMO_ADMINS.readOnly.email);
    expect((await me("Bearer cpa_kept-token")).json()).toMatchObject({ displayName: DEMO_ADMINS.readOnly.displayName, role: "READ_ONLY_ADMIN" });

    await server.db.updateTable("admins").set({ display_name: "Riley Chen-Ito", role: "FULL_ADMIN" }).where("id", "=", demoAdminId(DEMO_ADMINS.readOnly.email)).execute();
    vi.setSystemTime(new Date(Date.parse("2026-03-02T10:00:00.000Z") + TOKEN_CACHE_MS - 1));
    expect((await me("Bearer cpa_kept-token")).json()).toMatchObject({ displayName: DEMO_ADMINS.readOnly.displayName, role: "READ_ONLY_ADMIN" });

    vi.setSystemTime(new Date(Date.parse("2026-03-02T10:00:00.000Z") + TOKEN_CACHE_MS + 1));
    expect((await me("Bearer cpa_kept-token")).json()).toMatchObject({ displayName: "Riley Chen-Ito", role: "FULL_ADMIN" });
  });

  it("is never handed to another token, nor ADMIN_TOKEN's to an app on the same database without it", async () => {
    await insertToken("cpa_location-token", DEMO_ADMINS.location.email);
    expect((await me("Bearer cpa_location-token")).json()).toMatchObject({ role: "LOCATION_ADMIN", locationIds: [expect.any(String)] });
    expect((await me(`Bearer ${TEST_ADMIN_TOKEN}`)).json()).toMatchObject({ role: "FULL_ADMIN" });
    expect((await me("Bearer cpa_location-tokens")).statusCode).toBe(401);

    const withoutAdminToken = await buildApp({ db: server.db });
    try {
      expect((await me(`Bearer ${TEST_ADMIN_TOKEN}`, withoutAdminToken)).statusCode).toBe(401);
      expect((await me("Bearer cpa_location-token", withoutAdminToken)).json()).toMatchObject({ role: "LOCATION_ADMIN" });
    } finally {
      await withoutAdminToken.close();
    }
  });

});
