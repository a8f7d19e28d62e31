import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, type Migration, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "@server/db/database";
import { MIGRATIONS, migrateToLatest } from "@server/db/migrations";
import { buildTestApp } from "@server/test/test-server";
import { HEALTH_PATH, READY_PATH } from "./health.routes";

type App = Awaited<ReturnType<typeof buildTestApp>>;
const NAMES = Object.keys(MIGRATIONS);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The app on a database of its own, closed (app first, then the database: a second destroy is harmless) after the test. */
async function appOn(db: Db, options: Parameters<typeof buildTestApp>[1] = {}): Promise<App> {
  const app = await buildTestApp(db, options);
  cleanups.push(async () => {
    await app.close();
    await db.destroy();
  });
  return app;
}

/** A database migrated only as far as `last`, as an older release or a half-finished upgrade leaves it. */
async function databaseUpTo(last: string): Promise<Db> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(":memory:") }) });
  const subset: Record<string, Migration> = Object.fromEntries(NAMES.slice(0, NAMES.indexOf(last) + 1).map((n) => [n, MIGRATIONS[n]]));
  await migrateToLatest(db, subset);
  return db as unknown as Db;
}

/** Asked as a probe asks: no session, no token. */
const probe = (app: App, url: string) => app.anonymous({ method: "GET", url });

function expectJsonProbe(res: Awaited<ReturnType<typeof probe>>) {
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(res.headers["cache-control"]).toBe("no-store");
}

describe("GET /healthz", () => {
  it("answers 200 { status: ok } without signing in", async () => {
    const app = await appOn(await openDatabase("sqlite::memory:"));
    const res = await probe(app, HEALTH_PATH);
    expect(res.statusCode).toBe(200);
    expectJsonProbe(res);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("ignores credentials, even a wrong token: it is outside the API", async () => {
    const app = await appOn(await openDatabase("sqlite::memory:"));
    const res = await app.anonymous({ method: "GET", url: HEALTH_PATH, headers: { authorization: "Bearer not-a-token" } });
    expect(res.statusCode).toBe(200);
  });

  it("answers HEAD too, as some load balancers probe", async () => {
    const app = await appOn(await openDatabase("sqlite::memory:"));
    expect((await app.anonymous({ method: "HEAD", url: HEALTH_PATH })).statusCode).toBe(200);
  });

  it("answers JSON, not the SPA's page, when the built SPA is served", async () => {
    // A built SPA of one page, as dist/ holds it after a build.
    const spaDir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-spa-"));
    fs.writeFileSync(path.join(spaDir, "index.html"), "<!doctype html><title>SPA</title>");
    cleanups.push(async () => fs.rmSync(spaDir, { recursive: true, force: true }));
    const app = await appOn(await openDatabase("sqlite::memory:"), { serveSpa: true, spaDir });
    // The SPA really is served: any other address gets its HTML.
    expect((await probe(app, "/some/screen")).headers["content-type"]).toMatch(/^text\/html/);
    for (const url of [HEALTH_PATH, READY_PATH]) {
      const res = await probe(app, url);
      expect(res.statusCode, url).toBe(200);
      expectJsonProbe(res);
    }
  });

  it("answers JSON beside a catch-all HTML route like the SPA's (whether or not dist/ is built)", async () => {
    const app = await appOn(await openDatabase("sqlite::memory:"));
    app.get("/*", (_request, reply) => reply.type("text/html").send("<!doctype html><title>SPA</title>"));
    for (const url of [HEALTH_PATH, READY_PATH]) {
      const res = await probe(app, url);
      expect(res.statusCode, url).toBe(200);
      expectJsonProbe(res);
    }
  });
});

describe("GET /readyz", () => {
  it("answers 200 { status: ready } on a migrated database", async () => {
    const app = await appOn(await openDatabase("sqlite::memory:"));
    const res = await probe(app, READY_PATH);
    expect(res.statusCode).toBe(200);
    expectJsonProbe(res);
    expect(res.json()).toEqual({ status: "ready" });
  });

  it("answers 503 naming the migrations a database has not run", async () => {
    const last = NAMES[NAMES.length - 2];
    const app = await appOn(await databaseUpTo(last));
    const res = await probe(app, READY_PATH);
    expect(res.statusCode).toBe(503);
    expectJsonProbe(res);
    expect(res.json()).toEqual({ status: "unavailable", reason: "migrations pending", pending: [NAMES[NAMES.length - 1]] });
  });

  it("answers 503 with every migration pending on a database never migrated", async () => {
    const app = await appOn(new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(":memory:") }) }));
    const res = await probe(app, READY_PATH);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "unavailable", reason: "migrations pending", pending: NAMES });
  });

  it("answers 503 when the database does not answer, while /healthz still says the process is up", async () => {
    const db = await openDatabase("sqlite::memory:");
    const app = await appOn(db);
    await db.destroy();
    const res = await probe(app, READY_PATH);
    expect(res.statusCode).toBe(503);
    expectJsonProbe(res);
    expect(res.json()).toEqual({ status: "unavailable", reason: "database unavailable" });
    expect((await probe(app, HEALTH_PATH)).statusCode).toBe(200);
  });

  it("answers 503 when the database file fails under it", async () => {
    const sqlite = new BetterSqlite3(":memory:");
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db);
    const app = await appOn(db as unknown as Db);
    // The connection closed beneath Kysely, as when the file's disk goes away.
    sqlite.close();
    const res = await probe(app, READY_PATH);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ reason: "database unavailable" });
  });
});
