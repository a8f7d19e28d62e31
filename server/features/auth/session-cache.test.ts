import { afterEach, describe, expect, it, vi } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { onQuery } from "@server/db/database";
import { DEMO_ADMINS, demoAdminId } from "@server/db/seed";
import { signIn } from "@server/test/sessions";
import { useTestServer } from "@server/test/test-server";
import { TEST_DIALECT } from "@server/test/test-database";

// A session's administrator is kept while the database is unchanged, instead of being read
// on every call of the SPA; signing out, or any change to the account, shows on the very
// next request, and an expired session is refused even when nothing was written since.

const server = useTestServer();
afterEach(() => {
  vi.useRealTimers();
});

const me = (headers: Record<string, string>) => server.app.inject({ method: "GET", url: urlOf(api.people.me), headers });

async function statementsDuring(run: () => Promise<unknown>) {
  let count = 0;
  const stop = onQuery(server.db, () => count++);
  try {
    await run();
  } finally {
    stop();
  }
  return count;
}

describe("a session's administrator", () => {
  // SQLite only: answers are kept by its change counter, which PostgreSQL has no counterpart of.
  it.skipIf(TEST_DIALECT === "postgres")("is read once, then kept while the database is unchanged", async () => {
    const session = await signIn(server, "readOnly");
    expect((await me(session.read)).statusCode).toBe(200);
    // people/me reads nothing more than who is asking: kept, it reads nothing at all.
    expect(await statementsDuring(() => me(session.read))).toBe(0);
  });

  it("is refused on the very next request once signed out", async () => {
    const session = await signIn(server, "full");
    expect((await me(session.read)).statusCode).toBe(200);
    const out = await server.app.inject({ method: api.session.signOut.method, url: urlOf(api.session.signOut), headers: session.write });
    expect(out.statusCode, out.body).toBeLessThan(300);
    expect((await me(session.read)).statusCode).toBe(401);
  });

  it("shows a change to the account on the very next request", async () => {
    const session = await signIn(server, "readOnly");
    expect((await me(session.read)).json()).toMatchObject({ role: "READ_ONLY_ADMIN" });
    await server.db.updateTable("admins").set({ role: "FULL_ADMIN" }).where("id", "=", demoAdminId(DEMO_ADMINS.readOnly.email)).execute();
    expect((await me(session.read)).json()).toMatchObject({ role: "FULL_ADMIN" });
  });

  it("is refused once the session has expired, with nothing written since it was kept", async () => {
    const session = await signIn(server, "full");
    expect((await me(session.read)).statusCode).toBe(200);
    const { expires_at } = await server.db.selectFrom("sessions").select("expires_at").executeTakeFirstOrThrow();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.parse(expires_at) + 1));
    expect((await me(session.read)).statusCode).toBe(401);
  });
});
