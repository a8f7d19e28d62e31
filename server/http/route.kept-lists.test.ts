import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { onQuery, openDatabase } from "@server/db/database";
import { seedDemoOrganization } from "@server/db/seed";
import { signIn } from "@server/test/sessions";
import { buildTestApp, locationIdOf, startTestServer, type TestServer } from "@server/test/test-server";
import { TEST_DIALECT } from "@server/test/test-database";

// A list route that keeps its answers (listRoute's keepWhileUnchanged: the call park
// extensions' and the locations') answers again from memory while the database is
// unchanged, and reads anew after any write: through the API, or by another process.

const LIST = urlOf(api.callParkExtensions.list, {}, { max: 5 });

let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Statements run on the server's database while `run` runs. */
async function statementsDuring(s: TestServer, run: () => Promise<unknown>) {
  let count = 0;
  const stop = onQuery(s.db, () => count++);
  try {
    await run();
  } finally {
    stop();
  }
  return count;
}

async function names(s: TestServer, url = LIST, headers?: Record<string, string>) {
  const res = await s.app.inject({ url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return { res, names: (res.json() as { callParkExtensions: { name: string }[] }).callParkExtensions.map((c) => c.name) };
}

describe("a kept list", () => {
  // SQLite only: answers are kept by its change counter, which PostgreSQL has no counterpart of.
  it.skipIf(TEST_DIALECT === "postgres")("answers the same request again without reading the database, with the same body and headers", async () => {
    server = await startTestServer();
    const s = server;
    const first = await names(s);
    const again = await names(s);
    expect(await statementsDuring(s, () => names(s))).toBe(0);
    expect(again.res.body).toBe(first.res.body);
    expect(again.res.headers["content-type"]).toBe(first.res.headers["content-type"]);
    expect(again.res.headers["x-total-count"]).toBe("30");
    expect(again.res.headers.link).toBe(first.res.headers.link);
    // Another page, or another query, is its own answer.
    expect((await names(s, urlOf(api.callParkExtensions.list, {}, { max: 5, start: 5 }))).names).not.toEqual(first.names);
  });

  it("is read every time by an app told to keep no list answer (the list benchmark's)", async () => {
    server = await startTestServer({ keepListAnswers: false });
    const s = server;
    await names(s);
    expect(await statementsDuring(s, () => names(s))).toBeGreaterThan(0);
  });

  it("reads anew once anything is written through the API", async () => {
    server = await startTestServer();
    const s = server;
    const london = await locationIdOf(s.db, "London");
    await names(s);
    const created = await s.app.inject({ method: "POST", url: urlOf(api.callParkExtensions.create, { locationId: london }), payload: { name: "Aardvark bay", extension: "5099" } });
    expect(created.statusCode, created.body).toBe(201);
    const after = await names(s);
    expect(after.names[0]).toBe("Aardvark bay");
    expect(after.res.headers["x-total-count"]).toBe("31");
  });

  it("reads anew once another process has written to the same database file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-kept-lists-"));
    dirs.push(dir);
    const file = path.join(dir, "db.sqlite");
    const db = await openDatabase(`sqlite:${file}`);
    await seedDemoOrganization(db);
    const app = await buildTestApp(db);
    server = { app, db, close: async () => (await app.close(), await db.destroy()) };
    const before = await names(server);
    const other = new BetterSqlite3(file);
    try {
      other.prepare("update call_park_extensions set name = 'Aardvark bay', name_key = 'aardvark bay' where name = ?").run(before.names[0]);
    } finally {
      other.close();
    }
    expect((await names(server)).names[0]).toBe("Aardvark bay");
  });

  it("is kept per administrator: a location administrator asking the same sees only their locations", async () => {
    server = await startTestServer();
    const s = server;
    const all = await names(s, urlOf(api.callParkExtensions.list, {}, { max: 100 }));
    expect(all.names).toHaveLength(30);
    const saoPaulo = await signIn(s, "location");
    const theirs = await names(s, urlOf(api.callParkExtensions.list, {}, { max: 100 }), saoPaulo.read);
    expect(theirs.names).toHaveLength(6);
    expect((await names(s, urlOf(api.callParkExtensions.list, {}, { max: 100 }))).names).toHaveLength(30);
  });
});
