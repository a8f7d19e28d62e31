import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { ALL_LOCATIONS } from "@domain/rules/access";
import { type AppOptions, buildApp } from "@server/app";
import type { Db } from "@server/db/database";
import { DEMO_ADMINS, demoAdminId } from "@server/db/seed";
import { openTestDatabase } from "./test-database";
import type { Actor } from "@server/features/auth/principal";

export type TestApp = Awaited<ReturnType<typeof buildApp>>;
type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/** The ADMIN_TOKEN of test apps: requests made with it act as the demo full administrator. */
export const TEST_ADMIN_TOKEN = "test-admin-token-for-the-server-tests";

/**
 * The real app whose injected requests act as the full administrator (through
 * ADMIN_TOKEN) unless they bring their own Authorization or Cookie header. Tests of
 * signing in and of roles send their own; `anonymous` sends exactly what it is given.
 */
export async function buildTestApp(db: Db, options: Partial<AppOptions> = {}) {
  const app = await buildApp({ db, adminToken: TEST_ADMIN_TOKEN, ...options });
  const anonymous = app.inject.bind(app) as Inject;
  const asAdmin: Inject = (request) => {
    const headers = request.headers ?? {};
    const ownCredentials = "authorization" in headers || "cookie" in headers;
    return anonymous({ ...request, headers: ownCredentials ? headers : { ...headers, authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  };
  Object.assign(app, { inject: asAdmin });
  return Object.assign(app, { anonymous });
}

/** The full administrator as the audit log names them, for tests that call services directly. */
export const TEST_ACTOR: Actor = {
  id: demoAdminId(DEMO_ADMINS.full.email),
  displayName: DEMO_ADMINS.full.displayName,
  email: DEMO_ADMINS.full.email,
  sourceIp: "127.0.0.1",
  trackingId: "CPA_test",
  scope: ALL_LOCATIONS,
};

export interface TestServer {
  app: Awaited<ReturnType<typeof buildTestApp>>;
  db: Db;
  close(): Promise<void>;
}

/** A fresh database (SQLite in memory, or PostgreSQL: see test-database.ts), migrated and seeded with the demo organisation, behind the real app. */
export async function startTestServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const db = await openTestDatabase({ seeded: true });
  const app = await buildTestApp(db, options);
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

/**
 * Registers a server per test ("each", for tests that write) or per file ("all",
 * for read-only suites). The returned object is filled in before each test runs.
 */
export function useTestServer(scope: "each" | "all" = "each"): TestServer {
  const server = {} as TestServer;
  const before = scope === "each" ? beforeEach : beforeAll;
  const after = scope === "each" ? afterEach : afterAll;
  before(async () => {
    Object.assign(server, await startTestServer());
  });
  after(async () => {
    await server.close();
  });
  return server;
}

export async function locationIdOf(db: Db, name: string): Promise<string> {
  const row = await db.selectFrom("locations").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return row.id;
}

/** The seeded person, workspace or virtual line holding an extension, read straight from its table. */
export async function memberWithExtension(db: Db, locationId: string, extension: string) {
  return db
    .selectFrom("members")
    .select(["id", "type", "display_name"])
    .where("location_id", "=", locationId)
    .where("extension", "=", extension)
    .executeTakeFirstOrThrow();
}

export async function huntGroupWithExtension(db: Db, locationId: string, extension: string) {
  return db
    .selectFrom("hunt_groups")
    .select(["id", "name"])
    .where("location_id", "=", locationId)
    .where("extension", "=", extension)
    .executeTakeFirstOrThrow();
}

/** Everything a call park extension write touches, to prove a refusal left no trace. */
export async function snapshot(db: Db, locationId: string) {
  const [extensions, numbers, location] = await Promise.all([
    db.selectFrom("call_park_extensions").selectAll().where("location_id", "=", locationId).orderBy("id").execute(),
    db.selectFrom("location_numbers").selectAll().where("location_id", "=", locationId).orderBy("extension").execute(),
    db.selectFrom("locations").select("call_park_extension_count").where("id", "=", locationId).executeTakeFirstOrThrow(),
  ]);
  return { extensions, numbers, count: location.call_park_extension_count };
}

/** Rows of call park extensions and of claimed numbers across the whole organisation. */
export async function totals(db: Db) {
  const [extensions, numbers] = await Promise.all([
    db.selectFrom("call_park_extensions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("location_numbers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { extensions: Number(extensions.n), numbers: Number(numbers.n) };
}

/** Adds call park extensions through the API, one after another, until the location holds `total`. */
export async function fillLocation(server: TestServer, locationId: string, total: number, firstExtension = 6000) {
  const { count } = await snapshot(server.db, locationId);
  for (let i = 0; count + i < total; i++) {
    const res = await server.app.inject({
      method: "POST",
      url: urlOf(api.callParkExtensions.create, { locationId }),
      payload: { name: `Filler ${i}`, extension: String(firstExtension + i) },
    });
    if (res.statusCode !== 201) throw new Error(`fillLocation: ${res.statusCode} ${res.body}`);
  }
}
